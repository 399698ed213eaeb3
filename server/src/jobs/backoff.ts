/** Exponential backoff shared by inbound events and outbound messages: 1 s, 2 s, 4 s … capped. */
export const backoffPolicy = { baseMs: 1_000, maxMs: 3_600_000, maxAttempts: 10 } as const;

/** The wait before the next try, given how many tries already failed before this one (0 for the first failure). */
export const computeBackoffMs = (previousAttempts: number, policy = backoffPolicy): number =>
  Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, previousAttempts));

export type RetryDecision = { attempts: number; status: 'pending' | 'failed'; nextAttemptAt: Date };

/**
 * After a failed try: count it, and either schedule the next one or give up (status 'failed', kept for an
 * admin to retry). `minDelayMs` lets a platform's own hint (retry-after) win over the backoff.
 */
export const decideRetry = (input: {
  previousAttempts: number;
  now: Date;
  isPermanent?: boolean;
  minDelayMs?: number;
  policy?: typeof backoffPolicy;
}): RetryDecision => {
  const policy = input.policy ?? backoffPolicy;
  const attempts = input.previousAttempts + 1;
  const delayMs = Math.max(input.minDelayMs ?? 0, computeBackoffMs(input.previousAttempts, policy));
  const isExhausted = input.isPermanent === true || attempts >= policy.maxAttempts;
  return {
    attempts,
    status: isExhausted ? 'failed' : 'pending',
    nextAttemptAt: new Date(input.now.getTime() + delayMs),
  };
};

/** Error text kept on a row: the message only (never a stack), bounded. */
export const describeError = (error: unknown, maxLength = 1_000): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
};
