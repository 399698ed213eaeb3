import { createRoute, z } from '@hono/zod-openapi';
import { jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { createRouter } from '../../http/app.ts';
import { addDays, daysOfMonth, localDateOf } from '../calendar.ts';
import { buyMakeupCard, checkIn, makeUpCheckin } from '../checkin/check-in.ts';
import { countCheckins, listCheckins } from '../checkin/checkin.store.ts';
import { calendarOf, currentStreak } from '../checkin/checkin.ts';
import { couponSchema } from '../coupons/coupons.schemas.ts';
import { findAccount } from '../points/points.store.ts';
import { runRewardTx } from '../reward-tx.ts';
import { loadBrandLoyalty } from '../settings/settings.store.ts';
import { memberLinkSecurity, requireMember } from './require-member.ts';

const mine = { security: memberLinkSecurity, tags: ['member pages'] };
const localDate = z.iso.date();

const calendarSchema = z
  .object({
    month: z.string(),
    today: z.string(),
    isCheckedInToday: z.boolean(),
    streak: z.number(),
    total: z.number(),
    makeupCards: z.number(),
    makeupCardPrice: z.number(),
    makeupWithinDays: z.number(),
    days: z.array(
      z.object({
        day: z.string(),
        kind: z.enum(['keyword', 'page', 'makeup']).nullable(),
        isToday: z.boolean(),
      }),
    ),
  })
  .openapi('CheckinCalendar');

const checkinResultSchema = z
  .object({
    status: z.enum(['checked_in', 'already']),
    day: z.string(),
    streak: z.number(),
    points: z.number().optional(),
    total: z.number().optional(),
    coupons: z.array(couponSchema).optional(),
  })
  .openapi('CheckinResult');

const calendarRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/checkin',
  operationId: 'getMyCheckinCalendar',
  summary: 'The member’s check-in calendar for a month (default: this month, brand timezone)',
  request: {
    query: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
        .optional()
        .openapi({ param: { name: 'month', in: 'query' } }),
    }),
  },
  responses: { 200: jsonResponse('Calendar', calendarSchema) },
});

const checkInRoute = createRoute({
  ...mine,
  method: 'post',
  path: '/me/checkin',
  operationId: 'checkIn',
  summary: 'Check in for today from the member page (a second time today answers status "already")',
  responses: { 200: jsonResponse('Result', checkinResultSchema) },
});

const buyCardRoute = createRoute({
  ...mine,
  method: 'post',
  path: '/me/checkin/makeup-cards',
  operationId: 'buyMakeupCard',
  summary: 'Buy a make-up card with points; the same requestId buys one card however often it is sent',
  request: { body: jsonBody(z.object({ requestId: z.string().min(1).max(200) })) },
  responses: { 200: jsonResponse('Cards held', z.object({ cards: z.number(), balance: z.number() })) },
});

const makeupRoute = createRoute({
  ...mine,
  method: 'post',
  path: '/me/checkin/makeup',
  operationId: 'makeUpCheckin',
  summary: 'Use a make-up card on a missed day within the brand’s reach',
  request: { body: jsonBody(z.object({ day: localDate })) },
  responses: { 200: jsonResponse('Result', checkinResultSchema) },
});

export const meCheckinRouter = createRouter()
  .openapi(calendarRoute, async (c) => {
    const me = await requireMember(c);
    const { db, now } = c.var.deps;
    const brand = await loadBrandLoyalty(db, me.tenantId);
    const today = localDateOf(now(), brand.timeZone);
    const month = c.req.valid('query').month ?? today.slice(0, 7);
    const [rows, recent, total, account] = [
      await listCheckins(db, { ...me, from: `${month}-01`, to: daysOfMonth(month).at(-1)! }),
      await listCheckins(db, { ...me, from: addDays(today, -1), to: today }),
      await countCheckins(db, me.tenantId, me.memberId),
      await findAccount(db, me.tenantId, me.memberId),
    ];
    return c.json(
      {
        month,
        today,
        isCheckedInToday: recent.some((r) => r.day === today),
        streak: currentStreak(recent, today),
        total,
        makeupCards: account?.makeupCards ?? 0,
        makeupCardPrice: brand.rules.checkin.makeupCardPrice,
        makeupWithinDays: brand.rules.checkin.makeupWithinDays,
        days: calendarOf(month, rows, today),
      },
      200,
    );
  })
  .openapi(checkInRoute, async (c) => {
    const me = await requireMember(c);
    const brand = await loadBrandLoyalty(c.var.deps.db, me.tenantId);
    const result = await runRewardTx(c.var.deps, me.tenantId, (rt) =>
      checkIn(rt, { memberId: me.memberId, kind: 'page', brand }),
    );
    return c.json(result, 200);
  })
  .openapi(buyCardRoute, async (c) => {
    const me = await requireMember(c);
    const brand = await loadBrandLoyalty(c.var.deps.db, me.tenantId);
    const { requestId } = c.req.valid('json');
    return c.json(
      await runRewardTx(c.var.deps, me.tenantId, (rt) =>
        buyMakeupCard(rt, { memberId: me.memberId, requestId, brand }),
      ),
      200,
    );
  })
  .openapi(makeupRoute, async (c) => {
    const me = await requireMember(c);
    const brand = await loadBrandLoyalty(c.var.deps.db, me.tenantId);
    const { day } = c.req.valid('json');
    return c.json(
      await runRewardTx(c.var.deps, me.tenantId, (rt) =>
        makeUpCheckin(rt, { memberId: me.memberId, day, brand }),
      ),
      200,
    );
  });
