import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, notFound } from '../errors.ts';
import { createRouter } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import { receiveEvents } from '../pipeline/ingest.ts';
import { PlatformError } from './platform.ts';

/**
 * Every platform delivers to `/webhooks/{platformAccountId}`. There is no auth header: the adapter's
 * signature check is the authentication. Verify, store each event once, wake the worker, answer at once.
 * The account and its adapter come from the registry's cache; concurrent deliveries are stored together
 * (receiveEvents group-commits them), and each is answered once its own events are stored.
 */
const params = z.object({
  platformAccountId: z.string().openapi({ param: { name: 'platformAccountId', in: 'path' } }),
});

const responses = {
  200: { description: "The platform's expected answer (its body format is the platform's)" },
  400: { description: 'The delivery is malformed' },
  401: { description: 'The delivery failed verification (signature, replay window)' },
  404: { description: 'No such platform account' },
};

const receiveRoute = createRoute({
  method: 'post',
  path: '/webhooks/{platformAccountId}',
  operationId: 'receiveWebhook',
  tags: ['webhooks'],
  summary: 'Platform event delivery (signed by the platform)',
  request: { params },
  responses,
});

const verifyRoute = createRoute({
  method: 'get',
  path: '/webhooks/{platformAccountId}',
  operationId: 'verifyWebhook',
  tags: ['webhooks'],
  summary: 'URL verification for platforms that verify by GET (WeCom echostr)',
  request: { params },
  responses,
});

/**
 * Adapters throw PlatformError('invalid_request') for a delivery they refuse; with platformCode
 * 'unverified' it failed authentication (401), otherwise it is malformed (400).
 */
const toAppError = (error: PlatformError): AppError => {
  if (error.code !== 'invalid_request') return new AppError('platform_unavailable', error.message);
  return new AppError(
    error.options.platformCode === 'unverified' ? 'unauthenticated' : 'bad_request',
    error.message,
  );
};

const handleDelivery = async (c: Context<AppEnv>, accountId: string): Promise<Response> => {
  const { deps } = c.var;
  const found = await deps.platforms.accountFor(accountId);
  if (found?.account.status !== 'active') throw notFound('Platform account');
  const { account, adapter } = found;
  const url = new URL(c.req.url);
  const body = c.req.method === 'GET' ? '' : await c.req.text();
  let result: Awaited<ReturnType<typeof adapter.handleWebhook>>;
  try {
    result = await adapter.handleWebhook({
      method: c.req.method,
      headers: c.req.raw.headers,
      query: url.searchParams,
      body,
    });
  } catch (error) {
    if (error instanceof PlatformError) {
      deps.logger.warn({ platformAccountId: account.id, reason: error.message }, 'webhook delivery refused');
      throw toAppError(error);
    }
    throw error;
  }
  await receiveEvents(deps, { tenantId: account.tenantId, platformAccountId: account.id }, result.events);
  const { status, body: responseBody, contentType } = result.response;
  return new Response(responseBody, {
    status,
    headers: { 'content-type': contentType ?? 'text/plain; charset=utf-8' },
  });
};

export const webhookRouter = createRouter()
  .openapi(receiveRoute, (c) => handleDelivery(c, c.req.valid('param').platformAccountId))
  .openapi(verifyRoute, (c) => handleDelivery(c, c.req.valid('param').platformAccountId));
