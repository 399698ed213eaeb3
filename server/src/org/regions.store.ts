import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { isUniqueViolation } from './unique-violation.ts';

export type RegionView = { id: string; name: string; createdAt: string };

const viewOf = (row: typeof regions.$inferSelect): RegionView => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
});

export const createRegion = async (
  db: Db,
  input: { tenantId: string; name: string },
): Promise<RegionView> => {
  try {
    const [row] = await db.insert(regions).values(input).returning();
    return viewOf(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `A region named "${input.name}" exists`);
    throw error;
  }
};

export const listRegions = async (db: Db, tenantId: string): Promise<RegionView[]> => {
  const rows = await db
    .select()
    .from(regions)
    .where(eq(regions.tenantId, tenantId))
    .orderBy(asc(regions.name));
  return rows.map(viewOf);
};
