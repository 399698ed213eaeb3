import { z } from '@hono/zod-openapi';
import { daysBetween } from './funnel-period.ts';
import { type FunnelRequest, type FunnelScope, funnelScopeKinds } from './funnel-sql.ts';

const day = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'a valid date')
    .openapi({ param: { name, in: 'query' }, example: '2031-03-01' });

const periodFields = { from: day('from'), to: day('to') };
const scopeFields = {
  scope: z
    .enum(funnelScopeKinds)
    .default('brand')
    .openapi({ param: { name: 'scope', in: 'query' } }),
  scopeId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'scopeId', in: 'query' } }),
};

type PeriodLike = { from: string; to: string };
type ScopeLike = { scope: string; scopeId?: string };
const checkPeriod = (q: PeriodLike, ctx: z.RefinementCtx) => {
  if (q.from > q.to) ctx.addIssue({ code: 'custom', message: 'must not be after to', path: ['from'] });
  else if (daysBetween(q.from, q.to) > 366)
    ctx.addIssue({ code: 'custom', message: 'at most 366 days', path: ['to'] });
};
const checkScope = (q: ScopeLike, ctx: z.RefinementCtx) => {
  if (q.scope !== 'brand' && q.scopeId === undefined)
    ctx.addIssue({ code: 'custom', message: 'required unless scope is brand', path: ['scopeId'] });
};

/** A period of local days (the brand's zone), both ends included, at most a year. */
export const periodQuery = z.object(periodFields).superRefine(checkPeriod);

/** A scope (brand, store, channel code, community, campaign) and a period. */
export const funnelQuery = z.object({ ...scopeFields, ...periodFields }).superRefine((q, ctx) => {
  checkScope(q, ctx);
  checkPeriod(q, ctx);
});

export const withFunnelQuery = <T extends z.ZodRawShape>(extra: T) =>
  z.object({ ...scopeFields, ...periodFields, ...extra }).superRefine((q, ctx) => {
    checkScope(q as ScopeLike, ctx);
    checkPeriod(q as PeriodLike, ctx);
  });

export const toFunnelScope = (q: { scope: FunnelScope['kind']; scopeId?: string }): FunnelScope =>
  q.scope === 'brand' ? { kind: 'brand' } : { kind: q.scope, id: q.scopeId! };

/** A validated funnel query (withFunnelQuery) as the caller's request. */
export const toFunnelRequest = (
  caller: Pick<FunnelRequest, 'tenantId' | 'access' | 'now'>,
  q: { scope: FunnelScope['kind']; scopeId?: string; from: string; to: string },
): FunnelRequest => ({ ...caller, scope: toFunnelScope(q), from: q.from, to: q.to });

const retention = z.object({ eligible: z.number(), retained: z.number(), rate: z.number() });
export const funnelFiguresSchema = z
  .object({
    acquisition: z.object({ newMembers: z.number() }),
    activation: z.object({ activated: z.number(), rate: z.number() }),
    retention: z.object({ w1: retention, w2: retention, w4: retention }),
    revenue: z.object({
      buyers: z.number(),
      orders: z.number(),
      grossCents: z.number(),
      refundedCents: z.number(),
      gmvCents: z.number(),
      population: z.number(),
      arpuCents: z.number(),
      converted: z.number(),
      conversionRate: z.number(),
    }),
    referral: z.object({
      inviters: z.number(),
      invitees: z.number(),
      validInvites: z.number(),
      kFactor: z.number(),
    }),
  })
  .openapi('FunnelFigures');

export const funnelSchema = z
  .object({
    scope: z.object({ kind: z.enum(funnelScopeKinds), id: z.uuid().optional() }),
    from: z.string(),
    to: z.string(),
    timezone: z.string(),
    current: funnelFiguresSchema,
    previous: funnelFiguresSchema.extend({ from: z.string(), to: z.string() }),
    daily: z.array(
      z.object({
        day: z.string(),
        newMembers: z.number(),
        activated: z.number(),
        orders: z.number(),
        buyers: z.number(),
        gmvCents: z.number(),
      }),
    ),
    cohorts: z.array(
      z.object({
        week: z.string(),
        size: z.number(),
        activated: z.number(),
        w1: retention,
        w2: retention,
        w4: retention,
      }),
    ),
  })
  .openapi('Funnel');
