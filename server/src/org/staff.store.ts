import { and, asc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { RoleGrant } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { staff, staffAccounts, staffRoles, tenants } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';

export type StaffRow = typeof staff.$inferSelect;

/** A staff member as the API shows it: never the password hash. */
export type StaffView = {
  id: string;
  name: string;
  email: string | null;
  storeId: string | null;
  isActive: boolean;
  hasPassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  roles: RoleGrant[];
};

export const grantsOf = async (db: Db, tenantId: string, staffIds: string[]) => {
  if (staffIds.length === 0) return [];
  return db
    .select({ staffId: staffRoles.staffId, role: staffRoles.role, storeId: staffRoles.storeId })
    .from(staffRoles)
    .where(and(eq(staffRoles.tenantId, tenantId), inArray(staffRoles.staffId, staffIds)))
    .orderBy(asc(staffRoles.createdAt));
};

const viewsOf = async (db: Db, tenantId: string, rows: StaffRow[]): Promise<StaffView[]> => {
  const grants = await grantsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    storeId: row.storeId,
    isActive: row.isActive,
    hasPassword: row.passwordHash !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    roles: grants.filter((g) => g.staffId === row.id).map(({ role, storeId }) => ({ role, storeId })),
  }));
};

/** A store-bound caller sees the staff based at, or holding a role in, one of its stores. */
const visible = (tenantId: string, scope: Scope): SQL | undefined => {
  if (scope.kind === 'brand') return eq(staff.tenantId, tenantId);
  const grantedThere = sql`exists (select 1 from ${staffRoles} where ${staffRoles.staffId} = ${staff.id} and ${inArray(staffRoles.storeId, scope.storeIds)})`;
  return and(eq(staff.tenantId, tenantId), or(inArray(staff.storeId, scope.storeIds), grantedThere));
};

/** Staff with an account (a WeCom userid, a sandbox staff user) on the platform account. */
const hasAccountOn = (tenantId: string, platformAccountId: string): SQL =>
  sql`exists (select 1 from ${staffAccounts} where ${staffAccounts.staffId} = ${staff.id} and ${and(
    eq(staffAccounts.tenantId, tenantId),
    eq(staffAccounts.platformAccountId, platformAccountId),
  )})`;

export const listStaff = async (
  db: Db,
  options: { tenantId: string; scope: Scope; storeId?: string; withAccountOn?: string },
): Promise<StaffView[]> => {
  const rows = await db
    .select()
    .from(staff)
    .where(
      and(
        visible(options.tenantId, options.scope),
        options.storeId ? eq(staff.storeId, options.storeId) : undefined,
        options.withAccountOn ? hasAccountOn(options.tenantId, options.withAccountOn) : undefined,
      ),
    )
    .orderBy(asc(staff.name), asc(staff.id));
  return viewsOf(db, options.tenantId, rows);
};

export const findStaffRow = async (
  db: Db,
  tenantId: string,
  id: string,
  scope: Scope = { kind: 'brand' },
) => {
  const [row] = await db
    .select()
    .from(staff)
    .where(and(visible(tenantId, scope), eq(staff.id, id)));
  if (!row) throw notFound('Staff member');
  return row;
};

export const getStaff = async (db: Db, tenantId: string, scope: Scope, id: string): Promise<StaffView> => {
  const row = await findStaffRow(db, tenantId, id, scope);
  const [view] = await viewsOf(db, tenantId, [row]);
  return view!;
};

export const replaceGrants = async (db: Db, tenantId: string, staffId: string, grants: RoleGrant[]) => {
  await db.delete(staffRoles).where(and(eq(staffRoles.tenantId, tenantId), eq(staffRoles.staffId, staffId)));
  if (grants.length > 0) {
    await db
      .insert(staffRoles)
      .values(grants.map((g) => ({ tenantId, staffId, role: g.role, storeId: g.storeId })));
  }
};

/**
 * Serialises changes to who owns a brand (a row lock on the tenant), then counts the other active owners,
 * so two concurrent demotions cannot leave a brand without one.
 */
export const countOtherActiveOwners = async (tx: Db, tenantId: string, staffId: string): Promise<number> => {
  await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId)).for('update');
  const [row] = await tx
    .select({ n: sql<number>`count(distinct ${staff.id})::int` })
    .from(staff)
    .innerJoin(staffRoles, eq(staffRoles.staffId, staff.id))
    .where(
      and(
        eq(staff.tenantId, tenantId),
        eq(staff.isActive, true),
        eq(staffRoles.role, 'owner'),
        ne(staff.id, staffId),
      ),
    );
  return row?.n ?? 0;
};
