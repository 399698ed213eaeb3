import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { channelCodeStaff, channelCodes, staffAccounts, tenants } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import type { ChannelCodeView } from './acquisition.schemas.ts';
import { codeStatusOf, publicLinkOf } from './acquisition.ts';

export type ChannelCodeRow = typeof channelCodes.$inferSelect;
export type ChannelCodeInsert = typeof channelCodes.$inferInsert;
export type CodeStaffRow = typeof channelCodeStaff.$inferSelect;
export type CodeStaffInput = { staffId: string; isBackup: boolean; dailyCap: number | null };

export const codeViewOf = (
  row: ChannelCodeRow,
  staff: CodeStaffRow[],
  options: { publicUrl: string; now: Date },
): ChannelCodeView => ({
  id: row.id,
  name: row.name,
  source: row.source,
  purpose: row.purpose,
  referrerMemberId: row.referrerMemberId,
  platformAccountId: row.platformAccountId,
  storeId: row.storeId,
  partnerId: row.partnerId,
  target:
    row.targetKind === 'group'
      ? { kind: 'group', seriesId: row.seriesId! }
      : {
          kind: 'staff',
          strategy: row.strategy ?? 'round_robin',
          staff: staff
            .filter((s) => !s.isBackup)
            .sort((a, b) => a.position - b.position)
            .map((s) => ({ staffId: s.staffId, dailyCap: s.dailyCap })),
          backupStaffIds: staff
            .filter((s) => s.isBackup)
            .sort((a, b) => a.position - b.position)
            .map((s) => s.staffId),
          schedule: row.schedule,
        },
  tagNames: row.tagNames,
  welcome: row.welcome,
  headline: row.headline,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  totalCap: row.totalCap,
  status: codeStatusOf(row, options.now),
  link: publicLinkOf(options.publicUrl, row.token),
  state: row.state,
  scanCount: row.scanCount,
  arrivalCount: row.arrivalCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Brand-wide callers see every code; store-bound ones only their stores' codes. */
const visibleCodes = (tenantId: string, scope: Scope): SQL | undefined =>
  scope.kind === 'brand'
    ? eq(channelCodes.tenantId, tenantId)
    : and(eq(channelCodes.tenantId, tenantId), inArray(channelCodes.storeId, scope.storeIds));

export const insertChannelCode = async (
  db: Db,
  values: ChannelCodeInsert,
  staff: CodeStaffInput[],
): Promise<ChannelCodeRow> => {
  const [row] = await db.insert(channelCodes).values(values).returning();
  await replaceCodeStaff(db, row!, staff);
  return row!;
};

export const replaceCodeStaff = async (
  db: Db,
  code: { id: string; tenantId: string },
  staff: CodeStaffInput[],
): Promise<void> => {
  await db
    .delete(channelCodeStaff)
    .where(and(eq(channelCodeStaff.tenantId, code.tenantId), eq(channelCodeStaff.codeId, code.id)));
  if (staff.length === 0) return;
  await db
    .insert(channelCodeStaff)
    .values(staff.map((s, position) => ({ ...s, tenantId: code.tenantId, codeId: code.id, position })));
};

export const listCodeStaff = (db: Db, tenantId: string, codeIds: string[]): Promise<CodeStaffRow[]> =>
  codeIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(channelCodeStaff)
        .where(and(eq(channelCodeStaff.tenantId, tenantId), inArray(channelCodeStaff.codeId, codeIds)))
        .orderBy(asc(channelCodeStaff.position));

export const findVisibleCode = async (
  db: Db,
  options: { tenantId: string; scope: Scope; id: string },
): Promise<ChannelCodeRow> => {
  const [row] = await db
    .select()
    .from(channelCodes)
    .where(and(visibleCodes(options.tenantId, options.scope), eq(channelCodes.id, options.id)));
  if (!row) throw notFound('Channel code');
  return row;
};

export const listCodes = async (
  db: Db,
  options: {
    tenantId: string;
    scope: Scope;
    limit: number;
    cursor?: string;
    source?: string;
    storeId?: string;
    purpose?: string;
    includeArchived: boolean;
  },
): Promise<Page<ChannelCodeRow>> => {
  const rows = await db
    .select()
    .from(channelCodes)
    .where(
      and(
        visibleCodes(options.tenantId, options.scope),
        options.source ? eq(channelCodes.source, options.source as ChannelCodeRow['source']) : undefined,
        options.storeId ? eq(channelCodes.storeId, options.storeId) : undefined,
        options.purpose ? eq(channelCodes.purpose, options.purpose) : undefined,
        options.includeArchived ? undefined : eq(channelCodes.isArchived, false),
        options.cursor ? olderThanCursor(channelCodes, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(channelCodes.createdAt), desc(channelCodes.id))
    .limit(options.limit + 1);
  return pageOf(
    rows,
    options.limit,
    (row) => row.id,
    (row) => row,
  );
};

export const findCodeByToken = async (db: Db, token: string): Promise<ChannelCodeRow | undefined> => {
  const [row] = await db.select().from(channelCodes).where(eq(channelCodes.token, token));
  return row;
};

/** The code an inbound event's entry state names, on that platform account. */
export const findCodeByState = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; state: string },
): Promise<ChannelCodeRow | undefined> => {
  const [row] = await db
    .select()
    .from(channelCodes)
    .where(
      and(
        eq(channelCodes.tenantId, input.tenantId),
        eq(channelCodes.platformAccountId, input.platformAccountId),
        eq(channelCodes.state, input.state),
      ),
    );
  return row;
};

/** Staff members' accounts on one platform account (the first when a member has several). */
export const findStaffExternalIds = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; staffIds: string[] },
): Promise<Map<string, string>> => {
  if (input.staffIds.length === 0) return new Map();
  const rows = await db
    .select({ staffId: staffAccounts.staffId, externalId: staffAccounts.externalId })
    .from(staffAccounts)
    .where(
      and(
        eq(staffAccounts.tenantId, input.tenantId),
        eq(staffAccounts.platformAccountId, input.platformAccountId),
        inArray(staffAccounts.staffId, input.staffIds),
      ),
    )
    .orderBy(desc(staffAccounts.createdAt));
  return new Map(rows.map((r) => [r.staffId, r.externalId]));
};

export const findTenantTimezone = async (db: Db, tenantId: string): Promise<string> => {
  const [row] = await db.select({ timezone: tenants.timezone }).from(tenants).where(eq(tenants.id, tenantId));
  return row?.timezone ?? 'UTC';
};
