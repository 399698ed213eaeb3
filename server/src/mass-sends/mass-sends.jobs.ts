import { z } from 'zod';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { findDueMassSends, findMassSend } from './mass-sends.store.ts';
import { trackMassSend } from './track-mass-send.ts';

const trackData = z.object({ tenantId: z.uuid(), massSendId: z.uuid() });

/** Check one mass send: its platform task, the sender's confirmation, each recipient's outcome. */
export const trackMassSendJob: JobDefinition = {
  name: jobNames.trackMassSend,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const { tenantId, massSendId } = trackData.parse(data);
    const row = await findMassSend(deps.db, tenantId, massSendId);
    if (row) await trackMassSend(deps, row);
  },
};

/** Every minute: one tracking job per mass send whose next check is due. */
export const sweepMassSendsJob: JobDefinition = {
  name: jobNames.sweepMassSends,
  policy: 'stately',
  cron: '* * * * *',
  handler: async ({ deps }) => {
    for (const row of await findDueMassSends(deps.db, deps.now())) {
      await deps.jobs.send(
        jobNames.trackMassSend,
        { tenantId: row.tenantId, massSendId: row.id },
        { singletonKey: row.id },
      );
    }
  },
};
