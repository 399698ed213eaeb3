import { and, eq } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { members } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { visibleMembers } from '../members/member-filter.ts';
import { type CampaignRecord, loadCampaign } from './fission.store.ts';

/**
 * Who a campaign is for on the member pages. A brand-wide campaign is for every member of the brand; a store's
 * campaign only for that store's members, meaning exactly the members the store's own staff see
 * (`visibleMembers` with the store's scope: the member's store, set by their first channel code or group). So "a
 * store's members" means the same on the member pages as in the console, and changes in one place.
 */
const audienceOf = (campaign: { storeId: string | null }): Scope =>
  campaign.storeId === null ? { kind: 'brand' } : { kind: 'stores', storeIds: [campaign.storeId] };

export const isCampaignOfferedTo = async (
  db: Db,
  me: { tenantId: string; memberId: string },
  campaign: { storeId: string | null },
): Promise<boolean> => {
  const [row] = await db
    .select({ id: members.id })
    .from(members)
    .where(and(visibleMembers(me.tenantId, audienceOf(campaign)), eq(members.id, me.memberId)));
  return row !== undefined;
};

/** The campaign, if it is for this member; another store's (like another brand's) is not found. */
export const requireOfferedCampaign = async (
  db: Db,
  input: { tenantId: string; memberId: string; campaignId: string },
): Promise<CampaignRecord> => {
  const record = await loadCampaign(db, input.tenantId, input.campaignId);
  if (!record || !(await isCampaignOfferedTo(db, input, record.campaign))) {
    throw notFound('Fission campaign');
  }
  return record;
};
