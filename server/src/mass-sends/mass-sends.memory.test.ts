import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIdentities, members } from '../db/schema/index.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { findMassSend, listRecipients } from './mass-sends.store.ts';
import { planMassSend } from './plan-mass-send.ts';
import { trackMassSend } from './track-mass-send.ts';

describe('mass sends on a platform that sends directly (the in-memory reference adapter)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('sends one outbound message per recipient, tracks each to sent, and keeps to a monthly figure', async () => {
    const platform = createMemoryPlatform(h.deps);
    const { deps } = platform;
    const tenantId = (await createBrand(deps)).tenant.id;
    const { account, adapter } = await platform.addAccount(tenantId, {
      capabilities: { rateLimits: { massPerMemberPerMonth: 2 } },
    });
    const memberIds: string[] = [];
    for (const externalId of ['m-1', 'm-2']) {
      const [member] = await deps.db.insert(members).values({ tenantId, name: externalId }).returning();
      await deps.db
        .insert(memberIdentities)
        .values({ tenantId, memberId: member!.id, platformAccountId: account.id, externalId });
      memberIds.push(member!.id);
    }
    const plan = (text: string) =>
      planMassSend(deps, {
        tenantId,
        platformAccountId: account.id,
        recipients: { kind: 'members', memberIds },
        content: { text },
      });
    const first = await plan('Hello all');
    await deliverOutbound(deps, { platformAccountId: account.id, rateLimits: createRateLimitStore() });
    expect(adapter.sent.map((s) => [s.target, s.content.text])).toEqual([
      [{ kind: 'member', memberExternalId: 'm-1' }, 'Hello all'],
      [{ kind: 'member', memberExternalId: 'm-2' }, 'Hello all'],
    ]);
    expect(await trackMassSend(deps, (await findMassSend(deps.db, tenantId, first.massSend!.id))!)).toBe(
      'completed',
    );
    expect((await listRecipients(deps.db, tenantId, first.massSend!.id)).map((r) => r.status)).toEqual([
      'sent',
      'sent',
    ]);

    expect((await plan('Second')).planned).toEqual(memberIds);
    expect(await plan('Third')).toMatchObject({ massSend: null, planned: [], overQuota: memberIds });
  });
});
