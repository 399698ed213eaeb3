import { createRoute, z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { idParams, jsonResponse } from '../access/access.schemas.ts';
import { imageQuery } from '../acquisition/acquisition.schemas.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { fissionInvites } from '../db/schema/index.ts';
import { createRouter } from '../http/app.ts';
import { memberLinkSecurity, requireMember } from '../loyalty/me/require-member.ts';
import { isCampaignOfferedTo, requireOfferedCampaign } from './campaign-audience.ts';
import { enrollInviter } from './enroll-inviter.ts';
import { fissionProgressSchema, rewardInput } from './fission.schemas.ts';
import {
  campaignViewOf,
  findInviter,
  isCampaignOpen,
  listCampaignIds,
  loadCampaign,
} from './fission.store.ts';
import { getFissionProgress } from './fission-views.ts';
import { renderInviterPoster } from './inviter-poster.ts';
import { getMyFissionLeaderboard, myLeaderboardSchema } from './my-leaderboard.ts';

/**
 * The member pages' "my invite poster and progress": running campaigns, the member's link, poster and count. A
 * store's campaign exists here only for that store's members (campaign-audience.ts); to others it is not found.
 */
const mine = { security: memberLinkSecurity, tags: ['member pages'] };

const voidReasons = ['self', 'known', 'duplicate', 'left', 'campaign_over'] as const;

const myInvitesSchema = z.object({
  nextCountsAt: z.string().nullable().openapi({
    description: 'When the first pending invite has stayed long enough to count (null: none pending)',
  }),
  voided: z
    .array(z.object({ reason: z.enum(voidReasons), count: z.number().int() }))
    .openapi({ description: 'Invites that did not count, by reason (most frequent first)' }),
});

/** The member's own invites beyond the counts: when the next pending one counts, why the void ones did not. */
const loadMyInvites = async (db: Db, input: { tenantId: string; campaignId: string; memberId: string }) => {
  const mine = and(
    eq(fissionInvites.tenantId, input.tenantId),
    eq(fissionInvites.campaignId, input.campaignId),
    eq(fissionInvites.inviterMemberId, input.memberId),
  );
  const [pending] = await db
    .select({ next: sql<Date | null>`min(${fissionInvites.dueAt})`.mapWith(fissionInvites.dueAt) })
    .from(fissionInvites)
    .where(and(mine, eq(fissionInvites.status, 'pending')));
  const voided = await db
    .select({ reason: fissionInvites.voidReason, count: sql<number>`count(*)::int` })
    .from(fissionInvites)
    .where(and(mine, eq(fissionInvites.status, 'void')))
    .groupBy(fissionInvites.voidReason)
    .orderBy(sql`count(*) desc`, fissionInvites.voidReason);
  return {
    nextCountsAt: pending?.next?.toISOString() ?? null,
    voided: voided.flatMap((v) => (v.reason ? [{ reason: v.reason, count: v.count }] : [])),
  };
};

const myCampaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(['draft', 'active', 'ended']),
    headline: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    tiers: z.array(z.object({ invites: z.number().int(), name: z.string(), reward: rewardInput })),
    pointsPerInvite: z.number().int(),
    inviteeReward: rewardInput.nullable(),
    stayMinutes: z.number().int().openapi({ description: 'How long a friend must stay before they count' }),
    isJoined: z.boolean(),
    progress: fissionProgressSchema.nullable(),
    invites: myInvitesSchema.nullable(),
    posterUrl: z.string().nullable().openapi({ description: 'GET with the member link token as bearer' }),
  })
  .openapi('MyFissionCampaign');

const listRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/fission',
  operationId: 'listMyFissionCampaigns',
  summary:
    'Running fission campaigns and those the member joined (brand-wide ones, and their own store’s): whether they joined, their progress, link and poster',
  responses: { 200: jsonResponse('Campaigns', z.object({ items: z.array(myCampaignSchema) })) },
});

