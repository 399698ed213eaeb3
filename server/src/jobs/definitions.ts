import { z } from 'zod';
import { refreshFunnelFactsJob, sweepFunnelFactsJob } from '../analytics/analytics.jobs.ts';
import type { AppDeps } from '../app/deps.ts';
import { rolloverCommunitiesJob, sweepRolloversJob } from '../communities/communities.jobs.ts';
import { postFissionLeaderboardJob, settleFissionJob, sweepFissionJob } from '../fission/fission.jobs.ts';
import { maintainLoyaltyJob, sweepLoyaltyJob } from '../loyalty/loyalty.jobs.ts';
import { sweepMassSendsJob, trackMassSendJob } from '../mass-sends/mass-sends.jobs.ts';
import { refreshMemberStagesJob, sweepMemberStagesJob } from '../members/members.jobs.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { findAccountsWithDueOutbound } from '../outbox/outbox.store.ts';
import type { RateLimitStore } from '../outbox/rate-limit.ts';
import { hasDueEvents } from '../pipeline/events.store.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { runPlatformSyncJob, sweepPlatformSyncJob } from '../platform-sync/platform-sync.jobs.ts';
import {
  flushGroupWelcomeJob,
  sendContactWelcomeJob,
  sweepGroupWelcomesJob,
} from '../welcome/welcome.jobs.ts';
import { type JobName, jobNames, wakeDelivery, wakeEventProcessor } from './job-names.ts';

/** What a handler gets: the app's deps and the worker process's own state. */
export type JobContext = { deps: AppDeps; rateLimits: RateLimitStore };

/** pg-boss queue policies; 'stately' keeps at most one queued and one running job per singleton key. */
export type JobPolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** A job is data (Documenso style): its queue, its schedule if any, and a handler of validated data. */
export type JobDefinition = {
  name: JobName;
  policy?: JobPolicy;
  /** A cron expression; the cron only fans out other jobs (Twenty style). */
  cron?: string;
  /** Workers polling this queue in one process. */
  concurrency?: number;
  handler: (ctx: JobContext, data: unknown) => Promise<void>;
};

const defineJob = <S extends z.ZodType>(definition: {
  name: JobName;
  policy?: JobPolicy;
  cron?: string;
  concurrency?: number;
  schema: S;
  handler: (ctx: JobContext, data: z.infer<S>) => Promise<void>;
}): JobDefinition => {
  const { schema, handler, ...rest } = definition;
  return { ...rest, handler: async (ctx, data) => handler(ctx, schema.parse(data ?? {})) };
};

/** How long one run may drain before it hands over to a fresh job (other queues get their turn). */
export const drainBudgetMs = 20_000;
/** A delayed self-wake blocks fresher wakes of the account (stately), so it is kept short. */
const maxWakeDelayMs = 2_000;

/** Drain loops per run: on PostgreSQL they claim disjoint batches in parallel (SKIP LOCKED); on PGlite they take turns. */
const processLanes = 2;

/** A pause of the worker's poll interval (ORCHARD_WORKER_POLL_MS) between two batches of a run. */
const pause = (deps: AppDeps) => new Promise((resolve) => setTimeout(resolve, deps.config.worker.pollMs));

/**
 * Drain due events. While events keep arriving (the last batch found some), the run stays and looks again
 * after the poll interval instead of ending: a queue picks a new job up only every 0.5 s, and under steady
 * traffic that pause, not the work, set the pace. It ends at the first empty look or when its time is up.
 */
export const processEventsJob = defineJob({
  name: jobNames.processEvents,
  policy: 'stately',
  schema: z.object({}),
  handler: async ({ deps }) => {
    const started = performance.now();
    const limit = deps.config.worker.batchSize;
    // Resolves true when the time budget ran out with work left.
    const drain = async (): Promise<boolean> => {
      for (;;) {
        const stats = await processPendingEvents(deps, { limit });
        if (performance.now() - started > drainBudgetMs) return stats.claimed > 0;
        if (stats.claimed === 0) return false;
        if (stats.claimed < limit) await pause(deps);
      }
    };
    const lanes = await Promise.all(Array.from({ length: processLanes }, drain));
    if (lanes.some(Boolean)) await wakeEventProcessor(deps.jobs);
  },
});

/** Deliver an account's due rows; like the event processor, it stays while replies keep coming. */
export const deliverOutboundJob = defineJob({
  name: jobNames.deliverOutbound,
  policy: 'stately',
  concurrency: 4,
  schema: z.object({ platformAccountId: z.uuid() }),
  handler: async ({ deps, rateLimits }, { platformAccountId }) => {
    const started = performance.now();
    for (;;) {
      const stats = await deliverOutbound(deps, { platformAccountId, rateLimits });
      const isFull = stats.claimed === stats.limit && stats.deferred < stats.claimed;
      const isWithinBudget = performance.now() - started < drainBudgetMs;
      if (isFull && isWithinBudget) continue;
      // Rows went out and none waits for the rate limit: more are probably on their way.
      if (stats.sent > 0 && stats.deferred === 0 && isWithinBudget) {
        await pause(deps);
        continue;
      }
      const waitMs = stats.nextDueAt ? stats.nextDueAt.getTime() - deps.now().getTime() : null;
      // Rows due within a minute: come back for them (briefly); later ones are the sweep's.
      if (waitMs !== null && waitMs <= 60_000) {
        await wakeDelivery(
          deps.jobs,
          platformAccountId,
          Math.min(Math.max(waitMs, 0), maxWakeDelayMs) / 1_000,
        );
      }
      return;
    }
  },
});

export const sweepOutboxJob = defineJob({
  name: jobNames.sweepOutbox,
  policy: 'stately',
  cron: '* * * * *',
  schema: z.object({}),
  handler: async ({ deps }) => {
    for (const platformAccountId of await findAccountsWithDueOutbound(deps.db, deps.now())) {
      await wakeDelivery(deps.jobs, platformAccountId);
    }
  },
});

export const sweepEventsJob = defineJob({
  name: jobNames.sweepEvents,
  policy: 'stately',
  cron: '* * * * *',
  schema: z.object({}),
  handler: async ({ deps }) => {
    if (await hasDueEvents(deps.db, deps.now())) await wakeEventProcessor(deps.jobs);
  },
});

export const jobDefinitions: JobDefinition[] = [
  processEventsJob,
  deliverOutboundJob,
  sweepOutboxJob,
  sweepEventsJob,
  rolloverCommunitiesJob,
  sweepRolloversJob,
  refreshMemberStagesJob,
  sweepMemberStagesJob,
  trackMassSendJob,
  sweepMassSendsJob,
  runPlatformSyncJob,
  sweepPlatformSyncJob,
  flushGroupWelcomeJob,
  sendContactWelcomeJob,
  sweepGroupWelcomesJob,
  maintainLoyaltyJob,
  sweepLoyaltyJob,
  settleFissionJob,
  postFissionLeaderboardJob,
  sweepFissionJob,
  refreshFunnelFactsJob,
  sweepFunnelFactsJob,
];
