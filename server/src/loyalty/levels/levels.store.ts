import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loyaltyLevels, loyaltySettings, pointsAccounts, tenants } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { rulesFrom } from '../settings/loyalty-settings.ts';
import type { BrandLoyalty } from '../settings/settings.store.ts';

export type LevelRow = typeof loyaltyLevels.$inferSelect;
export type NewLevel = Omit<typeof loyaltyLevels.$inferInsert, 'id' | 'tenantId' | 'createdAt'>;

export const listLevelRows = (db: Db, tenantId: string) =>
  db
    .select()
    .from(loyaltyLevels)
    .where(eq(loyaltyLevels.tenantId, tenantId))
    .orderBy(asc(loyaltyLevels.rank));

/**
 * What a points change needs, in one round trip: the brand's rules and timezone, its levels, and the member's
 * current level.
 */
export const loadMemberLoyalty = async (
  db: Db,
  tenantId: string,
  memberId: string,
): Promise<{ brand: BrandLoyalty; levels: LevelRow[]; currentLevelId: string | null }> => {
  const rows = await db
    .select({
      timeZone: tenants.timezone,
      rules: loyaltySettings.rules,
      level: loyaltyLevels,
      currentLevelId: pointsAccounts.levelId,
    })
    .from(tenants)
    .leftJoin(loyaltySettings, eq(loyaltySettings.tenantId, tenants.id))
    .leftJoin(loyaltyLevels, eq(loyaltyLevels.tenantId, tenants.id))
    .leftJoin(
      pointsAccounts,
      and(eq(pointsAccounts.memberId, memberId), eq(pointsAccounts.levelId, loyaltyLevels.id)),
    )
    .where(eq(tenants.id, tenantId));
  const [first] = rows;
  if (!first) throw notFound('Brand');
  const levels = rows.flatMap((r) => (r.level ? [r.level] : []));
  return {
    brand: { rules: rulesFrom(first.rules), timeZone: first.timeZone },
    levels,
    currentLevelId: rows.find((r) => r.currentLevelId !== null)?.level?.id ?? null,
  };
};

export const findLevel = async (db: Db, tenantId: string, id: string): Promise<LevelRow> => {
  const [row] = await db
    .select()
    .from(loyaltyLevels)
    .where(and(eq(loyaltyLevels.tenantId, tenantId), eq(loyaltyLevels.id, id)));
  if (!row) throw notFound('Level');
  return row;
};

export const insertLevel = async (db: Db, tenantId: string, values: NewLevel): Promise<LevelRow> => {
  const [row] = await db
    .insert(loyaltyLevels)
    .values({ ...values, tenantId })
    .returning();
  return row!;
};

export const saveLevel = async (db: Db, tenantId: string, id: string, values: Partial<NewLevel>) => {
  const [row] = await db
    .update(loyaltyLevels)
    .set(values)
    .where(and(eq(loyaltyLevels.tenantId, tenantId), eq(loyaltyLevels.id, id)))
    .returning();
  if (!row) throw notFound('Level');
  return row;
};

export const setMemberLevel = async (
  db: Db,
  input: { tenantId: string; memberId: string; levelId: string | null },
): Promise<void> => {
  await db
    .update(pointsAccounts)
    .set({ levelId: input.levelId })
    .where(and(eq(pointsAccounts.tenantId, input.tenantId), eq(pointsAccounts.memberId, input.memberId)));
};
