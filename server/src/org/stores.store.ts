import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { regions, stores } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { invalidInput } from './org.ts';
import { isUniqueViolation } from './unique-violation.ts';

export type StoreRow = typeof stores.$inferSelect;
export type StoreView = {
  id: string;
  code: string;
  name: string;
  address: string | null;
  regionId: string | null;
  createdAt: string;
};
export type StoreInput = { code: string; name: string; address?: string | null; regionId?: string | null };

const viewOf = (row: StoreRow): StoreView => ({
  id: row.id,
  code: row.code,
  name: row.name,
  address: row.address,
  regionId: row.regionId,
  createdAt: row.createdAt.toISOString(),
});

/** The subset of `ids` that are stores of this tenant. */
export const findTenantStoreIds = async (db: Db, tenantId: string, ids: string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.tenantId, tenantId), inArray(stores.id, ids)));
  return new Set(rows.map((r) => r.id));
};

const checkRegion = async (db: Db, tenantId: string, regionId: string | null | undefined) => {
  if (!regionId) return;
  const [region] = await db
    .select({ id: regions.id })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.id, regionId)));
  if (!region) throw invalidInput([{ path: 'regionId', message: 'no such region in this brand' }]);
};

const conflictOnCode = (error: unknown, code: string | undefined): never => {
  if (isUniqueViolation(error)) throw new AppError('conflict', `A store with code "${code}" exists`);
  throw error;
};

/** Stores the caller may see: the whole brand, or only the stores in a store-bound scope. */
const visible = (tenantId: string, scope: Scope): SQL | undefined =>
  scope.kind === 'brand'
    ? eq(stores.tenantId, tenantId)
    : and(eq(stores.tenantId, tenantId), inArray(stores.id, scope.storeIds));

export const createStore = async (db: Db, tenantId: string, input: StoreInput): Promise<StoreView> => {
  await checkRegion(db, tenantId, input.regionId);
  try {
    const [row] = await db
      .insert(stores)
      .values({ ...input, tenantId })
      .returning();
    return viewOf(row!);
  } catch (error) {
    return conflictOnCode(error, input.code);
  }
};

export const listStores = async (db: Db, tenantId: string, scope: Scope): Promise<StoreView[]> => {
  const rows = await db.select().from(stores).where(visible(tenantId, scope)).orderBy(asc(stores.code));
  return rows.map(viewOf);
};

export const getStore = async (db: Db, tenantId: string, scope: Scope, id: string): Promise<StoreView> => {
  const [row] = await db
    .select()
    .from(stores)
    .where(and(visible(tenantId, scope), eq(stores.id, id)));
  if (!row) throw notFound('Store');
  return viewOf(row);
};

export const updateStore = async (
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<StoreInput>,
): Promise<StoreView> => {
  await checkRegion(db, tenantId, patch.regionId);
  if (Object.keys(patch).length === 0) return getStore(db, tenantId, { kind: 'brand' }, id);
  try {
    const [row] = await db
      .update(stores)
      .set(patch)
      .where(and(eq(stores.tenantId, tenantId), eq(stores.id, id)))
      .returning();
    if (!row) throw notFound('Store');
    return viewOf(row);
  } catch (error) {
    return conflictOnCode(error, patch.code);
  }
};
