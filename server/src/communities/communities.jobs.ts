import { z } from 'zod';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { openSeriesGroup } from './open-series-group.ts';
import { listPendingSeries } from './series.store.ts';

const rolloverData = z.object({ tenantId: z.uuid(), seriesId: z.uuid() });

/** Open the next group of one series through the platform (or hand it to staff). One run per series at a time. */
export const rolloverCommunitiesJob: JobDefinition = {
  name: jobNames.rolloverCommunities,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    await openSeriesGroup(deps, rolloverData.parse(data));
  },
};

/** Every minute: one rollover job per series whose groups are all full (the pipeline marked them pending). */
export const sweepRolloversJob: JobDefinition = {
  name: jobNames.sweepRollovers,
  policy: 'stately',
  cron: '* * * * *',
  handler: async ({ deps }) => {
    for (const { tenantId, id } of await listPendingSeries(deps.db)) {
      await deps.jobs.send(jobNames.rolloverCommunities, { tenantId, seriesId: id }, { singletonKey: id });
    }
  },
};
