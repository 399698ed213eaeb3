import { type Bucket, bucketOf, consumeSlot, earliestSlotMs } from '../../outbox/rate-limit.ts';

/**
 * WeCom limits each company per API: 10,000 calls a minute and 150,000 an hour, and a breach blocks the
 * API for 60 s (45009). Orchard keeps under both and, after a 45009, holds the API back until the block
 * ends instead of adding to the storm. Keyed by corp id and API path: apps of one company share the limit.
 */
export type ApiLimiter = {
  /** 0 when a call may go now (and counts it), else how long to wait. Never waits itself. */
  take: (corpId: string, api: string, nowMs: number) => number;
  block: (corpId: string, api: string, untilMs: number) => void;
};

export const wecomApiLimits = { perMinute: 10_000, perHour: 150_000 };

type State = { minuteTat: number; hourTat: number; blockedUntilMs: number };

export const createApiLimiter = (limits = wecomApiLimits): ApiLimiter => {
  const minute: Bucket = bucketOf(limits.perMinute, 60_000);
  const hour: Bucket = bucketOf(limits.perHour, 3_600_000);
  const states = new Map<string, State>();
  const stateOf = (key: string): State => {
    let state = states.get(key);
    if (!state) {
      state = { minuteTat: 0, hourTat: 0, blockedUntilMs: 0 };
      states.set(key, state);
    }
    return state;
  };
  return {
    take: (corpId, api, nowMs) => {
      const state = stateOf(`${corpId} ${api}`);
      const at = Math.max(
        earliestSlotMs(state.minuteTat, minute, nowMs),
        earliestSlotMs(state.hourTat, hour, nowMs),
        state.blockedUntilMs,
      );
      if (at > nowMs) return at - nowMs;
      state.minuteTat = consumeSlot(state.minuteTat, minute, nowMs);
      state.hourTat = consumeSlot(state.hourTat, hour, nowMs);
      return 0;
    },
    block: (corpId, api, untilMs) => {
      const state = stateOf(`${corpId} ${api}`);
      state.blockedUntilMs = Math.max(state.blockedUntilMs, untilMs);
    },
  };
};

/** One limiter per process: every adapter of a company counts against the same budget. */
export const sharedApiLimiter: ApiLimiter = createApiLimiter();
