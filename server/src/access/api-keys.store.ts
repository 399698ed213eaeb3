import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { apiKeys, type RoleName } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { findGrantProblems, invalidInput } from '../org/org.ts';
import { requireGrantable } from '../org/staff-guards.ts';
import { findTenantStoreIds } from '../org/stores.store.ts';
import type { AuthContext } from './auth-context.ts';
import { generateApiKey } from './tokens.ts';

/** An API key as listed: never its secret, which exists only in the creation response. */
export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  role: RoleName;
  storeId: string | null;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

const viewOf = (row: typeof apiKeys.$inferSelect): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  storeId: row.storeId,
  createdBy: row.createdBy,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** A key acts with one role, like a staff grant: store roles need a store of this brand. */
export const createApiKey = async (
  db: Db,
  auth: AuthContext,
  input: { name: string; role: RoleName; storeId?: string | null },
): Promise<ApiKeyView & { key: string }> => {
  const known = await findTenantStoreIds(db, auth.tenantId, input.storeId ? [input.storeId] : []);
  const problems = findGrantProblems([input], known).map((p) => ({ ...p, path: 'storeId' }));
  if (problems.length > 0) throw invalidInput(problems);
  requireGrantable(auth, input.role);
  const { key, prefix, secretHash } = generateApiKey();
  const [row] = await db
    .insert(apiKeys)
    .values({
      tenantId: auth.tenantId,
      name: input.name,
      prefix,
      secretHash,
      role: input.role,
      storeId: input.storeId ?? null,
      createdBy: auth.actor.type === 'staff' ? auth.actor.id : null,
    })
    .returning();
  return { ...viewOf(row!), key };
};

export const listApiKeys = async (db: Db, tenantId: string): Promise<ApiKeyView[]> => {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(viewOf);
};

/** Revoking twice keeps the first revocation time. */
export const revokeApiKey = async (
  db: Db,
  input: { tenantId: string; id: string; now: Date },
): Promise<ApiKeyView> => {
  const mine = and(eq(apiKeys.tenantId, input.tenantId), eq(apiKeys.id, input.id));
  await db
    .update(apiKeys)
    .set({ revokedAt: input.now })
    .where(and(mine, isNull(apiKeys.revokedAt)));
  const [row] = await db.select().from(apiKeys).where(mine);
  if (!row) throw notFound('API key');
  return viewOf(row);
};
