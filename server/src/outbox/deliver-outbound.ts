import { eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { platformAccounts } from '../db/schema/index.ts';
import { decideRetry, describeError } from '../jobs/backoff.ts';
import type { PlatformAdapter, SendOutcome } from '../platforms/platform.ts';
import { followUpTemplateDeliveries } from '../welcome/retire-group-welcome-templates.ts';
import {
  claimDueOutbound,
  type DeliveryOutcome,
  findNextDueAt,
  lockDueOutbound,
  type OutboundRow,
  recordDeliveryOutcomes,
} from './outbox.store.ts';
import {
  chatKeyOf,
  classifyDeliveryError,
  findExpiryOf,
  type OutboundMessage,
  parseOutbound,
  performOutbound,
} from './outbox.ts';
import { planDeliveries, type RateLimitStore } from './rate-limit.ts';
import { handOverToStaff } from './staff-handover.ts';

export type DeliverStats = {
  claimed: number;
  sent: number;
  /** Temporary failures, back to pending with a later next_attempt_at. */
  retried: number;
  failed: number;
  /** Rows that could no longer be sent (a welcome past its deadline), cancelled with the reason. */
  cancelled: number;
  /** Rows the rate limit could not fit now, back to pending at their next free slot. */
  deferred: number;
  /** When the account's next pending row is due (the job wakes itself for it). */
  nextDueAt: Date | null;
  /** Rows this run could claim at most: a run that claimed as many may have left more due. */
  limit: number;
};

const noStats: DeliverStats = {
  claimed: 0,
  sent: 0,
  retried: 0,
  failed: 0,
  cancelled: 0,
  deferred: 0,
  nextDueAt: null,
  limit: 0,
};

type DeliverOptions = {
  platformAccountId: string;
  rateLimits: RateLimitStore;
  limit?: number;
  /** How long a claim holds before another worker may take the row over (crash recovery). */
  lockMs?: number;
  /** Platform calls in flight at once. */
  concurrency?: number;
};

/**
 * Deliver one account's due outbound rows. Claim (a short commit), then call the platform outside any
 * transaction within its rate limits, then record every result in a couple of statements. Never waits
 * for a rate limit: rows that do not fit go back to pending at their slot, and the job is re-sent then.
 *
 * A platform inside Orchard's own database (`adapter.inTransaction`, the sandbox) has no slow calls to keep
 * out of a transaction, so its rows are locked, sent and recorded in one: no 'sending' write per row, and
 * nothing can be sent without being recorded.
 */
export const deliverOutbound = async (deps: AppDeps, options: DeliverOptions): Promise<DeliverStats> => {
  const adapter = await findAdapter(deps, options.platformAccountId);
  if (!adapter) return noStats;
  const { inTransaction } = adapter;
  if (!inTransaction) return deliverRows(deps, adapter, options, 'claimed');
  return deps.db.transaction((tx) =>
    // One connection: its calls take turns (savepoints of concurrent calls would interleave).
    deliverRows({ ...deps, db: tx }, inTransaction(tx), { ...options, concurrency: 1 }, 'locked'),
  );
};

/** Claim (or lock, in deps.db's transaction), send and record one run of an account's due rows. */
const deliverRows = async (
  deps: AppDeps,
  adapter: PlatformAdapter,
  options: DeliverOptions,
  claim: 'claimed' | 'locked',
): Promise<DeliverStats> => {
  const { platformAccountId, rateLimits } = options;
  const now = deps.now();
  // A platform that takes many messages per call gets them in bigger runs.
  const limit = options.limit ?? (adapter.sendMany ? 500 : 100);
  const due = { platformAccountId, now, limit };
  const rows =
    claim === 'claimed'
      ? await claimDueOutbound(deps.db, { ...due, lockMs: options.lockMs ?? 120_000 })
      : await lockDueOutbound(deps.db, due);
  if (rows.length === 0)
    return { ...noStats, limit, nextDueAt: await findNextDueAt(deps.db, platformAccountId) };

  const outcomes: DeliveryOutcome[] = [];
  const ready: { row: OutboundRow; message: OutboundMessage }[] = [];
  for (const row of rows) {
    try {
      const message = parseOutbound(row.kind, row.payload);
      const expiry = findExpiryOf(message, now);
      if (expiry) outcomes.push({ id: row.id, status: 'cancelled', attempts: row.attempts, error: expiry });
      else ready.push({ row, message });
    } catch (error) {
      outcomes.push({
        id: row.id,
        status: 'failed',
        attempts: row.attempts + 1,
        error: describeError(error),
      });
    }
  }

  const plan = planDeliveries(
    ready.map(({ row, message }) => ({ id: row.id, chatKey: chatKeyOf(message) })),
    rateLimits.get(platformAccountId),
    adapter.capabilities.rateLimits,
    now.getTime(),
  );
  rateLimits.set(platformAccountId, plan.state);
  const byId = new Map(ready.map((r) => [r.row.id, r]));
  const defer = (row: OutboundRow, atMs: number): DeliveryOutcome => ({
    id: row.id,
    status: 'pending',
    attempts: row.attempts,
    nextAttemptAt: new Date(atMs),
  });
  for (const { id, atMs } of plan.deferred) outcomes.push(defer(byId.get(id)!.row, atMs));

  /** What a platform call's result means for its row: sent, retried later, or failed for good. */
  const outcomeOf = (
    row: OutboundRow,
    result: { ok: true; externalId: string | null } | { ok: false; error: unknown },
  ): DeliveryOutcome => {
    if (result.ok) return { id: row.id, status: 'sent', externalId: result.externalId, at: deps.now() };
    const { error } = result;
    const failure = classifyDeliveryError(error);
    if (failure.retryAfterMs) rateLimits.block(platformAccountId, now.getTime() + failure.retryAfterMs);
    const decision = decideRetry({
      previousAttempts: row.attempts,
      now,
      isPermanent: !failure.isTemporary,
      minDelayMs: failure.retryAfterMs,
    });
    return decision.status === 'failed'
      ? { id: row.id, status: 'failed', attempts: decision.attempts, error: describeError(error) }
      : {
          id: row.id,
          status: 'pending',
          attempts: decision.attempts,
          nextAttemptAt: decision.nextAttemptAt,
          error: describeError(error),
        };
  };
  // A 429 earlier in this run holds back what has not started yet.
  const blockedUntil = () => rateLimits.get(platformAccountId).blockedUntilMs;

  const attemptOne = async (id: number): Promise<DeliveryOutcome> => {
    const { row, message } = byId.get(id)!;
    if (blockedUntil() > now.getTime()) return defer(row, blockedUntil());
    const expiry = findExpiryOf(message, deps.now());
    if (expiry) return { id, status: 'cancelled', attempts: row.attempts, error: expiry };
    try {
      const result = await performOutbound(adapter, message);
      return outcomeOf(row, { ok: true, externalId: result.externalId });
    } catch (error) {
      return outcomeOf(row, { ok: false, error });
    }
  };

  // Plain sends go to the platform in one call where it has one (sendMany); everything else one by one.
  const bulk: { row: OutboundRow; payload: Extract<OutboundMessage, { kind: 'send' }>['payload'] }[] = [];
  const single: number[] = [];
  for (const id of plan.sendNow) {
    const { row, message } = byId.get(id)!;
    if (adapter.sendMany && message.kind === 'send') bulk.push({ row, payload: message.payload });
    else single.push(id);
  }
  if (bulk.length > 0 && adapter.sendMany) {
    const isBlocked = () => blockedUntil() > now.getTime();
    const results = isBlocked()
      ? []
      : await sendAll(
          adapter.sendMany,
          bulk.map((item) => item.payload),
        );
    bulk.forEach(({ row }, index) => {
      const result = results[index];
      // Held back by a 429 (before the call, or of an earlier message in it): not an attempt of its own.
      const isHeldBack =
        !result ||
        (!result.ok && isBlocked() && classifyDeliveryError(result.error).retryAfterMs !== undefined);
      outcomes.push(isHeldBack ? defer(row, blockedUntil()) : outcomeOf(row, result));
    });
  }
  outcomes.push(...(await mapWithConcurrency(single, options.concurrency ?? 4, attemptOne)));
  await recordDeliveryOutcomes(deps.db, outcomes, claim);
  await followUpTemplateDeliveries(
    deps,
    adapter,
    outcomes.flatMap((outcome) => {
      const item = byId.get(outcome.id);
      return item?.message.kind.startsWith('group_welcome_template') ? [{ ...item, outcome }] : [];
    }),
  );
  if (!adapter.capabilities.canSendDirect) {
    // Nothing Orchard meant to send goes silent where the platform needs a person: see staff-handover.ts.
    await handOverToStaff(
      deps,
      platformAccountId,
      outcomes.flatMap((outcome) => {
        const item = byId.get(outcome.id);
        return item?.message.kind === 'send' ? [{ row: item.row, message: item.message, outcome }] : [];
      }),
    );
  }

  const count = (predicate: (o: DeliveryOutcome) => boolean) => outcomes.filter(predicate).length;
  return {
    claimed: rows.length,
    sent: count((o) => o.status === 'sent'),
    retried: count((o) => o.status === 'pending' && o.error !== undefined),
    failed: count((o) => o.status === 'failed'),
    cancelled: count((o) => o.status === 'cancelled'),
    deferred: count((o) => o.status === 'pending' && o.error === undefined),
    nextDueAt: await findNextDueAt(deps.db, platformAccountId),
    limit,
  };
};

/** The account's adapter, or null when the account is gone, disabled or its platform is not available. */
const findAdapter = async (deps: AppDeps, platformAccountId: string): Promise<PlatformAdapter | null> => {
  const [account] = await deps.db
    .select({ tenantId: platformAccounts.tenantId, status: platformAccounts.status })
    .from(platformAccounts)
    .where(eq(platformAccounts.id, platformAccountId));
  if (account?.status !== 'active') return null;
  try {
    return await deps.platforms.adapterFor(account.tenantId, platformAccountId);
  } catch (error) {
    deps.logger.warn(
      { platformAccountId, error: describeError(error) },
      'outbox: no adapter, delivery skipped',
    );
    return null;
  }
};

/** A bulk call that throws (rather than answering per message) fails each of its messages, as a try. */
const sendAll = async (
  sendMany: NonNullable<PlatformAdapter['sendMany']>,
  messages: Parameters<NonNullable<PlatformAdapter['sendMany']>>[0],
): Promise<SendOutcome[]> => {
  try {
    return await sendMany(messages);
  } catch (error) {
    return messages.map(() => ({ ok: false, error }));
  }
};

const mapWithConcurrency = async <T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
};
