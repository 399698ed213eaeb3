import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createBotWorld,
  FakeApiError,
  type FakeBotWorld,
  type FakeUser,
  type UpdateBody,
} from './fake-telegram-chats.ts';
import { createMemberActions } from './fake-telegram-members.ts';
import { createMethods } from './fake-telegram-methods.ts';

/**
 * A fake Telegram Bot API on 127.0.0.1 (a random port) for tests: `POST /bot<token>/<method>` with JSON,
 * form or multipart parameters, answering `{ok:true,result}` or `{ok:false,error_code,description,parameters}`
 * as Telegram does. It records every call, fails calls on demand (429 with retry_after…), keeps the webhook
 * Orchard registers, and delivers updates to it with the secret header, or queues them for getUpdates.
 */

export type FakeCall = { botId: number; method: string; params: Record<string, unknown>; errorCode?: number };
export type FakeFailure = { errorCode: number; description: string; retryAfter?: number };
export type Deliver = (url: string, init: RequestInit) => Promise<Response>;
type Update = UpdateBody & { update_id: number };

type BotEntry = {
  token: string;
  world: FakeBotWorld;
  webhook?: { url: string; secretToken?: string; lastErrorDate?: number; lastErrorMessage?: string };
  allowedUpdates?: string[];
  queue: Update[];
  delivered: Map<number, Update>;
  nextUpdateId: number;
  wake: Set<() => void>;
};

