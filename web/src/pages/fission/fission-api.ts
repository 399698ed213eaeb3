import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchWithToken, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { formatTime } from '../../components/format.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import type { Translate } from '../../i18n/i18n.tsx';

/** The fission pages' API types and shared queries (all from the generated schema). */
export type FissionCampaign = Schemas['FissionCampaign'];
export type FissionCampaignListItem = Schemas['FissionCampaignListItem'];
export type FissionReward = Schemas['FissionReward'];
export type FissionRewardRecord = Schemas['FissionRewardRecord'];
export type FissionRewardListItem = Schemas['FissionRewardListItem'];
export type FissionInviter = Schemas['FissionInviter'];
export type FissionProgress = Schemas['FissionProgress'];
export type FissionInviteTree = Schemas['FissionInviteTree'];
export type CampaignStatus = FissionCampaign['status'];
export type RewardStatus = FissionRewardRecord['status'];

export const campaignStatusColors: Record<CampaignStatus, string> = {
  draft: 'default',
  active: 'green',
  ended: 'orange',
};

export const rewardStatusColors: Record<RewardStatus, string> = {
  issued: 'green',
  held: 'gold',
  rejected: 'red',
  refused: 'default',
};

/** Roles that decide held rewards and change any campaign (the server enforces the same). */
export const fissionManagerRoles = ['owner', 'operator'] as const;

/** Roles that create campaigns: a store manager only for their own stores. */
export const fissionCreatorRoles = ['owner', 'operator', 'store_manager'] as const;

/** Whether the caller may change a campaign: owners and operators any, a store manager their store's (listed). */
export const canChangeCampaign = (
  hasRole: (...roles: readonly ('owner' | 'operator' | 'store_manager')[]) => boolean,
  campaign: { storeId: string | null },
): boolean => hasRole(...fissionManagerRoles) || (hasRole('store_manager') && campaign.storeId !== null);

export const campaignsQuery = queryOptions({
  queryKey: ['listFissionCampaigns'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/fission-campaigns'))).items,
});

export const campaignQuery = (id: string) =>
  queryOptions({
    queryKey: ['getFissionCampaign', id],
    queryFn: () => unwrap(api.GET('/api/v1/fission-campaigns/{id}', { params: { path: { id } } })),
  });

export const inviteTreeQuery = (id: string) =>
  queryOptions({
    queryKey: ['getFissionInviteTree', id],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/fission-campaigns/{id}/invite-tree', {
          params: { path: { id }, query: { limit: 1000 } },
        }),
      ),
  });

/** Everything a change to the campaign's invites or rewards may move. */
export const fissionKeys = [
  ['listFissionCampaigns'],
  ['getFissionCampaign'],
  ['getFissionInviteTree'],
  ['listFissionInviters'],
  ['getFissionProgress'],
  ['getFissionLeaderboard'],
  ['listFissionRewards'],
];

/** A file name for an inviter's poster. */
export const posterFileName = (name: string, format: 'png' | 'svg'): string =>
  `${name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'inviter'}-poster.${format}`;

/** The inviter's poster as a blob URL (the endpoint needs the session token, so no plain link). */
export const posterUrl = async (campaignId: string, memberId: string, format: 'png' | 'svg') => {
  const response = await fetchWithToken(
    `/api/v1/fission-campaigns/${campaignId}/inviters/${memberId}/poster?format=${format}`,
  );
  return URL.createObjectURL(await response.blob());
};

/** The campaign's window in one line: start → end (or open-ended). */
export const windowOf = (c: { startsAt: string; endsAt: string | null }, openEnded: string) =>
  `${formatTime(c.startsAt)} → ${c.endsAt ? formatTime(c.endsAt) : openEnded}`;

/** A reward in words: "Coupon: Facial cleanser" or "50 points". */
export const rewardLabel = (reward: FissionReward, t: Translate, couponNames: Map<string, string>) =>
  reward.kind === 'points'
    ? t('fission.pointsN', { n: reward.points })
    : t('fission.couponOf', { name: couponNames.get(reward.templateId) ?? reward.templateId.slice(0, 8) });

export const useCouponNames = () =>
  new Map((useQuery(couponTemplatesQuery).data ?? []).map((c) => [c.id, c.name]));
