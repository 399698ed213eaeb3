import createClient, { type Middleware } from 'openapi-fetch';
import { readToken, signalSignedOut } from '../auth/session.ts';
import { ApiError } from './errors.ts';
import type { paths } from './schema.d.ts';

/** Adds the session token; a 401 on anything but sign-in ends the session in the browser too. */
const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = readToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login')) signalSignedOut();
    return response;
  },
};

/** The typed client: paths, parameters and bodies come from the server's OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authMiddleware);

type Outcome<T> = { data?: T; error?: unknown; response: Response };

/** Turns a client result into its data, or throws an ApiError carrying the server's code and field details. */
export const unwrap = async <T>(call: Promise<Outcome<T>>): Promise<T> => {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw ApiError.from(response.status, error);
  return data as T;
};

/** For the few non-JSON endpoints (CSV export): a raw fetch with the same token. */
export const fetchWithToken = async (path: string, init: RequestInit = {}): Promise<Response> => {
  const headers = new Headers(init.headers);
  const token = readToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) signalSignedOut();
  if (!response.ok) throw ApiError.from(response.status, await response.json().catch(() => undefined));
  return response;
};
