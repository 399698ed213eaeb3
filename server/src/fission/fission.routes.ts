import { createRoute, z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import type { AuthContext } from '../access/auth-context.ts';
import { requireAuth } from '../access/require-auth.ts';
import { imageQuery } from '../acquisition/acquisition.schemas.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { pageSchema, uuidPaginationQuery } from '../http/pagination.ts';
import { visibleMembers } from '../members/member-filter.ts';
import {
  approveFissionReward,
  listFissionRewards,
  rejectFissionReward,
  releaseFissionInviter,
} from './approve-reward.ts';
import { enrollInviter } from './enroll-inviter.ts';
import * as s from './fission.schemas.ts';
import {
  getFissionInviteTree,
  getFissionLeaderboard,
  getFissionProgress,
  listFissionInviters,
} from './fission-views.ts';
import { renderInviterPoster } from './inviter-poster.ts';
import {
  createFissionCampaign,
  getFissionCampaign,
  listFissionCampaigns,
  requireVisibleCampaign,
  updateFissionCampaign,
} from './manage-campaigns.ts';

/**
 * Fission campaigns: owners and operators create and decide, store managers create and change their stores' own;
 * staff read brand-wide campaigns and their stores' ones (another store's answers 404, on every route under it).
 */
const authed = { security: bearer, middleware: [requireAuth], tags: ['fission'] };

/** A store-bound caller reaches only their stores' members (another's answer like one that does not exist). */
const requireVisibleMember = async (db: Db, auth: AuthContext, memberId: string) => {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(visibleMembers(auth.tenantId, auth.scope), eq(members.id, memberId)));
  if (!row) throw notFound('Member');
};

const image = (description: string) => ({
  description,
  content: { 'image/png': { schema: z.string() }, 'image/svg+xml': { schema: z.string() } },
});

const routes = {
  create: createRoute({
    ...authed,
    method: 'post',
    path: '/fission-campaigns',
    operationId: 'createFissionCampaign',
    summary: 'Create a fission (referral) campaign: tiers, invitee gift, budget, stay window, K, schedule',
    request: { body: jsonBody(s.createFissionCampaignInput) },
    responses: { 201: jsonResponse('Created', s.fissionCampaignSchema) },
  }),
  list: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns',
    operationId: 'listFissionCampaigns',
    summary: 'The brand’s fission campaigns, each with its figures (inviters, invites, rewards)',
    responses: {
      200: jsonResponse('Campaigns', z.object({ items: z.array(s.fissionCampaignListItemSchema) })),
    },
  }),
  get: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}',
    operationId: 'getFissionCampaign',
    request: { params: idParams },
    responses: { 200: jsonResponse('The campaign', s.fissionCampaignSchema) },
  }),
  update: createRoute({
    ...authed,
    method: 'patch',
    path: '/fission-campaigns/{id}',
    operationId: 'updateFissionCampaign',
    summary: 'Change status (draft → active → ended), name, headline or end',
    request: { params: idParams, body: jsonBody(s.updateFissionCampaignInput) },
    responses: { 200: jsonResponse('Updated', s.fissionCampaignSchema) },
  }),
  enroll: createRoute({
    ...authed,
    method: 'post',
    path: '/fission-campaigns/{id}/inviters',
    operationId: 'enrollFissionInviters',
    summary: 'Give members their personal invite link (again: their existing one)',
    request: { params: idParams, body: jsonBody(s.enrollInput) },
    responses: {
      200: jsonResponse('Their progress and links', z.object({ items: z.array(s.fissionProgressSchema) })),
    },
  }),
  inviters: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/inviters',
    operationId: 'listFissionInviters',
    summary: 'The campaign’s inviters, newest first, with their valid, pending and void invites (paged)',
    request: { params: idParams, query: uuidPaginationQuery },
    responses: { 200: jsonResponse('Inviters', pageSchema(s.fissionInviterSchema)) },
  }),
  progress: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/inviters/{memberId}',
    operationId: 'getFissionProgress',
    summary: 'One inviter’s progress: valid, pending and void invites, tiers, link',
    request: { params: s.memberParams },
    responses: { 200: jsonResponse('Progress', s.fissionProgressSchema) },
  }),
  poster: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/inviters/{memberId}/poster',
    operationId: 'getFissionPoster',
    summary: 'The inviter’s poster: headline, the QR of their invite link, their name',
    request: { params: s.memberParams, query: imageQuery },
    responses: { 200: image('The poster') },
  }),
  leaderboard: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/leaderboard',
    operationId: 'getFissionLeaderboard',
    request: { params: idParams, query: s.leaderboardQuery },
    responses: { 200: jsonResponse('Top inviters by valid invites', s.leaderboardSchema) },
  }),
  tree: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/invite-tree',
    operationId: 'getFissionInviteTree',
    summary: 'Who brought whom (depth), invite counts and the K-factor',
    request: {
      params: idParams,
      query: z.object({
        limit: z.coerce
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(1_000)
          .openapi({ param: { name: 'limit', in: 'query' } }),
      }),
    },
    responses: { 200: jsonResponse('The tree', s.inviteTreeSchema) },
  }),
  rewards: createRoute({
    ...authed,
    method: 'get',
    path: '/fission-campaigns/{id}/rewards',
    operationId: 'listFissionRewards',
    summary: 'Rewards of the campaign, oldest first (paged); status=held is the approvals queue',
    request: { params: idParams, query: s.rewardsQuery },
    responses: { 200: jsonResponse('Rewards', pageSchema(s.fissionRewardListItemSchema)) },
  }),
  approve: createRoute({
    ...authed,
    method: 'post',
    path: '/fission-rewards/{id}/approve',
    operationId: 'approveFissionReward',
    summary: 'Issue a held reward',
    request: { params: idParams },
    responses: { 200: jsonResponse('Issued (or refused by the coupon template)', s.fissionRewardSchema) },
  }),
  release: createRoute({
    ...authed,
    method: 'post',
    path: '/fission-campaigns/{id}/inviters/{memberId}/release',
    operationId: 'releaseFissionInviter',
    summary:
      'Lift an inviter’s hold (set when they invited more than K an hour): later rewards need no approval',
    request: { params: s.memberParams },
    responses: { 200: jsonResponse('Their progress', s.fissionProgressSchema) },
  }),
  reject: createRoute({
    ...authed,
    method: 'post',
    path: '/fission-rewards/{id}/reject',
    operationId: 'rejectFissionReward',
    request: { params: idParams, body: jsonBody(s.rejectInput) },
    responses: { 200: jsonResponse('Rejected', s.fissionRewardSchema) },
  }),
};

