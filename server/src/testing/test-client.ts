import type { HttpApp } from '../http/routes.ts';

/** A small JSON client over app.request for tests: no server, no network. */
export type TestResponse<T = Record<string, unknown>> = { status: number; body: T };

export const createTestClient = (app: HttpApp) => {
  const send = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: unknown } = {},
  ): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      send<T>('GET', path, { headers }),
    post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      send<T>('POST', path, { headers, body }),
    patch: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      send<T>('PATCH', path, { headers, body }),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      send<T>('PUT', path, { headers, body }),
    send,
  };
};

export const bearerOf = (token: string) => ({ authorization: `Bearer ${token}` });
