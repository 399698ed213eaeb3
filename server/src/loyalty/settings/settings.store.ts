import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { loyaltySettings, tenants } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import { type LoyaltyRules, rulesFrom } from './loyalty-settings.ts';

export type BrandLoyalty = { rules: LoyaltyRules; timeZone: string };

/** The brand's rules (defaults filled in) and its timezone, in one query. */
export const loadBrandLoyalty = async (db: Db, tenantId: string): Promise<BrandLoyalty> => {
  const [row] = await db
    .select({ timeZone: tenants.timezone, rules: loyaltySettings.rules })
    .from(tenants)
    .leftJoin(loyaltySettings, eq(loyaltySettings.tenantId, tenants.id))
    .where(eq(tenants.id, tenantId));
  if (!row) throw notFound('Brand');
  return { rules: rulesFrom(row.rules), timeZone: row.timeZone };
};

export const saveBrandLoyalty = async (
  db: Db,
  input: { tenantId: string; rules: LoyaltyRules; timeZone?: string; now: Date },
): Promise<void> => {
  await db
    .insert(loyaltySettings)
    .values({ tenantId: input.tenantId, rules: input.rules, updatedAt: input.now })
    .onConflictDoUpdate({
      target: loyaltySettings.tenantId,
      set: { rules: input.rules, updatedAt: input.now },
    });
  if (input.timeZone) {
    await db.update(tenants).set({ timezone: input.timeZone }).where(eq(tenants.id, input.tenantId));
  }
};