export const fissionRouter = createRouter()
  .openapi(routes.create, async (c) =>
    c.json(await createFissionCampaign(c.var.deps, c.var.auth, c.req.valid('json')), 201),
  )
  .openapi(routes.list, async (c) =>
    c.json({ items: await listFissionCampaigns(c.var.deps.db, c.var.auth) }, 200),
  )
  .openapi(routes.get, async (c) =>
    c.json(await getFissionCampaign(c.var.deps.db, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(routes.update, async (c) =>
    c.json(
      await updateFissionCampaign(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .openapi(routes.enroll, async (c) => {
    const { deps, auth } = c.var;
    const campaignId = c.req.valid('param').id;
    await requireVisibleCampaign(deps.db, auth, campaignId);
    const items = [];
    for (const memberId of new Set(c.req.valid('json').memberIds)) {
      await requireVisibleMember(deps.db, auth, memberId);
      await enrollInviter(deps, { tenantId: auth.tenantId, campaignId, memberId });
      items.push(await getFissionProgress(deps, { tenantId: auth.tenantId, campaignId, memberId }));
    }
    return c.json({ items }, 200);
  })
  .openapi(routes.inviters, async (c) => {
    const { deps, auth } = c.var;
    const { limit, cursor } = c.req.valid('query');
    await requireVisibleCampaign(deps.db, auth, c.req.valid('param').id);
    return c.json(
      await listFissionInviters(deps.db, {
        tenantId: auth.tenantId,
        campaignId: c.req.valid('param').id,
        visible: visibleMembers(auth.tenantId, auth.scope),
        limit,
        cursor,
      }),
      200,
    );
  })
  .openapi(routes.progress, async (c) => {
    const { id, memberId } = c.req.valid('param');
    await requireVisibleCampaign(c.var.deps.db, c.var.auth, id);
    await requireVisibleMember(c.var.deps.db, c.var.auth, memberId);
    return c.json(
      await getFissionProgress(c.var.deps, { tenantId: c.var.auth.tenantId, campaignId: id, memberId }),
      200,
    );
  })
  .openapi(routes.poster, async (c) => {
    const { id, memberId } = c.req.valid('param');
    await requireVisibleCampaign(c.var.deps.db, c.var.auth, id);
    await requireVisibleMember(c.var.deps.db, c.var.auth, memberId);
    const poster = await renderInviterPoster(c.var.deps, {
      tenantId: c.var.auth.tenantId,
      campaignId: id,
      memberId,
      format: c.req.valid('query').format,
    });
    const headers = { 'content-type': poster.contentType };
    return typeof poster.body === 'string'
      ? c.body(poster.body, 200, headers)
      : c.body(poster.body, 200, headers);
  })
  .openapi(routes.leaderboard, async (c) => {
    await requireVisibleCampaign(c.var.deps.db, c.var.auth, c.req.valid('param').id);
    return c.json(
      await getFissionLeaderboard(c.var.deps.db, {
        tenantId: c.var.auth.tenantId,
        campaignId: c.req.valid('param').id,
        size: c.req.valid('query').size,
      }),
      200,
    );
  })
  .openapi(routes.tree, async (c) => {
    await requireVisibleCampaign(c.var.deps.db, c.var.auth, c.req.valid('param').id);
    return c.json(
      await getFissionInviteTree(c.var.deps.db, {
        tenantId: c.var.auth.tenantId,
        campaignId: c.req.valid('param').id,
        limit: c.req.valid('query').limit,
      }),
      200,
    );
  })
  .openapi(routes.rewards, async (c) => {
    await requireVisibleCampaign(c.var.deps.db, c.var.auth, c.req.valid('param').id);
    return c.json(
      await listFissionRewards(c.var.deps.db, {
        tenantId: c.var.auth.tenantId,
        campaignId: c.req.valid('param').id,
        ...c.req.valid('query'),
      }),
      200,
    );
  })
  .openapi(routes.approve, async (c) =>
    c.json(await approveFissionReward(c.var.deps, c.var.auth, c.req.valid('param').id), 200),
  )
  .openapi(routes.release, async (c) => {
    const { id, memberId } = c.req.valid('param');
    const { deps, auth } = c.var;
    await requireVisibleCampaign(deps.db, auth, id);
    await requireVisibleMember(deps.db, auth, memberId);
    await releaseFissionInviter(deps, auth, { campaignId: id, memberId });
    return c.json(await getFissionProgress(deps, { tenantId: auth.tenantId, campaignId: id, memberId }), 200);
  })
  .openapi(routes.reject, async (c) =>
    c.json(
      await rejectFissionReward(c.var.deps, c.var.auth, c.req.valid('param').id, c.req.valid('json').note),
      200,
    ),
  );