/** Telegram's default when allowed_updates was never given: everything but chat_member (and reactions). */
const notByDefault = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export const startFakeTelegram = async (options: { now?: () => Date; deliver?: Deliver } = {}) => {
  const nowSeconds = () => Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const deliverTo: Deliver = options.deliver ?? ((url, init) => fetch(url, init));
  const bots = new Map<string, BotEntry>();
  const calls: FakeCall[] = [];
  const failures: { method: string; failure: FakeFailure; remaining: number }[] = [];
  const diceValues: number[] = [];
  const inflight = new Set<Promise<unknown>>();
  const closing = new Set<() => void>();
  let nextBotId = 7_000_000_001;
  const callMethod = createMethods({ nextDiceValue: () => diceValues.shift() });

  const isAllowed = (entry: BotEntry, update: UpdateBody) => {
    const kind = Object.keys(update)[0]!;
    return entry.allowedUpdates ? entry.allowedUpdates.includes(kind) : !notByDefault.has(kind);
  };

  const deliver = async (entry: BotEntry, update: Update): Promise<number> => {
    const webhook = entry.webhook!;
    const response = await deliverTo(webhook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(webhook.secretToken ? { 'x-telegram-bot-api-secret-token': webhook.secretToken } : {}),
      },
      body: JSON.stringify(update),
    });
    await response.arrayBuffer();
    if (!response.ok) {
      webhook.lastErrorDate = nowSeconds();
      webhook.lastErrorMessage = `Wrong response from the webhook: ${response.status}`;
    }
    return response.status;
  };

  /** Number an update, drop it if the bot did not ask for its kind, then deliver or queue it. */
  const emit = async (entry: BotEntry, body: UpdateBody): Promise<{ updateId: number; status?: number }> => {
    const update: Update = { update_id: entry.nextUpdateId++, ...body };
    if (!isAllowed(entry, body)) return { updateId: update.update_id };
    entry.delivered.set(update.update_id, update);
    if (entry.webhook) return { updateId: update.update_id, status: await deliver(entry, update) };
    entry.queue.push(update);
    for (const wake of entry.wake) wake();
    return { updateId: update.update_id };
  };
  /** Updates raised by API calls (a ban, an approval) go out after the call answered, as on Telegram. */
  const emitLater = (entry: BotEntry) => (body: UpdateBody) => {
    const promise = Promise.resolve().then(() => emit(entry, body));
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  };

  const getUpdates = async (entry: BotEntry, params: Record<string, unknown>, req: IncomingMessage) => {
    if (entry.webhook) {
      throw new FakeApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    if (Array.isArray(params.allowed_updates)) entry.allowedUpdates = params.allowed_updates.map(String);
    // An offset confirms every update before it: they are never returned again.
    if (params.offset !== undefined)
      entry.queue = entry.queue.filter((u) => u.update_id >= Number(params.offset));
    const timeoutMs = Number(params.timeout ?? 0) * 1000;
    if (entry.queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          entry.wake.delete(done);
          closing.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        entry.wake.add(done);
        closing.add(done);
        req.socket.once('close', done);
      });
    }
    return entry.queue.slice(0, Number(params.limit ?? 100));
  };

  const webhookMethod = (entry: BotEntry, method: string, params: Record<string, unknown>): unknown => {
    if (method === 'setWebhook') {
      const url = String(params.url ?? '');
      if (url === '') {
        entry.webhook = undefined;
        return true;
      }
      const secretToken = params.secret_token === undefined ? undefined : String(params.secret_token);
      if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
        throw new FakeApiError(400, 'Bad Request: secret token contains unallowed characters');
      }
      entry.webhook = { url, secretToken };
      if (Array.isArray(params.allowed_updates)) entry.allowedUpdates = params.allowed_updates.map(String);
      return true;
    }
    if (method === 'deleteWebhook') {
      entry.webhook = undefined;
      if (params.drop_pending_updates) entry.queue = [];
      return true;
    }
    return {
      url: entry.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: entry.queue.length,
      ...(entry.allowedUpdates ? { allowed_updates: entry.allowedUpdates } : {}),
      ...(entry.webhook?.lastErrorDate
        ? { last_error_date: entry.webhook.lastErrorDate, last_error_message: entry.webhook.lastErrorMessage }
        : {}),
    };
  };

  const takeFailure = (method: string): FakeFailure | undefined => {
    const index = failures.findIndex((f) => f.method === method);
    if (index === -1) return undefined;
    const entry = failures[index]!;
    entry.remaining -= 1;
    if (entry.remaining === 0) failures.splice(index, 1);
    return entry.failure;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    const entry = match ? bots.get(match[1]!) : undefined;
    if (!match) return reply(res, { ok: false, error_code: 404, description: 'Not Found' });
    if (!entry) return reply(res, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    const params = await readParams(req);
    const call: FakeCall = { botId: entry.world.bot.id, method, params };
    calls.push(call);
    try {
      const failure = takeFailure(method);
      if (failure) throw new FakeApiError(failure.errorCode, failure.description, failure.retryAfter);
      const result =
        method === 'getUpdates'
          ? await getUpdates(entry, params, req)
          : ['setWebhook', 'deleteWebhook', 'getWebhookInfo'].includes(method)
            ? webhookMethod(entry, method, params)
            : callMethod(method, { world: entry.world, params, emit: emitLater(entry) });
      reply(res, { ok: true, result });
    } catch (error) {
      if (!(error instanceof FakeApiError)) throw error;
      call.errorCode = error.errorCode;
      reply(res, {
        ok: false,
        error_code: error.errorCode,
        description: error.description,
        ...(error.retryAfter !== undefined ? { parameters: { retry_after: error.retryAfter } } : {}),
      });
    }
  };

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ ok: false, error_code: 500, description: `Internal Server Error: ${error}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const entryOf = (bot: FakeUser): BotEntry => {
    const entry = [...bots.values()].find((e) => e.world.bot.id === bot.id);
    if (!entry) throw new Error(`No fake bot ${bot.id}`);
    return entry;
  };

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    /** A new bot with a valid-looking token. */
    addBot: (username = `orchard_test_${bots.size + 1}_bot`) => {
      const id = nextBotId++;
      const token = `${id}:${randomBytes(27).toString('base64url')}`;
      const user: FakeUser = { id, is_bot: true, first_name: 'Orchard', username };
      bots.set(token, {
        token,
        world: createBotWorld(user, nowSeconds),
        queue: [],
        delivered: new Map(),
        nextUpdateId: 500_000_001,
        wake: new Set(),
      });
      return { token, user };
    },
    /** What members do in the bot's chats; each action raises the update Telegram would. */
    membersOf: (bot: FakeUser) => {
      const entry = entryOf(bot);
      return createMemberActions(entry.world, (body) => emit(entry, body));
    },
    worldOf: (bot: FakeUser) => entryOf(bot).world,
    webhookOf: (bot: FakeUser) => entryOf(bot).webhook,
    allowedUpdatesOf: (bot: FakeUser) => entryOf(bot).allowedUpdates,
    /** Deliver an update again, exactly as before (Telegram does so when a delivery was not answered 2xx). */
    redeliver: (bot: FakeUser, updateId: number) => {
      const entry = entryOf(bot);
      const update = entry.delivered.get(updateId);
      if (!update || !entry.webhook) throw new Error(`Update ${updateId} cannot be redelivered`);
      return deliver(entry, update);
    },
    /** Every call, failed ones included (they carry errorCode), optionally of one method. */
    calls: (method?: string) => calls.filter((c) => method === undefined || c.method === method),
    /** Calls that succeeded: what actually reached Telegram. */
    succeeded: (method: string) => calls.filter((c) => c.method === method && c.errorCode === undefined),
    /** The next `count` calls of `method` fail with this answer. */
    failNext: (method: string, failure: FakeFailure, count = 1) => {
      failures.push({ method, failure, remaining: count });
    },
    tooManyRequests: (retryAfter: number): FakeFailure => ({
      errorCode: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      retryAfter,
    }),
    /** The values the next sendDice calls roll. */
    rollNext: (...values: number[]) => {
      diceValues.push(...values);
    },
    /** Wait for the updates API calls raised (a ban, an approval) to be delivered. */
    settle: async () => {
      while (inflight.size > 0) await Promise.all(inflight);
    },
    close: async () => {
      for (const wake of closing) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};

export type FakeTelegram = Awaited<ReturnType<typeof startFakeTelegram>>;

const reply = (res: ServerResponse, body: Record<string, unknown>) => {
  res.statusCode = body.ok ? 200 : Number(body.error_code);
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
};

/** Parameters as the Bot API accepts them: query string, JSON, urlencoded or multipart (nested values as JSON). */
const readParams = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const params: Record<string, unknown> = Object.fromEntries(
    new URL(req.url ?? '/', 'http://fake').searchParams,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return params;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json'))
    return { ...params, ...(JSON.parse(body.toString('utf8')) as object) };
  const form = await new Response(body, { headers: { 'content-type': type } }).formData();
  for (const [key, value] of form) {
    params[key] =
      typeof value !== 'string' ? { file: value.name } : /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
};
