import createClient from 'openapi-fetch';
import type { components, paths } from '../api/schema.d.ts';

/**
 * The member pages' client: the token is the last part of the page's own address (/m/<token>), sent as a bearer
 * to /api/v1/me/*. There is no session: a bad or expired token answers 401 and the page says so.
 */
export const tokenFromPath = (pathname: string): string | null => {
  const match = /^\/m\/([^/?#]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : null;
};

export type Schemas = components['schemas'];

/** The server's `{ error: { code, message } }` as an exception. */
export class MemberApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'MemberApiError';
    this.status = status;
    this.code = code;
  }
}

type ErrorBody = { error?: { code?: string; message?: string } };

export const createMemberApi = (token: string) => {
  const client = createClient<paths>({
    baseUrl: window.location.origin,
    headers: { authorization: `Bearer ${token}` },
  });
  const unwrap = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
    const { data, error, response } = await call;
    if (!response.ok || error !== undefined) {
      const body = (error as ErrorBody | undefined)?.error;
      throw new MemberApiError(
        response.status,
        body?.code ?? 'http_error',
        body?.message ?? `HTTP ${response.status}`,
      );
    }
    return data as T;
  };
  return {
    profile: () => unwrap(client.GET('/api/v1/me/profile')),
    points: () => unwrap(client.GET('/api/v1/me/points')),
    history: (cursor?: string) =>
      unwrap(client.GET('/api/v1/me/points/history', { params: { query: { limit: 20, cursor } } })),
    mall: () => unwrap(client.GET('/api/v1/me/mall/items')),
    redeem: (id: string, body: Schemas['RedeemMallItemInput']) =>
      unwrap(client.POST('/api/v1/me/mall/items/{id}/redeem', { params: { path: { id } }, body })),
    coupons: () => unwrap(client.GET('/api/v1/me/coupons')),
    /** The coupon's QR code as an object URL for an <img> (the request needs the token, an <img> cannot send it). */
    couponQrUrl: async (id: string): Promise<string> => {
      const response = await fetch(`/api/v1/me/coupons/${encodeURIComponent(id)}/qr`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new MemberApiError(response.status, 'http_error', `HTTP ${response.status}`);
      return URL.createObjectURL(await response.blob());
    },
    fission: () => unwrap(client.GET('/api/v1/me/fission')),
    fissionLeaderboard: (id: string) =>
      unwrap(client.GET('/api/v1/me/fission/{id}/leaderboard', { params: { path: { id } } })),
    joinFission: (id: string) =>
      unwrap(client.POST('/api/v1/me/fission/{id}/join', { params: { path: { id } } })),
    /**
     * The member's invite poster (PNG) as a data: URL: an <img> cannot send the token, and unlike an object URL a
     * data: URL survives a long-press "save image" in in-app browsers and works as a download link's target.
     */
    fissionPosterUrl: async (id: string): Promise<string> => {
      const response = await fetch(`/api/v1/me/fission/${encodeURIComponent(id)}/poster`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new MemberApiError(response.status, 'http_error', `HTTP ${response.status}`);
      const blob = await response.blob();
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.onerror = () => reject(reader.error);
        reader.readAsDataURL(blob);
      });
    },
    calendar: (month?: string) => unwrap(client.GET('/api/v1/me/checkin', { params: { query: { month } } })),
    checkIn: () => unwrap(client.POST('/api/v1/me/checkin')),
    buyMakeupCard: (requestId: string) =>
      unwrap(client.POST('/api/v1/me/checkin/makeup-cards', { body: { requestId } })),
    makeUp: (day: string) => unwrap(client.POST('/api/v1/me/checkin/makeup', { body: { day } })),
  };
};

export type MemberApi = ReturnType<typeof createMemberApi>;

/** An id for a tap that may be sent twice (a flaky network): the server does the work once per id. */
export const newRequestId = (): string =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
