import { and, count, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../../access/auth-context.ts';
import type { Db } from '../../db/client.ts';
import { fulfilments, mallItems, mallRedemptions } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';

export type MallItemRow = typeof mallItems.$inferSelect;
export type NewMallItem = Omit<
  typeof mallItems.$inferInsert,
  'id' | 'tenantId' | 'createdAt' | 'redeemedCount'
>;
export type RedemptionRow = typeof mallRedemptions.$inferSelect;
export type FulfilmentRow = typeof fulfilments.$inferSelect;

export const insertMallItem = async (db: Db, tenantId: string, values: NewMallItem) => {
  const [row] = await db
    .insert(mallItems)
    .values({ ...values, tenantId })
    .returning();
  return row!;
};

export const listMallItemRows = (db: Db, tenantId: string, options: { isActiveOnly?: boolean } = {}) =>
  db
    .select()
    .from(mallItems)
    .where(
      and(eq(mallItems.tenantId, tenantId), options.isActiveOnly ? eq(mallItems.isActive, true) : undefined),
    )
    .orderBy(desc(mallItems.createdAt));

export const findMallItem = async (db: Db, tenantId: string, id: string): Promise<MallItemRow> => {
  const [row] = await db
    .select()
    .from(mallItems)
    .where(and(eq(mallItems.tenantId, tenantId), eq(mallItems.id, id)));
  if (!row) throw notFound('Mall item');
  return row;
};

export const saveMallItem = async (db: Db, tenantId: string, id: string, values: Partial<NewMallItem>) => {
  const [row] = await db
    .update(mallItems)
    .set(values)
    .where(and(eq(mallItems.tenantId, tenantId), eq(mallItems.id, id)))
    .returning();
  if (!row) throw notFound('Mall item');
  return row;
};

/**
 * Take one from stock, if any is left: a guarded UPDATE, so members racing for the last items queue on the
 * row and each re-checks the guard on the count the previous one left. False when none is left.
 */
export const takeStock = async (db: Db, itemId: string): Promise<boolean> => {
  const rows = await db
    .update(mallItems)
    .set({
      stock: sql`case when ${mallItems.stock} is null then null else ${mallItems.stock} - 1 end`,
      redeemedCount: sql`${mallItems.redeemedCount} + 1`,
    })
    .where(and(eq(mallItems.id, itemId), or(isNull(mallItems.stock), sql`${mallItems.stock} > 0`)))
    .returning({ id: mallItems.id });
  return rows.length > 0;
};

export const countRedemptions = async (db: Db, input: { itemId: string; memberId: string }) => {
  const [row] = await db
    .select({ n: count() })
    .from(mallRedemptions)
    .where(and(eq(mallRedemptions.itemId, input.itemId), eq(mallRedemptions.memberId, input.memberId)));
  return row?.n ?? 0;
};

export const findRedemptionByKey = async (db: Db, tenantId: string, idempotencyKey: string) => {
  const [row] = await db
    .select({ redemption: mallRedemptions, fulfilment: fulfilments })
    .from(mallRedemptions)
    .leftJoin(fulfilments, eq(fulfilments.redemptionId, mallRedemptions.id))
    .where(and(eq(mallRedemptions.tenantId, tenantId), eq(mallRedemptions.idempotencyKey, idempotencyKey)));
  return row ?? null;
};

export const insertRedemption = async (db: Db, values: typeof mallRedemptions.$inferInsert) => {
  const [row] = await db.insert(mallRedemptions).values(values).returning();
  return row!;
};

export const insertFulfilment = async (db: Db, values: typeof fulfilments.$inferInsert) => {
  const [row] = await db.insert(fulfilments).values(values).returning();
  return row!;
};

/** Store roles see pickups at their own stores; shipping is headquarters' work. */
const fulfilmentScope = (scope: Scope): SQL | undefined =>
  scope.kind === 'brand' ? undefined : inArray(fulfilments.storeId, scope.storeIds);

export const listFulfilmentRows = (
  db: Db,
  input: { tenantId: string; scope: Scope; status?: 'pending' | 'done'; limit: number },
) =>
  db
    .select()
    .from(fulfilments)
    .where(
      and(
        eq(fulfilments.tenantId, input.tenantId),
        fulfilmentScope(input.scope),
        input.status ? eq(fulfilments.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(fulfilments.createdAt))
    .limit(input.limit);

export const completeFulfilmentRow = async (
  db: Db,
  input: { tenantId: string; scope: Scope; id: string; staffId: string | null; now: Date },
): Promise<FulfilmentRow> => {
  const where = and(
    eq(fulfilments.tenantId, input.tenantId),
    eq(fulfilments.id, input.id),
    fulfilmentScope(input.scope),
  );
  const [done] = await db
    .update(fulfilments)
    .set({ status: 'done', completedAt: input.now, completedBy: input.staffId })
    .where(and(where, eq(fulfilments.status, 'pending')))
    .returning();
  if (done) return done;
  // Already done (a second click) answers as the first did; anything else is not the caller's to see.
  const [current] = await db.select().from(fulfilments).where(where);
  if (!current) throw notFound('Fulfilment');
  return current;
};
