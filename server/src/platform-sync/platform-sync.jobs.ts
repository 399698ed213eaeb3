import { z } from 'zod';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { findDueSyncRequests, findSyncRequest } from './platform-sync.store.ts';
import { runSyncRequest } from './run-sync-request.ts';

const runData = z.object({ requestId: z.uuid() });

/** Read one thing back from a platform (a group, a customer, the tags) or push a member's tags. */
export const runPlatformSyncJob: JobDefinition = {
  name: jobNames.runPlatformSync,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const row = await findSyncRequest(deps.db, runData.parse(data).requestId);
    if (row?.status === 'pending') await runSyncRequest(deps, row);
  },
};

/** Every minute: one run per due sync request (the pipeline and the API only record them). */
export const sweepPlatformSyncJob: JobDefinition = {
  name: jobNames.sweepPlatformSync,
  policy: 'stately',
  cron: '* * * * *',
  handler: async ({ deps }) => {
    for (const row of await findDueSyncRequests(deps.db, deps.now())) {
      await deps.jobs.send(jobNames.runPlatformSync, { requestId: row.id }, { singletonKey: row.id });
    }
  },
};
