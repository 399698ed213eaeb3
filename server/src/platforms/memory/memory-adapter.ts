import { z } from 'zod';
import {
  type Capabilities,
  type EntryLinkSpec,
  type MessageContent,
  type MessageTarget,
  type ModerationAction,
  type PlatformAdapter,
  PlatformError,
  platformEventSchema,
  type SendResult,
} from '../platform.ts';

/**
 * The in-memory reference adapter (grammY keeps one in tree too): it records every call in arrays and
 * fails on demand, so pipeline and outbox tests can assert what reached "the platform" without a network.
 */

export type MemoryCall =
  | { method: 'send'; target: MessageTarget; content: MessageContent; externalId: string }
  | {
      method: 'sendWelcome';
      welcomeToken?: string;
      memberExternalId: string;
      staffExternalId: string;
      content: MessageContent;
      externalId: string;
    }
  | { method: 'moderate'; action: ModerationAction }
  | { method: 'createEntryLink'; spec: EntryLinkSpec; externalId: string }
  | { method: 'sendDice'; target: MessageTarget; emoji: string; value: number; externalId: string };

export type MemoryMethod = MemoryCall['method'];

export type MemoryAdapter = PlatformAdapter & {
  /** Every successful call, in order. */
  readonly calls: MemoryCall[];
  readonly sent: Extract<MemoryCall, { method: 'send' }>[];
  readonly welcomes: Extract<MemoryCall, { method: 'sendWelcome' }>[];
  readonly moderations: Extract<MemoryCall, { method: 'moderate' }>[];
  /** How many calls were attempted, failed ones included. */
  readonly attempts: () => number;
  /** The next `count` calls (of `method`, or of any method) throw `error`. */
  failNext: (count: number, error: Error, method?: MemoryMethod) => void;
  /** Every call of `method` (or any) throws `error` until `clearFailures()`. */
  failAlways: (error: Error, method?: MemoryMethod) => void;
  clearFailures: () => void;
  /** The size of each `sendMany` call (with `sendsInBulk`). */
  readonly bulkCalls: number[];
};

export const defaultMemoryCapabilities: Capabilities = {
  canSendDirect: true,
  welcome: { mode: 'message' },
  groupWelcome: 'message',
  attachments: ['image', 'link', 'miniprogram', 'file', 'coupon'],
  entryLinks: { contact: true, group: true, autoCreateGroup: true, maxStateLength: 64 },
  moderation: { delete: true, mute: true, remove: true, ban: true },
  canCreateGroup: true,
  canReadGroupMessages: true,
  canSendDice: true,
  tags: 'orchard',
  moments: false,
  joinRequests: true,
  groupCapacity: 500,
  rateLimits: { perSecond: 1000, perChatPerMinute: 10_000 },
};

export type MemoryAdapterOptions = {
  platform?: string;
  capabilities?: Partial<Omit<Capabilities, 'rateLimits'>> & {
    rateLimits?: Partial<Capabilities['rateLimits']>;
  };
  /** The value `sendDice` rolls; 1–6 by default, in turn. */
  rollDice?: () => number;
  /** Offer `sendMany` (one call for many messages, each recorded as a `send`), as the sandbox does. */
  sendsInBulk?: boolean;
};

/** A webhook body for the memory platform: `{ "events": [...] }` of normalized events. */
const webhookBodySchema = z.object({ events: z.array(platformEventSchema) });

type Failure = { error: Error; method?: MemoryMethod; remaining: number };

export const createMemoryAdapter = (options: MemoryAdapterOptions = {}): MemoryAdapter => {
  const calls: MemoryCall[] = [];
  const bulkCalls: number[] = [];
  const failures: Failure[] = [];
  let attempted = 0;
  let sequence = 0;
  let diceTurn = 0;
  const rollDice = options.rollDice ?? (() => (diceTurn++ % 6) + 1);
  const capabilities: Capabilities = {
    ...defaultMemoryCapabilities,
    ...options.capabilities,
    rateLimits: { ...defaultMemoryCapabilities.rateLimits, ...options.capabilities?.rateLimits },
  };

  // Throws the first programmed failure that applies to this method, consuming one use of it.
  const attempt = (method: MemoryMethod): void => {
    attempted += 1;
    const failure = failures.find((f) => f.method === undefined || f.method === method);
    if (!failure) return;
    failure.remaining -= 1;
    if (failure.remaining === 0) failures.splice(failures.indexOf(failure), 1);
    throw failure.error;
  };
  const nextId = (): string => `mem-${++sequence}`;

  const adapter: MemoryAdapter = {
    platform: options.platform ?? 'memory',
    capabilities,
    calls,
    get sent() {
      return calls.filter((c) => c.method === 'send');
    },
    get welcomes() {
      return calls.filter((c) => c.method === 'sendWelcome');
    },
    get moderations() {
      return calls.filter((c) => c.method === 'moderate');
    },
    attempts: () => attempted,
    failNext: (count, error, method) => {
      if (count > 0) failures.push({ error, method, remaining: count });
    },
    failAlways: (error, method) => {
      failures.push({ error, method, remaining: Number.POSITIVE_INFINITY });
    },
    clearFailures: () => {
      failures.length = 0;
    },
    handleWebhook: async (request) => {
      let json: unknown;
      try {
        json = JSON.parse(request.body);
      } catch {
        throw new PlatformError('invalid_request', 'Body is not JSON');
      }
      const parsed = webhookBodySchema.safeParse(json);
      if (!parsed.success) throw new PlatformError('invalid_request', 'Body is not a list of events');
      return { events: parsed.data.events, response: { status: 200, body: 'ok' } };
    },
    send: async (target, content): Promise<SendResult> => {
      attempt('send');
      const externalId = nextId();
      calls.push({ method: 'send', target, content, externalId });
      return { externalId };
    },
    sendWelcome: async (input) => {
      attempt('sendWelcome');
      const externalId = nextId();
      calls.push({ method: 'sendWelcome', ...input, externalId });
      return { externalId };
    },
    moderate: async (action) => {
      attempt('moderate');
      calls.push({ method: 'moderate', action });
    },
    createEntryLink: async (spec) => {
      attempt('createEntryLink');
      const externalId = nextId();
      calls.push({ method: 'createEntryLink', spec, externalId });
      return { externalId, url: `memory://link/${externalId}` };
    },
    ...(options.sendsInBulk
      ? {
          sendMany: async (messages) => {
            bulkCalls.push(messages.length);
            return Promise.all(
              messages.map(({ target, content }) =>
                adapter.send(target, content).then(
                  ({ externalId }) => ({ ok: true as const, externalId }),
                  (error: unknown) => ({ ok: false as const, error }),
                ),
              ),
            );
          },
        }
      : {}),
    bulkCalls,
    sendDice: async (target, emoji) => {
      attempt('sendDice');
      const externalId = nextId();
      const value = rollDice();
      calls.push({ method: 'sendDice', target, emoji, value, externalId });
      return { externalId, value };
    },
  };
  return adapter;
};

/** A 429 as Telegram answers it: temporary, with the platform's own wait. */
export const rateLimitedError = (retryAfterMs: number): PlatformError =>
  new PlatformError('rate_limited', 'Too Many Requests', {
    temporary: true,
    retryAfterMs,
    platformCode: 429,
  });

/** A refusal a retry cannot fix (blocked by the user, chat not found). */
export const rejectedError = (message = 'Forbidden: bot was blocked by the user'): PlatformError =>
  new PlatformError('rejected', message, { temporary: false, platformCode: 403 });
