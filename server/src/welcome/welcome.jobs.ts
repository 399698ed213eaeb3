import { z } from 'zod';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { contactWelcomeSchema, sendContactWelcome } from './contact-welcome.ts';
import { findStaleWelcomeGroups, flushGroupWelcome } from './flush-group-welcome.ts';

const flushData = z.object({ tenantId: z.uuid(), communityId: z.uuid() });

/** Post one group's waiting welcomes (sent by the pipeline a few seconds after the first newcomer joined). */
export const flushGroupWelcomeJob: JobDefinition = {
  name: jobNames.flushGroupWelcome,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    await flushGroupWelcome(deps, flushData.parse(data));
  },
};

/** A flush job lost between commit and send leaves newcomers waiting; after a minute the sweep flushes them. */
export const sweepGroupWelcomesJob: JobDefinition = {
  name: jobNames.sweepGroupWelcomes,
  policy: 'stately',
  cron: '* * * * *',
  handler: async ({ deps }) => {
    for (const group of await findStaleWelcomeGroups(deps, 60_000)) {
      await deps.jobs.send(jobNames.flushGroupWelcome, group, { singletonKey: group.communityId });
    }
  },
};

/** A 1:1 welcome whose customer the event did not name: read the contact, then queue it (see contact-welcome.ts). */
export const sendContactWelcomeJob: JobDefinition = {
  name: jobNames.sendContactWelcome,
  handler: async ({ deps }, data) => {
    await sendContactWelcome(deps, contactWelcomeSchema.parse(data));
  },
};
