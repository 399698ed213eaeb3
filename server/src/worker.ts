import type PgBoss from 'pg-boss';
import type { AppDeps } from './app/deps.ts';
import { type JobContext, type JobDefinition, jobDefinitions } from './jobs/definitions.ts';
import { jobNames, wakeEventProcessor } from './jobs/job-names.ts';
import { createRateLimitStore } from './outbox/rate-limit.ts';

export type RunningWorker = { stop: () => Promise<void> };

/** Poll twice a second: the demo should feel live, and an idle poll is one cheap query. */
const pollingIntervalSeconds = 0.5;

/**
 * The worker entry point: register every job definition's handler and schedule, then catch up on
 * whatever waited while no worker ran. The queues themselves were created by startBoss.
 */
export const startWorker = async (
  deps: AppDeps,
  boss: PgBoss,
  options: { definitions?: JobDefinition[] } = {},
): Promise<RunningWorker> => {
  const definitions = options.definitions ?? jobDefinitions;
  const context: JobContext = { deps, rateLimits: createRateLimitStore() };
  const workerIds: string[] = [];
  for (const definition of definitions) {
    for (let lane = 0; lane < (definition.concurrency ?? 1); lane++) {
      const id = await boss.work(definition.name, { pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) await definition.handler(context, job.data);
      });
      workerIds.push(id);
    }
    if (definition.cron) await boss.schedule(definition.name, definition.cron);
  }
  if (definitions.some((d) => d.name === jobNames.processEvents)) await wakeEventProcessor(deps.jobs);
  if (definitions.some((d) => d.name === jobNames.sweepOutbox))
    await deps.jobs.send(jobNames.sweepOutbox, {});
  return {
    stop: async () => {
      for (const id of workerIds) await boss.offWork({ id });
    },
  };
};
