import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeHandlers } from './fake-wecom-api.ts';
import { fakeDirectoryHandlers } from './fake-wecom-directory.ts';
import { createFakePeople, type FakePeople } from './fake-wecom-people.ts';
import { createFakeState, type FakeState } from './fake-wecom-state.ts';

/**
 * A fake WeCom server for tests: real HTTP on 127.0.0.1 (a random port), the customer-contact APIs Orchard
 * calls, access tokens that expire when a test says so, programmable errcodes (a 45009 storm, a 42001),
 * a staff member who confirms mass sends, and simulated people whose actions produce callbacks encrypted
 * exactly as WeCom encrypts them. It reads the test's clock, so tests move time instead of sleeping.
 */

export type FakeApp = {
  corpId: string;
  agentId: number;
  secret: string;
  callbackToken: string;
  encodingAesKey: string;
};

export type FakeWecom = {
  url: string;
  app: FakeApp;
  state: FakeState;
  people: FakePeople;
  /** Calls answered per API path (gettoken included), failures too. */
  callsTo: (api: string) => number;
  /** Every access token issued so far stops working (the next call answers 42001). */
  expireTokens: () => void;
  /** The next `count` calls to `api` answer `errcode` (e.g. 45009 for a frequency-limit storm). */
  failNext: (api: string, errcode: number, count?: number) => void;
  /** Hold every answer of `api` for `ms` (real time), so calls overlap. */
  delay: (api: string, ms: number) => void;
  close: () => Promise<void>;
};

const randomKey = () =>
  randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'a')
    .slice(0, 43);

export const startFakeWecom = async (options: {
  now: () => Date;
  corpId?: string;
  massPerMonth?: number;
}): Promise<FakeWecom> => {
  const app: FakeApp = {
    corpId: options.corpId ?? `ww${randomBytes(8).toString('hex')}`,
    agentId: 1000002,
    secret: randomBytes(16).toString('hex'),
    callbackToken: randomBytes(8).toString('hex'),
    encodingAesKey: randomKey(),
  };
  const state = createFakeState({ massPerMonth: options.massPerMonth });
  const tokens = new Map<string, number>();
  const counts = new Map<string, number>();
  const failures = new Map<string, { errcode: number; remaining: number }[]>();
  const delays = new Map<string, number>();
  const nowMs = () => options.now().getTime();

  const answer = (api: string, query: URLSearchParams, body: Record<string, unknown>) => {
    if (api === 'gettoken') {
      if (query.get('corpid') !== app.corpId) return { errcode: 40013, errmsg: 'invalid corpid' };
      if (query.get('corpsecret') !== app.secret) return { errcode: 40001, errmsg: 'invalid credential' };
      const token = randomBytes(12).toString('hex');
      tokens.set(token, nowMs() + 7_200_000);
      return { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 };
    }
    const expiry = tokens.get(query.get('access_token') ?? '');
    if (expiry === undefined) return { errcode: 40014, errmsg: 'invalid access_token' };
    if (expiry <= nowMs()) return { errcode: 42001, errmsg: 'access_token expired' };
    const queued = failures.get(api)?.[0];
    if (queued) {
      queued.remaining -= 1;
      if (queued.remaining === 0) failures.get(api)!.shift();
      return { errcode: queued.errcode, errmsg: 'programmed failure' };
    }
    const handler = fakeHandlers[api] ?? fakeDirectoryHandlers[api];
    if (!handler) return { errcode: 48002, errmsg: 'api forbidden' };
    return { errcode: 0, errmsg: 'ok', ...handler(state, { query, body, nowMs: nowMs() }) };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const api = url.pathname.replace(/^\/cgi-bin\//, '');
    counts.set(api, (counts.get(api) ?? 0) + 1);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const wait = delays.get(api);
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer(api, url.searchParams, body)));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    app,
    state,
    people: createFakePeople({ app, state, now: options.now }),
    callsTo: (api) => counts.get(api) ?? 0,
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    failNext: (api, errcode, count = 1) => {
      failures.set(api, [...(failures.get(api) ?? []), { errcode, remaining: count }]);
    },
    delay: (api, ms) => {
      delays.set(api, ms);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
