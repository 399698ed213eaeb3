import { createRoute, z } from '@hono/zod-openapi';
import { bearer, idParams, jsonBody, jsonResponse } from '../access/access.schemas.ts';
import type { AuthContext } from '../access/auth-context.ts';
import { requireAuth } from '../access/require-auth.ts';
import { requireRole } from '../access/roles.ts';
import type { AppDeps } from '../app/deps.ts';
import { AppError } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import { pageSchema } from '../http/pagination.ts';
import { zonedTimeOf } from '../lib/zoned-time.ts';
import * as s from './acquisition.schemas.ts';
import { publicLinkOf } from './acquisition.ts';
import {
  type ChannelCodeRow,
  codeViewOf,
  findTenantTimezone,
  findVisibleCode,
  listCodeStaff,
  listCodes,
} from './channel-codes.store.ts';
import { renderPosterPng, renderPosterSvg, renderQrPng, renderQrSvg } from './code-images.ts';
import { getCodeStats } from './code-stats.store.ts';
import { createChannelCode } from './create-channel-code.ts';
import { updateChannelCode } from './update-channel-code.ts';

/** Codes are managed by owners and operators, and by store managers for their stores; all staff may read. */
const authed = { security: bearer, middleware: [requireAuth], tags: ['acquisition'] };
const requireManager = (auth: AuthContext) => requireRole(auth, 'owner', 'operator', 'store_manager');

const image = (description: string) => ({
  description,
  content: { 'image/png': { schema: z.string() }, 'image/svg+xml': { schema: z.string() } },
});

const routes = {
  create: createRoute({
    ...authed,
    method: 'post',
    path: '/channel-codes',
    operationId: 'createChannelCode',
    summary: 'Create a channel code leading to staff (1:1) or to a community series (group)',
    request: { body: jsonBody(s.createChannelCodeInput) },
    responses: { 201: jsonResponse('The code', s.channelCodeSchema) },
  }),
  list: createRoute({
    ...authed,
    method: 'get',
    path: '/channel-codes',
    operationId: 'listChannelCodes',
    summary: 'Channel codes the caller may see, newest first (archived ones on request)',
    request: { query: s.listChannelCodesQuery },
    responses: { 200: jsonResponse('A page of codes', pageSchema(s.channelCodeSchema)) },
  }),
  get: createRoute({
    ...authed,
    method: 'get',
    path: '/channel-codes/{id}',
    operationId: 'getChannelCode',
    request: { params: idParams },
    responses: { 200: jsonResponse('The code', s.channelCodeSchema) },
  }),
  update: createRoute({
    ...authed,
    method: 'patch',
    path: '/channel-codes/{id}',
    operationId: 'updateChannelCode',
    summary: 'Change a code; its link, state and QR stay the same',
    request: { params: idParams, body: jsonBody(s.updateChannelCodeInput) },
    responses: { 200: jsonResponse('The code', s.channelCodeSchema) },
  }),
  qr: createRoute({
    ...authed,
    method: 'get',
    path: '/channel-codes/{id}/qr',
    operationId: 'getChannelCodeQr',
    summary: "The QR of the code's public link, PNG (512 px) or SVG",
    request: { params: idParams, query: s.imageQuery },
    responses: { 200: image('The QR image') },
  }),
  poster: createRoute({
    ...authed,
    method: 'get',
    path: '/channel-codes/{id}/poster',
    operationId: 'getChannelCodePoster',
    summary: 'A printable poster (720×1080): headline, QR, name and link',
    description:
      'PNG: text in a built-in bitmap font (ASCII and ¥; other characters, e.g. Chinese, print as boxes). ' +
      'SVG: the same layout with the text as real text, so any script prints.',
    request: { params: idParams, query: s.imageQuery },
    responses: { 200: image('The poster') },
  }),
  stats: createRoute({
    ...authed,
    method: 'get',
    path: '/channel-codes/{id}/stats',
    operationId: 'getChannelCodeStats',
    summary: 'Scans, arrivals, new members, still in / left (churn), by local day and by staff',
    request: { params: idParams, query: s.statsQuery },
    responses: { 200: jsonResponse('Figures', s.codeStatsSchema) },
  }),
};

