import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staff, staffAccounts } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';

export type StaffAccountView = {
  id: string;
  staffId: string;
  externalId: string;
  displayName: string | null;
  createdAt: string;
};

const viewOf = (row: typeof staffAccounts.$inferSelect): StaffAccountView => ({
  id: row.id,
  staffId: row.staffId,
  externalId: row.externalId,
  displayName: row.displayName,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Tell Orchard whose a platform account's user is (a WeCom userid, a Telegram user id): events naming it
 * reach that staff member, and tasks for it (confirm a mass send, an alert) are theirs.
 */
export const linkStaffAccount = async (
  db: Db,
  input: {
    tenantId: string;
    platformAccountId: string;
    staffId: string;
    externalId: string;
    displayName?: string;
    now: Date;
  },
): Promise<StaffAccountView> => {
  const [member] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.tenantId, input.tenantId), eq(staff.id, input.staffId)));
  if (!member) {
    throw new AppError('validation_failed', 'Unknown staff member', [
      { path: 'staffId', message: 'not a staff member of this brand' },
    ]);
  }
  const [row] = await db
    .insert(staffAccounts)
    .values({
      tenantId: input.tenantId,
      staffId: input.staffId,
      platformAccountId: input.platformAccountId,
      externalId: input.externalId,
      displayName: input.displayName ?? null,
      createdAt: input.now,
    })
    .returning()
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw new AppError('conflict', `${input.externalId} is already linked to a staff member`);
      throw error;
    });
  return viewOf(row!);
};

export const listStaffAccounts = async (
  db: Db,
  tenantId: string,
  platformAccountId: string,
): Promise<StaffAccountView[]> =>
  (
    await db
      .select()
      .from(staffAccounts)
      .where(
        and(eq(staffAccounts.tenantId, tenantId), eq(staffAccounts.platformAccountId, platformAccountId)),
      )
      .orderBy(asc(staffAccounts.createdAt), asc(staffAccounts.externalId))
  ).map(viewOf);

export const unlinkStaffAccount = async (db: Db, tenantId: string, id: string): Promise<void> => {
  const rows = await db
    .delete(staffAccounts)
    .where(and(eq(staffAccounts.tenantId, tenantId), eq(staffAccounts.id, id)))
    .returning({ id: staffAccounts.id });
  if (rows.length === 0) throw notFound('Staff account');
};

/** The Orchard staff id behind a platform user, when the sender is one of the brand's staff accounts. */
export const findStaffBehind = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; externalId: string },
): Promise<string | null> => {
  const [row] = await db
    .select({ staffId: staffAccounts.staffId })
    .from(staffAccounts)
    .where(
      and(
        eq(staffAccounts.tenantId, input.tenantId),
        eq(staffAccounts.platformAccountId, input.platformAccountId),
        eq(staffAccounts.externalId, input.externalId),
      ),
    );
  return row?.staffId ?? null;
};
