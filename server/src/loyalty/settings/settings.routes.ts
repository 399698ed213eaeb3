import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { requireAuth } from '../../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import { AppError } from '../../errors.ts';
import { createRouter } from '../../http/app.ts';
import { isValidTimeZone } from '../calendar.ts';
import { findTemplate } from '../coupons/coupons.store.ts';
import { type LoyaltyRules, loyaltyRulesSchema } from './loyalty-settings.ts';
import { loadBrandLoyalty, saveBrandLoyalty } from './settings.store.ts';

const authed = { security: bearer, middleware: [requireAuth], tags: ['loyalty'] };

const settingsSchema = z
  .object({
    rules: loyaltyRulesSchema,
    timeZone: z.string().openapi({ description: 'The brand’s calendar (check-in days, expiry), IANA name' }),
  })
  .openapi('LoyaltySettings');

const updateInput = z
  .object({
    rules: loyaltyRulesSchema.prefault({}),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isValidTimeZone, 'unknown timezone (use an IANA name such as Asia/Shanghai)')
      .optional(),
  })
  .openapi('UpdateLoyaltySettingsInput');

const getRoute = createRoute({
  ...authed,
  method: 'get',
  path: '/loyalty/settings',
  operationId: 'getLoyaltySettings',
  responses: { 200: jsonResponse('Settings', settingsSchema) },
});

const putRoute = createRoute({
  ...authed,
  method: 'put',
  path: '/loyalty/settings',
  operationId: 'updateLoyaltySettings',
  summary:
    'Points rules, check-in (keywords, streak bonuses, milestones, make-up cards), level basis, timezone',
  request: { body: jsonBody(updateInput) },
  responses: { 200: jsonResponse('Settings', settingsSchema) },
});

/** Coupons named by rewards must be the brand's own templates. */
const checkRewardCoupons = async (
  db: Parameters<typeof findTemplate>[0],
  tenantId: string,
  rules: LoyaltyRules,
) => {
  const rewards = [...rules.checkin.streakBonuses, ...rules.checkin.milestones];
  for (const templateId of new Set(
    rewards.flatMap((r) => (r.couponTemplateId ? [r.couponTemplateId] : [])),
  )) {
    try {
      await findTemplate(db, tenantId, templateId);
    } catch {
      const message = `no such coupon template in this brand: ${templateId}`;
      throw new AppError('validation_failed', `Invalid body: rules.checkin: ${message}`, [
        { path: 'rules.checkin', message },
      ]);
    }
  }
};

export const loyaltySettingsRouter = createRouter()
  .openapi(getRoute, async (c) => {
    const { rules, timeZone } = await loadBrandLoyalty(c.var.deps.db, c.var.auth.tenantId);
    return c.json({ rules, timeZone }, 200);
  })
  .openapi(putRoute, async (c) => {
    const { deps, auth } = c.var;
    requireRole(auth, ...ORG_ADMIN_ROLES);
    const input = c.req.valid('json');
    await checkRewardCoupons(deps.db, auth.tenantId, input.rules);
    await saveBrandLoyalty(deps.db, { tenantId: auth.tenantId, ...input, now: deps.now() });
    const { rules, timeZone } = await loadBrandLoyalty(deps.db, auth.tenantId);
    return c.json({ rules, timeZone }, 200);
  });
