import type { FissionReward, FissionVoidReason } from '../db/schema/index.ts';

/**
 * The rules of a fission (referral) campaign, pure: whether an arrival is an invite that may count, which tiers
 * a valid count reaches, when the inviter hears about progress, and what the leaderboard says.
 */

export type TierRule = { tierIndex: number; invites: number; name: string; reward: FissionReward };

/** An arrival through an inviter's link, as the handler saw it. */
export type ArrivalFacts = {
  inviterMemberId: string;
  inviteeMemberId: string;
  /** New to the brand with this arrival (not known before, not a re-join). */
  isNewMember: boolean;
  /** The invitee already has a pending or valid invite in this campaign. */
  hasOpenInvite: boolean;
  isCampaignOpen: boolean;
};

/** Pending (counts after the stay window) or void at once, with why. */
export const decideInvite = (
  facts: ArrivalFacts,
): { status: 'pending' } | { status: 'void'; reason: FissionVoidReason } => {
  if (facts.inviterMemberId === facts.inviteeMemberId) return { status: 'void', reason: 'self' };
  if (!facts.isCampaignOpen) return { status: 'void', reason: 'campaign_over' };
  if (facts.hasOpenInvite) return { status: 'void', reason: 'duplicate' };
  if (!facts.isNewMember) return { status: 'void', reason: 'known' };
  return { status: 'pending' };
};

export const dueAtOf = (invitedAt: Date, stayMinutes: number): Date =>
  new Date(invitedAt.getTime() + stayMinutes * 60_000);

/** Tiers a count reaches that are not yet settled, lowest first. */
export const tiersReached = (validCount: number, tiers: TierRule[], settled: ReadonlySet<number>) =>
  tiers
    .filter((t) => t.invites <= validCount && !settled.has(t.tierIndex))
    .sort((a, b) => a.invites - b.invites);

/** The next tier still ahead of a count, if any. */
export const nextTierOf = (validCount: number, tiers: TierRule[]): TierRule | undefined =>
  [...tiers].sort((a, b) => a.invites - b.invites).find((t) => t.invites > validCount);

/** More than K invites within the last hour puts the inviter on hold. */
export const isOverHourlyLimit = (invitesInLastHour: number, maxPerHour: number): boolean =>
  invitesInLastHour > maxPerHour;

/** Progress goes out at most once per interval. */
export const isProgressDue = (lastSentAt: Date | null, now: Date, intervalMinutes: number): boolean =>
  lastSentAt === null || now.getTime() - lastSentAt.getTime() >= intervalMinutes * 60_000;

export const progressTextOf = (validCount: number, tiers: TierRule[]): string => {
  const next = nextTierOf(validCount, tiers);
  if (!next)
    return `${validCount} friends joined through you: every gift of this campaign is yours. Thank you!`;
  const left = next.invites - validCount;
  return `${validCount} of ${next.invites} — ${left} more for your gift (${next.name})`;
};

/** Told instead of the gift when the tier's budget is spent (a place freed later still brings the gift). */
export const budgetSpentTextOf = (tierName: string, invites: number): string =>
  `Thank you: ${invites} friends joined through you! The gifts of this tier (${tierName}) are all given out.`;

export const rewardTextOf = (tierName: string, invites: number, isHeld: boolean): string =>
  isHeld
    ? `You reached ${invites} invites! Your gift (${tierName}) is being checked by our staff and will follow.`
    : `You reached ${invites} invites! Your gift: ${tierName}. Thank you for sharing.`;

export type LeaderboardRow = { rank: number; memberId: string; name: string; validCount: number };

/** Ranked by valid invites, ties by who got there first (earlier enrolment), then id: stable across runs. */
export const rankInviters = (
  rows: { memberId: string; name: string; validCount: number; joinedAt: Date }[],
  size: number,
): LeaderboardRow[] =>
  rows
    .filter((r) => r.validCount > 0)
    .sort(
      (a, b) =>
        b.validCount - a.validCount ||
        a.joinedAt.getTime() - b.joinedAt.getTime() ||
        a.memberId.localeCompare(b.memberId),
    )
    .slice(0, size)
    .map((r, i) => ({ rank: i + 1, memberId: r.memberId, name: r.name, validCount: r.validCount }));

/**
 * A name as other members see it (the member pages' leaderboard, the leaderboard posted in groups): the first
 * character, stars, and the last one
 * from three characters on ("Wang Fang" → "W***g", "张小明" → "张*明", "李雷" → "李*"). By code point, so a
 * Chinese name or an emoji is never cut in half.
 */
export const maskNameOf = (name: string): string => {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  if (chars.length <= 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 3))}${chars[chars.length - 1]}`;
};

export const leaderboardTextOf = (campaignName: string, rows: LeaderboardRow[]): string =>
  [
    `${campaignName} — top inviters`,
    // Posted where every member of the group reads it: names masked, as on the member pages.
    ...rows.map((r) => `${r.rank}. ${maskNameOf(r.name)}: ${r.validCount}`),
    ...(rows.length === 0 ? ['No valid invites yet: be the first!'] : []),
  ].join('\n');

/** Which leaderboard slot `now` falls in; one post per slot (its idempotency key). */
export const leaderboardSlotOf = (now: Date, everyMinutes: number): number =>
  Math.floor(now.getTime() / (everyMinutes * 60_000));

/** K-factor: valid invitees per inviter who got a link. */
export const kFactorOf = (validInvites: number, inviters: number): number =>
  inviters === 0 ? 0 : Math.round((validInvites / inviters) * 1000) / 1000;
