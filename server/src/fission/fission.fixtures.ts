import { and, eq } from 'drizzle-orm';
import { type AcquisitionSetup, setUpAcquisition } from '../acquisition/acquisition.fixtures.ts';
import { channelCodes, communities, fissionInviters } from '../db/schema/index.ts';
import { type JobContext, jobDefinitions } from '../jobs/definitions.ts';
import { jobNames } from '../jobs/job-names.ts';
import { keepSignedIn } from '../loyalty/loyalty.fixtures.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import type { Harness } from '../testing/harness.ts';

/**
 * Test helpers for fission: a sandbox brand with store groups (one series each, known to Orchard), a staff
 * account members add (so private messages reach them), coupon templates, and ways to bring members in bulk
 * through the signed webhook, settle, and read back.
 */
export const setUpFission = async (h: Harness, options: { stores: number }) => {
  const acq: AcquisitionSetup = await setUpAcquisition(h, {
    rateLimits: { perSecond: 100_000, perChatPerMinute: 100_000 },
  });
  await keepSignedIn(h, acq.tenantId);
  const staffAccountId = await acq.createStaffAccount();
  const contactLink: string = (
    await acq.api('POST', '/api/v1/sandbox/links', { kind: 'contact', staffIds: [staffAccountId] })
  ).body.url;
  const groups: { seriesId: string; communityId: string; externalId: string; link: string }[] = [];
  for (let i = 1; i <= options.stores; i++) {
    const series = await acq.api('POST', '/api/v1/community-series', { nameTemplate: `Store ${i} mums` });
    if (series.status !== 201) throw new Error(`series: ${JSON.stringify(series.body)}`);
    // A new series opens its first group on the platform at once.
    const [community] = await h.deps.db
      .select({ id: communities.id, externalId: communities.externalId })
      .from(communities)
      .where(eq(communities.seriesId, series.body.id));
    if (!community) throw new Error('the series opened no group');
    const link = (
      await acq.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [community.externalId] })
    ).body.url;
    groups.push({
      seriesId: series.body.id,
      communityId: community.id,
      externalId: community.externalId,
      link,
    });
  }
  const template = async (name: string) => {
    const res = await acq.api('POST', '/api/v1/coupon-templates', {
      name,
      kind: 'gift',
      giftName: name,
      validity: { kind: 'relative', days: 30 },
    });
    if (res.status !== 201) throw new Error(`template: ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  const context: JobContext = { deps: h.deps, rateLimits: createRateLimitStore() };
  const jobOf = (name: string) => jobDefinitions.find((d) => d.name === name)!;

  /** A sandbox member who adds the staff account and joins a group for real; returns both ids. */
  const joinForReal = async (name: string, groupIndex: number) => {
    const sandboxId = await acq.createMember(name);
    await acq.api('POST', '/api/v1/sandbox/links/open', { memberId: sandboxId, link: contactLink });
    await acq.api('POST', '/api/v1/sandbox/links/open', {
      memberId: sandboxId,
      link: groups[groupIndex]!.link,
    });
    return sandboxId;
  };
  /** Process every stored event (the pipeline, as the worker would). */
  const drainEvents = async () => {
    for (;;) {
      const { claimed } = await processPendingEvents(h.deps, { limit: 200 });
      if (claimed === 0) return;
    }
  };
  /** A member of the first group, known to Orchard: someone to invite friends. */
  const joinAsInviter = async (name: string): Promise<{ sandboxId: string; memberId: string }> => {
    const sandboxId = await joinForReal(name, 0);
    await drainEvents();
    return { sandboxId, memberId: await acq.orchardMemberOf(sandboxId) };
  };
  /** Deliver events through the signed webhook in chunks, as the platform would. */
  const deliverAll = async (events: Record<string, unknown>[]) => {
    for (let i = 0; i < events.length; i += 200) {
      const status = await acq.deliverWebhook(events.slice(i, i + 200));
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    }
  };
  const joinEvent = (externalId: string, person: string, groupIndex: number, entryState?: string) => ({
    type: 'member.joined_group',
    externalId,
    occurredAt: h.clock.now.toISOString(),
    member: { externalId: person, name: person },
    groupExternalId: groups[groupIndex]!.externalId,
    via: 'link',
    ...(entryState ? { entryState } : {}),
  });
  const leaveEvent = (externalId: string, person: string, groupIndex: number) => ({
    type: 'member.left_group',
    externalId,
    occurredAt: h.clock.now.toISOString(),
    member: { externalId: person },
    groupExternalId: groups[groupIndex]!.externalId,
    reason: 'left',
  });
  /** The attribution state of an inviter's personal code (what their links carry). */
  const stateOf = async (campaignId: string, memberId: string): Promise<string> => {
    const [row] = await h.deps.db
      .select({ state: channelCodes.state })
      .from(fissionInviters)
      .innerJoin(channelCodes, eq(channelCodes.id, fissionInviters.channelCodeId))
      .where(and(eq(fissionInviters.campaignId, campaignId), eq(fissionInviters.memberId, memberId)));
    if (!row) throw new Error('not an inviter');
    return row.state;
  };
  /** Staff enrol a member as an inviter; returns their code's state. */
  const enroll = async (campaignId: string, memberId: string): Promise<string> => {
    const res = await acq.api('POST', `/api/v1/fission-campaigns/${campaignId}/inviters`, {
      memberIds: [memberId],
    });
    if (res.status !== 200) throw new Error(`enrol: ${JSON.stringify(res.body)}`);
    return stateOf(campaignId, memberId);
  };
  let friends = 0;
  /**
   * `count` new people join the first group through an inviter's link (their code's `state`), each join delivered
   * `times` times, and the pipeline runs. Returns the friends' platform ids, in order.
   */
  const bringFriends = async (state: string, count: number, times = 1): Promise<string[]> => {
    const people = Array.from({ length: count }, () => `friend-${++friends}`);
    const events = people.map((person) => joinEvent(`join-${person}`, person, 0, state));
    for (let t = 0; t < times; t++) await deliverAll(events);
    await drainEvents();
    return people;
  };
  /** A campaign body on the first group's series, starting now with a 60-minute stay: the rest is the test's. */
  const campaignBody = (fields: Record<string, unknown>) => ({
    platformAccountId: acq.accountId,
    startsAt: h.clock.now.toISOString(),
    target: { kind: 'group', seriesIds: [groups[0]!.seriesId] },
    stayMinutes: 60,
    ...fields,
  });
  /** The minute sweep, then every job it asked for (settlements, leaderboards). */
  const sweep = async () => {
    const before = h.jobs.sent.length;
    await jobOf(jobNames.sweepFission).handler(context, {});
    for (const job of h.jobs.sent.slice(before)) {
      if (job.name === jobNames.settleFission || job.name === jobNames.postFissionLeaderboard) {
        await jobOf(job.name).handler(context, job.data);
      }
    }
  };
  const deliverMessages = () =>
    deliverOutbound(h.deps, {
      platformAccountId: acq.accountId,
      rateLimits: context.rateLimits,
      limit: 1000,
    });
  return {
    ...acq,
    groups,
    template,
    joinForReal,
    drainEvents,
    joinAsInviter,
    deliverAll,
    joinEvent,
    leaveEvent,
    stateOf,
    enroll,
    bringFriends,
    campaignBody,
    sweep,
    deliverMessages,
    context,
  };
};

export type FissionWorld = Awaited<ReturnType<typeof setUpFission>>;
