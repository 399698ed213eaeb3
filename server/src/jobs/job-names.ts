import type { JobQueue } from './queue.ts';

/** Queue names, apart from their handlers so producers (routes, the pipeline) need not import the worker. */
export const jobNames = {
  processEvents: 'events.process',
  sweepEvents: 'events.sweep',
  deliverOutbound: 'outbox.deliver',
  sweepOutbox: 'outbox.sweep',
  rolloverCommunities: 'communities.rollover',
  sweepRollovers: 'communities.rollover-sweep',
  refreshMemberStages: 'members.stages-refresh',
  sweepMemberStages: 'members.stages-sweep',
  trackMassSend: 'mass-sends.track',
  sweepMassSends: 'mass-sends.track-sweep',
  runPlatformSync: 'platform-sync.run',
  sweepPlatformSync: 'platform-sync.sweep',
  flushGroupWelcome: 'welcome.group-flush',
  sweepGroupWelcomes: 'welcome.group-sweep',
  sendContactWelcome: 'welcome.contact-send',
  maintainLoyalty: 'loyalty.maintain',
  sweepLoyalty: 'loyalty.sweep',
  settleFission: 'fission.settle',
  postFissionLeaderboard: 'fission.leaderboard',
  sweepFission: 'fission.sweep',
  refreshFunnelFacts: 'analytics.funnel-refresh',
  sweepFunnelFacts: 'analytics.funnel-sweep',
} as const;

export type JobName = (typeof jobNames)[keyof typeof jobNames];

/** Ask a worker to drain inbound events. Collapses into the one queued run (stately queue). */
export const wakeEventProcessor = (jobs: JobQueue): Promise<void> =>
  jobs.send(jobNames.processEvents, {}, { singletonKey: 'events' });

/** Ask a worker to deliver an account's outbound rows, now or after `delaySeconds`. One queued run per account. */
export const wakeDelivery = (
  jobs: JobQueue,
  platformAccountId: string,
  delaySeconds?: number,
): Promise<void> =>
  jobs.send(
    jobNames.deliverOutbound,
    { platformAccountId },
    { singletonKey: platformAccountId, ...(delaySeconds ? { startAfter: Math.ceil(delaySeconds) } : {}) },
  );
