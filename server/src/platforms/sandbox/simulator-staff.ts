import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../app/deps.ts';
import { staff, staffAccounts } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { isUuid } from '../accounts.ts';
import { insertSandboxUser, listSandboxUsers, type SandboxAccount } from './sandbox.store.ts';

/**
 * A sandbox staff account for an Orchard staff member: the sandbox user (the platform side) and the
 * staff_accounts row that tells Orchard whose account it is, created together.
 */
export const createSandboxStaffAccount = async (
  deps: Pick<AppDeps, 'db' | 'now'>,
  account: SandboxAccount,
  input: { staffId: string; name?: string },
) => {
  const [member] = await deps.db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.id, input.staffId), eq(staff.tenantId, account.tenantId)));
  if (!member) throw notFound('Staff member');
  const name = input.name ?? member.name;
  return deps.db.transaction(async (tx) => {
    const user = await insertSandboxUser(tx, account, { kind: 'staff', name, now: deps.now() });
    await tx.insert(staffAccounts).values({
      tenantId: account.tenantId,
      staffId: member.id,
      platformAccountId: account.id,
      externalId: user.id,
      displayName: name,
      createdAt: deps.now(),
    });
    return { id: user.id, name: user.name, staffId: member.id };
  });
};

export const listSandboxStaffAccounts = async (deps: Pick<AppDeps, 'db'>, account: SandboxAccount) => {
  const users = await listSandboxUsers(deps.db, account, 'staff');
  const links = await deps.db
    .select({ externalId: staffAccounts.externalId, staffId: staffAccounts.staffId })
    .from(staffAccounts)
    .where(
      and(eq(staffAccounts.platformAccountId, account.id), eq(staffAccounts.tenantId, account.tenantId)),
    );
  const staffOf = new Map(links.filter((l) => isUuid(l.externalId)).map((l) => [l.externalId, l.staffId]));
  return users.map((u) => ({ id: u.id, name: u.name, staffId: staffOf.get(u.id) ?? null }));
};
