/**
 * Rate limits for outbound delivery, as pure functions of a state and a clock.
 *
 * Each limit is a token bucket written in its GCRA form: one number per bucket, the theoretical arrival
 * time (`tat`) of the next send. A send at time t fits when `tat - burst <= t`, and then moves `tat` on
 * by one interval. That keeps a bucket to a single number and makes "when is the next free slot?" exact.
 */

export type RateLimits = { perSecond: number; perChatPerMinute: number };

/** The limiter's memory for one platform account. Lives in the worker process (see RateLimitStore). */
export type AccountRateState = {
  accountTat: number;
  chatTats: Map<string, number>;
  /** A platform said "wait" (429 retry-after): nothing goes out before this. */
  blockedUntilMs: number;
};

export type Bucket = { intervalMs: number; burstMs: number };

export const bucketOf = (perWindow: number, windowMs: number): Bucket => {
  const intervalMs = windowMs / Math.max(perWindow, Number.EPSILON);
  // A full bucket holds `perWindow` tokens: the first send plus (perWindow - 1) more at once.
  return { intervalMs, burstMs: Math.max(0, perWindow - 1) * intervalMs };
};

/** The earliest time a send fits this bucket. */
export const earliestSlotMs = (tat: number, bucket: Bucket, nowMs: number): number =>
  Math.max(nowMs, tat - bucket.burstMs);

/** The bucket after one send at `atMs`. */
export const consumeSlot = (tat: number, bucket: Bucket, atMs: number): number =>
  Math.max(tat, atMs) + bucket.intervalMs;

export const createAccountRateState = (): AccountRateState => ({
  accountTat: 0,
  chatTats: new Map(),
  blockedUntilMs: 0,
});

export type PlannedItem = { id: number; chatKey: string | null };

export type DeliveryPlan = {
  sendNow: number[];
  /** Rows that do not fit now, each with the next slot it would fit. */
  deferred: { id: number; atMs: number }[];
  state: AccountRateState;
};

const cloneState = (state: AccountRateState): AccountRateState => ({
  accountTat: state.accountTat,
  chatTats: new Map(state.chatTats),
  blockedUntilMs: state.blockedUntilMs,
});

const slotFor = (state: AccountRateState, item: PlannedItem, limits: Buckets, nowMs: number): number => {
  const account = earliestSlotMs(state.accountTat, limits.account, nowMs);
  const chat = item.chatKey
    ? earliestSlotMs(state.chatTats.get(item.chatKey) ?? 0, limits.chat, nowMs)
    : nowMs;
  return Math.max(account, chat, state.blockedUntilMs);
};

const consume = (state: AccountRateState, item: PlannedItem, limits: Buckets, atMs: number): void => {
  state.accountTat = consumeSlot(state.accountTat, limits.account, atMs);
  if (item.chatKey) {
    state.chatTats.set(item.chatKey, consumeSlot(state.chatTats.get(item.chatKey) ?? 0, limits.chat, atMs));
  }
};

type Buckets = { account: Bucket; chat: Bucket };

/**
 * Decide, in order, which rows go out now and when the others fit. Rows that fit now consume the real
 * state; deferred rows are spread over future slots on a copy (they consume for real only when sent).
 */
export const planDeliveries = (
  items: PlannedItem[],
  current: AccountRateState,
  rateLimits: RateLimits,
  nowMs: number,
): DeliveryPlan => {
  const limits: Buckets = {
    account: bucketOf(rateLimits.perSecond, 1_000),
    chat: bucketOf(rateLimits.perChatPerMinute, 60_000),
  };
  const state = cloneState(current);
  const sendNow: number[] = [];
  const waiting: PlannedItem[] = [];
  for (const item of items) {
    if (slotFor(state, item, limits, nowMs) <= nowMs) {
      consume(state, item, limits, nowMs);
      sendNow.push(item.id);
    } else {
      waiting.push(item);
    }
  }
  const projection = cloneState(state);
  const deferred = waiting.map((item) => {
    const atMs = slotFor(projection, item, limits, nowMs);
    consume(projection, item, limits, atMs);
    return { id: item.id, atMs };
  });
  // A chat whose bucket is full again needs no memory.
  for (const [chat, tat] of state.chatTats) if (tat <= nowMs) state.chatTats.delete(chat);
  return { sendNow, deferred, state };
};

/** The limiter state of every account this process delivers for. One per worker process. */
export type RateLimitStore = {
  get: (platformAccountId: string) => AccountRateState;
  set: (platformAccountId: string, state: AccountRateState) => void;
  /** Hold back every send of the account until `untilMs` (a platform's retry-after). */
  block: (platformAccountId: string, untilMs: number) => void;
};

export const createRateLimitStore = (): RateLimitStore => {
  const states = new Map<string, AccountRateState>();
  const get = (id: string) => states.get(id) ?? createAccountRateState();
  return {
    get,
    set: (id, state) => {
      states.set(id, state);
    },
    block: (id, untilMs) => {
      const state = get(id);
      states.set(id, { ...state, blockedUntilMs: Math.max(state.blockedUntilMs, untilMs) });
    },
  };
};