const viewOf = async (deps: AppDeps, row: ChannelCodeRow) =>
  codeViewOf(row, await listCodeStaff(deps.db, row.tenantId, [row.id]), {
    publicUrl: deps.config.publicUrl,
    now: deps.now(),
  });

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const channelCodesRouter = createRouter()
  .openapi(routes.create, async (c) => {
    const { deps, auth } = c.var;
    requireManager(auth);
    const row = await createChannelCode(deps, {
      tenantId: auth.tenantId,
      scope: auth.scope,
      input: c.req.valid('json'),
    });
    return c.json(await viewOf(deps, row), 201);
  })
  .openapi(routes.list, async (c) => {
    const { deps, auth } = c.var;
    const page = await listCodes(deps.db, {
      tenantId: auth.tenantId,
      scope: auth.scope,
      ...c.req.valid('query'),
    });
    const staff = await listCodeStaff(
      deps.db,
      auth.tenantId,
      page.items.map((r) => r.id),
    );
    const options = { publicUrl: deps.config.publicUrl, now: deps.now() };
    const items = page.items.map((row) =>
      codeViewOf(
        row,
        staff.filter((st) => st.codeId === row.id),
        options,
      ),
    );
    return c.json({ items, nextCursor: page.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const { deps, auth } = c.var;
    const row = await findVisibleCode(deps.db, { ...auth, id: c.req.valid('param').id });
    return c.json(await viewOf(deps, row), 200);
  })
  .openapi(routes.update, async (c) => {
    const { deps, auth } = c.var;
    requireManager(auth);
    const row = await updateChannelCode(deps, auth, {
      id: c.req.valid('param').id,
      changes: c.req.valid('json'),
    });
    return c.json(await viewOf(deps, row), 200);
  })
  .openapi(routes.qr, async (c) => {
    const { deps, auth } = c.var;
    const row = await findVisibleCode(deps.db, { ...auth, id: c.req.valid('param').id });
    const link = publicLinkOf(deps.config.publicUrl, row.token);
    if (c.req.valid('query').format === 'svg') {
      return c.body(await renderQrSvg(link), 200, { 'content-type': 'image/svg+xml' });
    }
    return c.body(new Uint8Array(await renderQrPng(link)), 200, { 'content-type': 'image/png' });
  })
  .openapi(routes.poster, async (c) => {
    const { deps, auth } = c.var;
    const row = await findVisibleCode(deps.db, { ...auth, id: c.req.valid('param').id });
    const poster = {
      headline: row.headline ?? row.name,
      caption: row.name,
      link: publicLinkOf(deps.config.publicUrl, row.token),
    };
    if (c.req.valid('query').format === 'svg') {
      return c.body(renderPosterSvg(poster), 200, { 'content-type': 'image/svg+xml' });
    }
    return c.body(new Uint8Array(renderPosterPng(poster)), 200, { 'content-type': 'image/png' });
  })
  .openapi(routes.stats, async (c) => {
    const { deps, auth } = c.var;
    const row = await findVisibleCode(deps.db, { ...auth, id: c.req.valid('param').id });
    const timezone = await findTenantTimezone(deps.db, auth.tenantId);
    const query = c.req.valid('query');
    const to = query.to ?? zonedTimeOf(deps.now(), timezone).date;
    const from = query.from ?? addDays(to, -29);
    if (from > to) {
      throw new AppError('validation_failed', 'Invalid query: from: after to', [
        { path: 'from', message: 'after to' },
      ]);
    }
    if (addDays(from, 366) <= to) {
      throw new AppError('validation_failed', 'Invalid query: from: at most a year before to', [
        { path: 'from', message: 'at most a year before to' },
      ]);
    }
    return c.json(await getCodeStats(deps.db, { code: row, timezone, from, to }), 200);
  });