const joinRoute = createRoute({
  ...mine,
  method: 'post',
  path: '/me/fission/{id}/join',
  operationId: 'joinMyFissionCampaign',
  summary:
    'Join a running campaign (another store’s is not found): the member gets their personal invite link (again: the same one)',
  request: { params: idParams },
  responses: { 200: jsonResponse('The member’s progress and link', fissionProgressSchema) },
});

const posterRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/fission/{id}/poster',
  operationId: 'getMyFissionPoster',
  request: { params: idParams, query: imageQuery },
  responses: {
    200: {
      description: 'The member’s poster',
      content: { 'image/png': { schema: z.string() }, 'image/svg+xml': { schema: z.string() } },
    },
  },
});

const leaderboardRoute = createRoute({
  ...mine,
  method: 'get',
  path: '/me/fission/{id}/leaderboard',
  operationId: 'getMyFissionLeaderboard',
  summary: 'The campaign’s top inviters (names masked) and the member’s own rank',
  request: { params: idParams },
  responses: { 200: jsonResponse('The leaderboard', myLeaderboardSchema) },
});

const posterUrlOf = (deps: AppDeps, campaignId: string) =>
  `${deps.config.publicUrl.replace(/\/+$/, '')}/api/v1/me/fission/${campaignId}/poster`;

export const meFissionRouter = createRouter()
  .openapi(listRoute, async (c) => {
    const me = await requireMember(c);
    const { deps } = c.var;
    const now = deps.now();
    const items = [];
    for (const id of await listCampaignIds(deps.db, me.tenantId)) {
      const record = (await loadCampaign(deps.db, me.tenantId, id))!;
      if (!(await isCampaignOfferedTo(deps.db, me, record.campaign))) continue;
      const isJoined = (await findInviter(deps.db, me.tenantId, id, me.memberId)) !== undefined;
      // Running campaigns, and those the member took part in (to see how they ended).
      if (!isJoined && !isCampaignOpen(record.campaign, now)) continue;
      const view = campaignViewOf(record);
      items.push({
        id,
        name: view.name,
        status: view.status,
        headline: view.headline,
        startsAt: view.startsAt,
        endsAt: view.endsAt,
        tiers: view.tiers.map((t) => ({ invites: t.invites, name: t.name, reward: t.reward })),
        pointsPerInvite: view.pointsPerInvite,
        inviteeReward: view.inviteeReward,
        stayMinutes: view.stayMinutes,
        isJoined,
        progress: isJoined ? await getFissionProgress(deps, { ...me, campaignId: id }) : null,
        invites: isJoined ? await loadMyInvites(deps.db, { ...me, campaignId: id }) : null,
        posterUrl: isJoined ? posterUrlOf(deps, id) : null,
      });
    }
    return c.json({ items }, 200);
  })
  .openapi(joinRoute, async (c) => {
    const me = await requireMember(c);
    const campaignId = c.req.valid('param').id;
    await enrollInviter(c.var.deps, { ...me, campaignId });
    return c.json(await getFissionProgress(c.var.deps, { ...me, campaignId }), 200);
  })
  .openapi(leaderboardRoute, async (c) => {
    const me = await requireMember(c);
    const { deps } = c.var;
    return c.json(
      await getMyFissionLeaderboard(deps.db, { ...me, campaignId: c.req.valid('param').id, now: deps.now() }),
      200,
    );
  })
  .openapi(posterRoute, async (c) => {
    const me = await requireMember(c);
    const campaignId = c.req.valid('param').id;
    await requireOfferedCampaign(c.var.deps.db, { ...me, campaignId });
    const poster = await renderInviterPoster(c.var.deps, {
      ...me,
      campaignId,
      format: c.req.valid('query').format,
    });
    const headers = { 'content-type': poster.contentType };
    return typeof poster.body === 'string'
      ? c.body(poster.body, 200, headers)
      : c.body(poster.body, 200, headers);
  });
