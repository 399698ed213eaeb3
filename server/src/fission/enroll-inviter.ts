import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { CodeTargetInput } from '../acquisition/acquisition.schemas.ts';
import { publicLinkOf } from '../acquisition/acquisition.ts';
import { createChannelCode } from '../acquisition/create-channel-code.ts';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import {
  channelCodes,
  communities,
  communityMembers,
  type FissionTarget,
  fissionInviters,
  members,
} from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isCampaignOfferedTo } from './campaign-audience.ts';
import {
  addParticipant,
  findInviter,
  type InviterRow,
  isCampaignOpen,
  loadCampaign,
} from './fission.store.ts';

/**
 * A member joins a campaign as an inviter and gets a personal invite link: a channel code of purpose 'fission'
 * naming them as referrer. Acquisition makes the platform link behind it on first scan through the adapter (a
 * sandbox link, a Telegram invite link named by the code's state, a WeCom `state`), so nothing here depends on
 * the platform. Joining twice returns the first enrolment. A store's campaign takes only that store's members
 * (`isCampaignOfferedTo`), whoever asks: the member on their pages, or staff enrolling them.
 */
export const enrollInviter = async (
  deps: AppDeps,
  input: { tenantId: string; campaignId: string; memberId: string },
): Promise<InviterRow> => {
  const { tenantId, campaignId, memberId } = input;
  const record = await loadCampaign(deps.db, tenantId, campaignId);
  if (!record) throw notFound('Fission campaign');
  if (!(await isCampaignOfferedTo(deps.db, input, record.campaign))) {
    throw new AppError(
      'not_found',
      'Fission campaign not found for this member: a store’s campaign is for the members of that store',
    );
  }
  const existing = await findInviter(deps.db, tenantId, campaignId, memberId);
  if (existing) return existing;
  if (!isCampaignOpen(record.campaign, deps.now())) {
    throw new AppError('conflict', 'The campaign is not running');
  }
  const [member] = await deps.db
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), eq(members.id, memberId)));
  if (!member) throw notFound('Member');
  const { capabilities } = await deps.platforms.adapterFor(tenantId, record.config.platformAccountId);
  const target = await codeTargetOf(deps.db, tenantId, memberId, record.config.target);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(fissionInviters)
      .values({ tenantId, campaignId, memberId, joinedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!inserted) return (await findInviter(tx, tenantId, campaignId, memberId))!;
    const code = await createChannelCode(deps, {
      tenantId,
      scope: { kind: 'brand' },
      input: {
        name: `${record.campaign.name} · ${member.name}`.slice(0, 100),
        source: 'custom',
        // A store's campaign brings friends to that store: an arrival gives a member with no store yet the code's
        // store (assignOwner), so its invitees are the store's members and may invite in turn (see recordInvites).
        storeId: record.campaign.storeId,
        platformAccountId: record.config.platformAccountId,
        target,
        headline: record.config.headline,
        tagNames: ['fission'],
        expiresAt: record.campaign.endsAt?.toISOString() ?? null,
      },
      purpose: 'fission',
      referrerMemberId: memberId,
      db: tx,
      capabilities,
    });
    const [row] = await tx
      .update(fissionInviters)
      .set({ channelCodeId: code.id })
      .where(and(eq(fissionInviters.campaignId, campaignId), eq(fissionInviters.memberId, memberId)))
      .returning();
    await addParticipant(tx, { tenantId, campaignId, memberId, role: 'inviter', at: now });
    return row!;
  });
};

/** Group campaigns send an inviter's friends to the series of the inviter's own group (else the first). */
const codeTargetOf = async (
  db: Db,
  tenantId: string,
  memberId: string,
  target: FissionTarget,
): Promise<CodeTargetInput> => {
  if (target.kind === 'staff') {
    return {
      kind: 'staff',
      strategy: 'round_robin',
      staff: target.staffIds.map((staffId) => ({ staffId })),
      backupStaffIds: [],
      schedule: [],
    };
  }
  const [own] = await db
    .select({ seriesId: communities.seriesId })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(
      and(
        eq(communityMembers.tenantId, tenantId),
        eq(communityMembers.memberId, memberId),
        isNull(communityMembers.leftAt),
        inArray(communities.seriesId, target.seriesIds),
      ),
    )
    .orderBy(desc(communityMembers.joinedAt))
    .limit(1);
  return { kind: 'group', seriesId: own?.seriesId ?? target.seriesIds[0]! };
};

/** The personal link of an inviter: the code's public link (what the poster's QR encodes). */
export const inviterLinkOf = async (deps: AppDeps, tenantId: string, inviter: InviterRow) => {
  if (!inviter.channelCodeId) return null;
  const [code] = await deps.db
    .select({ token: channelCodes.token })
    .from(channelCodes)
    .where(and(eq(channelCodes.tenantId, tenantId), eq(channelCodes.id, inviter.channelCodeId)));
  return code ? publicLinkOf(deps.config.publicUrl, code.token) : null;
};
