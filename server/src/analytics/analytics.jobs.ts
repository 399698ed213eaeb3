import { z } from 'zod';
import { tenants } from '../db/schema/index.ts';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { refreshFunnelFacts } from './funnel.store.ts';

const refreshData = z.object({ tenantId: z.uuid() });
const BATCH = 5_000;
const BUDGET_MS = 20_000;

/** Bring one brand's funnel rollup up to date: members without facts, or whose facts are not final yet. */
export const refreshFunnelFactsJob: JobDefinition = {
  name: jobNames.refreshFunnelFacts,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId } = refreshData.parse(data);
    const started = performance.now();
    const now = deps.now();
    for (;;) {
      const done = await refreshFunnelFacts(deps.db, { tenantId, now, limit: BATCH });
      if (done < BATCH) return;
      if (performance.now() - started > BUDGET_MS) {
        await deps.jobs.send(jobNames.refreshFunnelFacts, { tenantId }, { singletonKey: tenantId });
        return;
      }
    }
  },
};

/** Every hour: one rollup refresh per brand (the cron itself reads no event). Today is always computed live. */
export const sweepFunnelFactsJob: JobDefinition = {
  name: jobNames.sweepFunnelFacts,
  policy: 'stately',
  cron: '20 * * * *',
  handler: async ({ deps }) => {
    for (const { id } of await deps.db.select({ id: tenants.id }).from(tenants)) {
      await deps.jobs.send(jobNames.refreshFunnelFacts, { tenantId: id }, { singletonKey: id });
    }
  },
};
