import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { tenants } from '../db/schema/index.ts';

/** A brand's analytics settings, kept under `tenants.settings.analytics`; defaults apply to a brand that never set them. */
export const analyticsSettingsSchema = z
  .object({
    /** An order counts for the campaigns its member joined at most this many days before it. */
    attributionWindowDays: z.number().int().min(1).max(90).default(7),
  })
  .openapi('AnalyticsSettings');
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const readAnalyticsSettings = (settings: Record<string, unknown>): AnalyticsSettings => {
  const parsed = analyticsSettingsSchema.safeParse(settings.analytics ?? {});
  return parsed.success ? parsed.data : analyticsSettingsSchema.parse({});
};

export const loadAnalyticsSettings = async (
  db: Db,
  tenantId: string,
): Promise<AnalyticsSettings & { timezone: string }> => {
  const [tenant] = await db
    .select({ settings: tenants.settings, timezone: tenants.timezone })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return { ...readAnalyticsSettings(tenant?.settings ?? {}), timezone: tenant?.timezone ?? 'UTC' };
};

export const saveAnalyticsSettings = async (
  db: Db,
  tenantId: string,
  values: AnalyticsSettings,
): Promise<void> => {
  await db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ settings: tenants.settings })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('update');
    await tx
      .update(tenants)
      .set({ settings: { ...(tenant?.settings ?? {}), analytics: values } })
      .where(eq(tenants.id, tenantId));
  });
};
