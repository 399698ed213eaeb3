import { z } from 'zod';
import type { JobDefinition } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { findLeaderboardCampaigns, postLeaderboard } from './post-leaderboard.ts';
import { findDueInviters, settleInviter } from './settle-invites.ts';

const inviterData = z.object({ tenantId: z.uuid(), campaignId: z.uuid(), inviterMemberId: z.uuid() });
const campaignData = z.object({ tenantId: z.uuid(), campaignId: z.uuid() });

/** Settle one inviter's invites past their stay window (rewards, messages). */
export const settleFissionJob: JobDefinition = {
  name: jobNames.settleFission,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    const input = inviterData.parse(data);
    const result = await settleInviter(deps, input);
    if (result.valid + result.voided > 0)
      deps.logger.debug({ ...input, ...result }, 'fission invites settled');
  },
};

/** Post a campaign's leaderboard if its slot has not been posted yet. */
export const postFissionLeaderboardJob: JobDefinition = {
  name: jobNames.postFissionLeaderboard,
  policy: 'stately',
  handler: async ({ deps }, data) => {
    await postLeaderboard(deps, campaignData.parse(data));
  },
};

/** Every minute: one settle job per inviter with due invites, one leaderboard job per scheduled campaign. */
export const sweepFissionJob: JobDefinition = {
  name: jobNames.sweepFission,
  policy: 'stately',
  cron: '* * * * *',
  handler: async ({ deps }) => {
    for (const due of await findDueInviters(deps.db, deps.now())) {
      await deps.jobs.send(jobNames.settleFission, due, {
        singletonKey: `${due.campaignId}:${due.inviterMemberId}`,
      });
    }
    for (const campaign of await findLeaderboardCampaigns(deps.db)) {
      await deps.jobs.send(jobNames.postFissionLeaderboard, campaign, { singletonKey: campaign.campaignId });
    }
  },
};
