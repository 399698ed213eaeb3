import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { OutboundMessage } from '../outbox/outbox.ts';
import type { Capabilities, PlatformAdapter, PlatformEvent } from '../platforms/platform.ts';

export type ResolvedMember = { id: string; name: string; isNew: boolean };
export type ResolvedIdentity = { id: string; externalId: string; displayName: string | null };
export type ResolvedStaffAccount = { id: string; staffId: string; externalId: string };

/** A group join that changed membership (not a repeat), set by community tracking for later handlers. */
export type JoinedCommunity = { id: string; name: string; storeId: string | null; seriesId: string | null };

/**
 * A member arrived: a new contact with a staff account or a new group join, through a channel code or
 * not (`channelCodeId` null). Set by the acquisition handler; welcome, fission and others read it.
 */
export type Arrival = {
  kind: 'contact' | 'group';
  channelCodeId: string | null;
  /** This arrival made the member's first attribution to any code (first touch). */
  isFirstTouch: boolean;
  /** The member is new to the brand with this arrival. */
  isNewMember: boolean;
  /** False when the code had expired or reached its total cap: attributed, but its offer (welcome) is over. */
  isCodeOpen: boolean;
  /** The staff member the member was assigned to (contact arrivals). */
  staffId: string | null;
  communityId: string | null;
  /** What created the code (fission's personal invite codes name their inviting member). */
  purpose: string | null;
  referrerMemberId: string | null;
};

export type EnqueueRequest = OutboundMessage & {
  /** Names the row within this event (stable across re-runs); by default its order: 1, 2, 3… */
  key?: string;
  /** Another account of the same tenant; the event's account by default. */
  platformAccountId?: string;
  notBefore?: Date;
};

/**
 * What a middleware sees for one inbound event. Use `tx` for every query: it is the event's own
 * savepoint, so a throw rolls back exactly this event's effects (never use `deps.db` here: on PGlite
 * that waits for this very transaction).
 */
export type EventContext = {
  readonly tx: Db;
  readonly deps: AppDeps;
  readonly tenantId: string;
  readonly platformAccountId: string;
  readonly inboundEventId: number;
  readonly event: PlatformEvent;
  /** What the account's platform can do; features ask this, never the platform's name. */
  readonly capabilities: Capabilities;
  /**
   * The account's adapter, to ask what it can do beyond `capabilities` (its optional members, such as
   * `deleteGroupWelcome`). Never call it here: the network comes after the commit, through the outbox or `jobs`.
   */
  readonly adapter: PlatformAdapter;
  /** Set by the resolve step for events that name a member. */
  member?: ResolvedMember;
  identity?: ResolvedIdentity;
  /** Set by the resolve step when the event names a staff account Orchard knows. */
  staffAccount?: ResolvedStaffAccount;
  /** Set by community tracking when this event's group join was new. */
  joinedCommunity?: JoinedCommunity;
  /** Set by the acquisition handler when a member arrived (see Arrival). */
  arrival?: Arrival;
  /**
   * Jobs to send after the event's transaction commits (a rollback drops them): a handler that needs the
   * network (open a group, flush a batch) asks here instead of waiting for a sweep.
   */
  readonly jobs: JobQueue;
  readonly outbox: {
    /**
     * Queue an outbound action in this event's transaction. Its idempotency key is derived from the
     * event (`evt:<inboundEventId>:<key>`), so a re-run can never enqueue it twice.
     */
    enqueue: (message: EnqueueRequest) => Promise<void>;
    /**
     * Wake an account's delivery after commit for an outbound row the handler wrote itself (a digest that
     * several events upsert, like the check-in acknowledgement); rows queued with `enqueue` are woken anyway.
     */
    wake: (platformAccountId?: string) => void;
  };
};

/** grammY/Koa-style middleware: do work, call `next()` to run the rest of the chain, or don't. */
export type Middleware = (ctx: EventContext, next: () => Promise<void>) => Promise<void>;

/** One middleware out of many, run in order. */
export const compose = (middlewares: readonly Middleware[]): Middleware => {
  return (ctx, next) => {
    let lastIndex = -1;
    const dispatch = async (index: number): Promise<void> => {
      if (index <= lastIndex) throw new Error('next() called more than once');
      lastIndex = index;
      const middleware = middlewares[index];
      if (!middleware) return next();
      await middleware(ctx, () => dispatch(index + 1));
    };
    return dispatch(0);
  };
};
