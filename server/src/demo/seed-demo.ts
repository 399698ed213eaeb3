import { eq } from 'drizzle-orm';
import { createChannelCode } from '../acquisition/create-channel-code.ts';
import type { AppDeps } from '../app/deps.ts';
import { communities, regions, staff, staffRoles, stores, tenants } from '../db/schema/index.ts';
import { wakeEventProcessor } from '../jobs/job-names.ts';
import { seedDemoLoyalty } from '../loyalty/demo-loyalty.ts';
import { addPlatformAccount } from '../platforms/platform-accounts.service.ts';
import { insertSandboxUser, type SandboxAccount } from '../platforms/sandbox/sandbox.store.ts';
import { sandboxCapabilities } from '../platforms/sandbox/sandbox.ts';
import { createGroupAsBot, createLinkAsBot } from '../platforms/sandbox/sandbox-bot.ts';
import { runInSandbox } from '../platforms/sandbox/sandbox-runtime.ts';
import { readSandboxSettings } from '../platforms/sandbox/sandbox-settings.ts';
import { openLink } from '../platforms/sandbox/sandbox-world.ts';
import { createSandboxStaffAccount } from '../platforms/sandbox/simulator-staff.ts';
import { saveWelcome } from '../welcome/welcome.store.ts';
import { demoBrand, staffEmailOf } from './demo-brand.ts';

/**
 * Fills a brand with demo data: a region, three stores with a manager and a guide each, an operator, a sandbox
 * account with a staff account per guide, one group per store with its join link, a store-poster contact link,
 * a few members who already came in, a store-poster channel code and the brand's welcomes. Runs once per brand (marked in the brand's settings), in one transaction.
 */
export const seedDemo = async (deps: AppDeps, input: { tenantId: string }): Promise<{ created: boolean }> => {
  if (!deps.config.sandboxEnabled) return { created: false };
  const created = await deps.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId)).for('update');
    if (!tenant || tenant.settings.demoSeededAt) return false;
    const txDeps = { ...deps, db: tx };
    const now = deps.now();
    const { tenantId } = input;

    const [region] = await tx.insert(regions).values({ tenantId, name: demoBrand.region }).returning();
    const [operator] = await tx
      .insert(staff)
      .values({ tenantId, name: demoBrand.operator.name, email: demoBrand.operator.email })
      .returning();
    await tx.insert(staffRoles).values({ tenantId, staffId: operator!.id, role: 'operator' });

    // Everything goes through `tx`: on PGlite a query on deps.db inside this transaction would wait forever.
    const { row } = await addPlatformAccount(txDeps, tenantId, { platform: 'sandbox', name: 'Sandbox' });
    const account: SandboxAccount = { id: row.id, tenantId, settings: readSandboxSettings(row.settings) };

    const guideAccounts: string[] = [];
    const guideStaffIds: string[] = [];
    const storeIds: string[] = [];
    for (const spec of demoBrand.stores) {
      const [store] = await tx
        .insert(stores)
        .values({ tenantId, regionId: region!.id, code: spec.code, name: spec.name })
        .returning();
      const storeId = store!.id;
      storeIds.push(storeId);
      for (const role of ['manager', 'guide'] as const) {
        const [member] = await tx
          .insert(staff)
          .values({ tenantId, storeId, name: `${spec.name} ${role}`, email: staffEmailOf(role, spec.code) })
          .returning();
        await tx.insert(staffRoles).values({
          tenantId,
          staffId: member!.id,
          role: role === 'manager' ? 'store_manager' : 'guide',
          storeId,
        });
        if (role === 'guide') {
          const sandboxStaff = await createSandboxStaffAccount(txDeps, account, { staffId: member!.id });
          guideAccounts.push(sandboxStaff.id);
          guideStaffIds.push(member!.id);
          await runInSandbox({ db: tx, account, now: deps.now }, async (world) => {
            const group = await createGroupAsBot(world, {
              name: `${spec.group} A`,
              ownerStaffExternalId: sandboxStaff.id,
            });
            await tx.insert(communities).values({
              tenantId,
              storeId,
              platformAccountId: account.id,
              externalId: group.externalId,
              name: `${spec.group} A`,
              capacity: account.settings.groupCapacity,
            });
            await createLinkAsBot(world, {
              kind: 'group',
              state: `group-${spec.code.toLowerCase()}`,
              groupExternalIds: [group.externalId],
              autoCreateGroup: { nameTemplate: spec.group },
            });
          });
        }
      }
    }

    // The store-poster code leads to any guide; the first members scan it and join their store's group.
    await runInSandbox({ db: tx, account, now: deps.now }, async (world) => {
      const poster = await createLinkAsBot(world, {
        kind: 'contact',
        state: 'store-poster',
        staffExternalIds: guideAccounts,
      });
      for (const name of demoBrand.members) {
        const member = await insertSandboxUser(tx, account, { kind: 'member', name, now });
        await openLink(world, { member, token: poster.link.token });
      }
    });

    // A channel code as operators make them (its link goes through Orchard's choice), and the brand's welcomes.
    await createChannelCode(txDeps, {
      tenantId,
      scope: { kind: 'brand' },
      db: tx,
      capabilities: sandboxCapabilities(account.settings),
      input: {
        ...demoBrand.channelCode,
        platformAccountId: account.id,
        target: {
          kind: 'staff',
          strategy: 'round_robin',
          staff: guideStaffIds.map((staffId) => ({ staffId })),
          dailyCap: 50,
        },
      },
    });
    await saveWelcome(tx, { tenantId, scope: 'brand', scopeId: null, changes: demoBrand.welcome, now });
    await seedDemoLoyalty(tx, { tenantId, pickupStoreIds: storeIds });

    await tx
      .update(tenants)
      .set({ name: demoBrand.name, settings: { ...tenant.settings, demoSeededAt: now.toISOString() } })
      .where(eq(tenants.id, tenantId));
    return true;
  });
  if (created) await wakeEventProcessor(deps.jobs);
  return { created };
};
