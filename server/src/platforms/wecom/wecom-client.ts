import { z } from 'zod';
import { PlatformError } from '../platform.ts';
import type { ApiLimiter } from './wecom-api-limiter.ts';
import { FREQUENCY_BLOCK_MS, isTokenErrcode, toPlatformError, wecomErrcodes } from './wecom-errors.ts';

/**
 * The WeCom server API: one access token per app, cached and refreshed once however many calls need it
 * (single flight), every response checked on `errcode` and parsed with zod, every API kept under its
 * per-company limit. The base URL is configurable so tests point it at the fake server.
 */

/** An API as data: its method, path under /cgi-bin/, and the zod schema of a successful answer. */
export type WecomEndpoint<Req, Res> = {
  method: 'GET' | 'POST';
  api: string;
  response: z.ZodType<Res>;
  /** Carries the request type; never set. */
  readonly request?: Req;
};

export const endpoint = <Req, Res>(
  method: 'GET' | 'POST',
  api: string,
  response: z.ZodType<Res>,
): WecomEndpoint<Req, Res> => ({ method, api, response });

export type WecomClient = {
  call: <Req, Res>(endpoint: WecomEndpoint<Req, Res>, request: Req) => Promise<Res>;
  /** A valid access token (cached); the connection check uses it to test the credentials. */
  accessToken: () => Promise<string>;
};

export type WecomClientOptions = {
  baseUrl: string;
  corpId: string;
  secret: string;
  now: () => Date;
  limiter: ApiLimiter;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

const errcodeSchema = z.looseObject({ errcode: z.number().int().optional() });
type Answer = z.infer<typeof errcodeSchema>;
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

/** Refresh a little before WeCom's expiry so calls in flight do not race it. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export const createWecomClient = (options: WecomClientOptions): WecomClient => {
  const fetcher = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  let cached: { token: string; expiresAtMs: number } | null = null;
  let refreshing: Promise<string> | null = null;

  /** One HTTP exchange; network trouble and non-JSON answers are temporary. Never logs the URL (it holds secrets). */
  const exchange = async (
    method: 'GET' | 'POST',
    api: string,
    query: Record<string, string>,
    body?: unknown,
  ): Promise<Answer> => {
    const url = `${base}/cgi-bin/${api}?${new URLSearchParams(query).toString()}`;
    let response: Response;
    try {
      response = await fetcher(url, {
        method,
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'error';
      throw new PlatformError('unavailable', `WeCom ${api}: request failed (${reason})`, { temporary: true });
    }
    if (!response.ok) {
      throw new PlatformError('unavailable', `WeCom ${api}: HTTP ${response.status}`, {
        temporary: true,
        platformCode: response.status,
      });
    }
    const json: unknown = await response.json().catch(() => null);
    const parsed = errcodeSchema.safeParse(json);
    if (!parsed.success) {
      throw new PlatformError('unavailable', `WeCom ${api}: the answer is not JSON`, { temporary: true });
    }
    return parsed.data;
  };

  const fetchToken = async (): Promise<string> => {
    const json = await exchange('GET', 'gettoken', { corpid: options.corpId, corpsecret: options.secret });
    const errcode = json.errcode ?? 0;
    if (errcode !== 0) throw toPlatformError('gettoken', errcode);
    const token = tokenSchema.safeParse(json);
    if (!token.success) {
      throw new PlatformError('unavailable', 'WeCom gettoken: unexpected answer', { temporary: true });
    }
    cached = {
      token: token.data.access_token,
      expiresAtMs: options.now().getTime() + token.data.expires_in * 1000 - EXPIRY_MARGIN_MS,
    };
    return cached.token;
  };

  const accessToken = (): Promise<string> => {
    if (cached && cached.expiresAtMs > options.now().getTime()) return Promise.resolve(cached.token);
    // Single flight: every caller during a refresh waits for the same gettoken.
    refreshing ??= fetchToken().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  /** Forget `token` if it is still the cached one; a newer token fetched meanwhile is kept. */
  const discard = (token: string) => {
    if (cached?.token === token) cached = null;
  };

  const throttle = (api: string) => {
    const waitMs = options.limiter.take(options.corpId, api, options.now().getTime());
    if (waitMs > 0) {
      throw new PlatformError('rate_limited', `WeCom ${api}: held back by the per-API limit`, {
        temporary: true,
        retryAfterMs: waitMs,
        platformCode: wecomErrcodes.frequencyLimit,
      });
    }
  };

  const call = async <Req, Res>(target: WecomEndpoint<Req, Res>, request: Req): Promise<Res> => {
    const send = async (token: string) => {
      throttle(target.api);
      const query: Record<string, string> = { access_token: token };
      if (target.method === 'GET') {
        for (const [key, value] of Object.entries(request as Record<string, unknown>)) {
          if (value !== undefined) query[key] = String(value);
        }
        return exchange('GET', target.api, query);
      }
      return exchange('POST', target.api, query, request);
    };
    const first = await accessToken();
    let json = await send(first);
    if (isTokenErrcode(json.errcode ?? 0)) {
      discard(first);
      json = await send(await accessToken());
    }
    const errcode = json.errcode ?? 0;
    if (errcode !== 0) {
      if (errcode === wecomErrcodes.frequencyLimit) {
        options.limiter.block(options.corpId, target.api, options.now().getTime() + FREQUENCY_BLOCK_MS);
      }
      throw toPlatformError(target.api, errcode);
    }
    const parsed = target.response.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PlatformError(
        'unavailable',
        `WeCom ${target.api}: unexpected answer (${issue?.path.join('.')}: ${issue?.message})`,
        { temporary: true },
      );
    }
    return parsed.data;
  };

  return { call, accessToken };
};
