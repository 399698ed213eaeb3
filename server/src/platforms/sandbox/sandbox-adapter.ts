import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../accounts.ts';
import {
  type MessageContent,
  type MessageTarget,
  type PlatformAdapter,
  PlatformError,
  platformEventSchema,
  type SendOutcome,
  type WebhookRequest,
} from '../platform.ts';
import type { AdapterContext, AdapterFactory } from '../registry.ts';
import { createRateWindow } from './rate-window.ts';
import type { SandboxAccount } from './sandbox.store.ts';
import { sandboxCapabilities } from './sandbox.ts';
import {
  chatKeyOf,
  createGroupAsBot,
  createLinkAsBot,
  moderateAsBot,
  sendAsBot,
  sendDiceAsBot,
  sendWelcomeAsBot,
} from './sandbox-bot.ts';
import { insertBotGroupMessages } from './sandbox-messages.store.ts';
import { runInSandbox, type SandboxWorld } from './sandbox-runtime.ts';
import { readSandboxSettings } from './sandbox-settings.ts';
import { checkSandboxSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './sandbox-signature.ts';

const webhookBodySchema = z.object({ events: z.array(platformEventSchema) });

/** Marks a delivery that failed verification (the webhook route answers 401 instead of 400). */
const unverified = (message: string) =>
  new PlatformError('invalid_request', message, { temporary: false, platformCode: 'unverified' });

/**
 * The sandbox adapter: Orchard's side of the built-in platform. It writes straight into the sandbox
 * tables; events it causes (a removal) are stored like any delivered event. The worker picks those up
 * on its next poll: an adapter has no job queue to wake it.
 */
export const createSandboxAdapter: AdapterFactory = (context: AdapterContext): PlatformAdapter => {
  const settings = readSandboxSettings(context.account.settings);
  const account: SandboxAccount = { id: context.account.id, tenantId: context.account.tenantId, settings };
  // One rate window for the adapter and its in-transaction twins: they are one bot.
  const limits = createRateWindow(settings.rateLimits);
  const throttle = (chatKey: string) => {
    const waitMs = limits.take(chatKey, context.now().getTime());
    if (waitMs > 0) {
      throw new PlatformError('rate_limited', 'Too many messages', {
        temporary: true,
        retryAfterMs: waitMs,
        platformCode: 429,
      });
    }
  };
  const build = (db: Db, isInTransaction: boolean): PlatformAdapter => {
    const run = async <T>(action: (world: SandboxWorld) => Promise<T>): Promise<T> =>
      (await runInSandbox({ db, account, now: context.now }, action)).result;
    /**
     * A write that raises no event (a message) needs no transaction of its own: the outbox sends many of these.
     * Inside the outbox's transaction it gets a savepoint, so a statement that fails fails this send only.
     */
    const write = <T>(action: (db: Db) => Promise<T>): Promise<T> =>
      isInTransaction ? db.transaction(action) : action(db);
    const runAlone = <T>(action: (world: SandboxWorld) => Promise<T>): Promise<T> =>
      write((db) =>
        action({
          db,
          account,
          now: context.now(),
          random: Math.random,
          emit: () => {
            throw new Error('This sandbox action runs outside a transaction and cannot raise events');
          },
        }),
      );

    const send = async (target: MessageTarget, content: MessageContent) => {
      throttle(chatKeyOf(target));
      return runAlone((world) => sendAsBot(world, target, content));
    };

    /**
     * Group texts go in one statement; anything else, and any message that statement refused (an unknown or
     * dismissed group), takes the one-at-a-time path, which says why.
     */
    const sendMany = async (messages: { target: MessageTarget; content: MessageContent }[]) => {
      const outcomes: (SendOutcome | undefined)[] = messages.map(({ target }) => {
        try {
          throttle(chatKeyOf(target));
          return undefined;
        } catch (error) {
          return { ok: false, error };
        }
      });
      const bulk = messages.flatMap(({ target, content }, index) =>
        outcomes[index] === undefined &&
        target.kind === 'group' &&
        isUuid(target.groupExternalId) &&
        (content.text || content.attachments?.length)
          ? [
              {
                index,
                groupId: target.groupExternalId,
                text: content.text ?? null,
                attachments: content.attachments ?? [],
              },
            ]
          : [],
      );
      const ids = await write((db) => insertBotGroupMessages(db, account, bulk, context.now()));
      bulk.forEach(({ index }, n) => {
        const id = ids[n];
        if (id !== null && id !== undefined) outcomes[index] = { ok: true, externalId: String(id) };
      });
      const results: SendOutcome[] = [];
      for (const [index, { target, content }] of messages.entries()) {
        const outcome = outcomes[index];
        if (outcome) {
          results.push(outcome);
          continue;
        }
        try {
          const { externalId } = await runAlone((world) => sendAsBot(world, target, content));
          results.push({ ok: true, externalId });
        } catch (error) {
          results.push({ ok: false, error });
        }
      }
      return results;
    };

    return {
      platform: 'sandbox',
      capabilities: sandboxCapabilities(settings),
      handleWebhook,
      send,
      sendMany,
      inTransaction: (tx) => build(tx, true),
      sendWelcome: (input) => run((world) => sendWelcomeAsBot(world, input)),
      createEntryLink: (spec) =>
        run(async (world) => {
          const { externalId, url } = await createLinkAsBot(world, spec);
          return { externalId, url };
        }),
      moderate: (action) => run((world) => moderateAsBot(world, action)),
      createGroup: (input) => run((world) => createGroupAsBot(world, input)),
      sendDice: async (target, emoji) => {
        throttle(chatKeyOf(target));
        return runAlone((world) => sendDiceAsBot(world, target, emoji));
      },
    };
  };

  const handleWebhook = async (request: WebhookRequest) => {
    if (request.method !== 'POST')
      throw new PlatformError('invalid_request', 'The sandbox delivers by POST only');
    const secret = context.secrets.webhookSecret;
    if (!secret) throw unverified('This sandbox account has no webhook secret');
    const check = checkSandboxSignature({
      secret,
      body: request.body,
      signature: request.headers.get(SIGNATURE_HEADER),
      timestamp: request.headers.get(TIMESTAMP_HEADER),
      now: context.now(),
    });
    if (check === 'missing') throw unverified(`Missing ${SIGNATURE_HEADER} or ${TIMESTAMP_HEADER}`);
    if (check === 'stale') throw unverified('The timestamp is outside the 5-minute replay window');
    if (check === 'mismatch') throw unverified('The signature does not match the body');
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      throw new PlatformError('invalid_request', 'The body is not JSON');
    }
    const parsed = webhookBodySchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PlatformError(
        'invalid_request',
        `Invalid events: ${issue?.path.join('.')}: ${issue?.message}`,
      );
    }
    return {
      events: parsed.data.events,
      response: {
        status: 200,
        body: JSON.stringify({ ok: true, received: parsed.data.events.length }),
        contentType: 'application/json',
      },
    };
  };

  return build(context.db, false);
};
