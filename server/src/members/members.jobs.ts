import { z } from 'zod';
import { tenants } from '../db/schema/index.ts';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { refreshMemberStages } from './member-stages.store.ts';

const refreshData = z.object({ tenantId: z.uuid() });

/** Re-derive every member's lifecycle stage for one brand (one statement). */
export const refreshMemberStagesJob: JobDefinition = {
  name: jobNames.refreshMemberStages,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId } = refreshData.parse(data);
    await refreshMemberStages(deps.db, { tenantId, now: deps.now() });
  },
};

/** Nightly: one stage refresh per brand; the cron itself touches no member. */
export const sweepMemberStagesJob: JobDefinition = {
  name: jobNames.sweepMemberStages,
  policy: 'stately',
  cron: '15 3 * * *',
  handler: async ({ deps }) => {
    for (const { id } of await deps.db.select({ id: tenants.id }).from(tenants)) {
      await deps.jobs.send(jobNames.refreshMemberStages, { tenantId: id }, { singletonKey: id });
    }
  },
};
