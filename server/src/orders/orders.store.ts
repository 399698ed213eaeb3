import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberIdentities, members, orders } from '../db/schema/index.ts';
import type { MemberRef, OrderView } from './orders.schemas.ts';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

export type OrderRow = typeof orders.$inferSelect;

/** The member an order names (id, member code, phone, or platform identity), in this brand; null when none matches. */
export const findMemberByRef = async (db: Db, tenantId: string, ref: MemberRef): Promise<string | null> => {
  const inBrand = (cond: ReturnType<typeof eq>) =>
    db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.tenantId, tenantId), cond))
      .orderBy(members.createdAt)
      .limit(1);
  if (ref.memberId) {
    const [m] = await inBrand(eq(members.id, ref.memberId));
    if (m) return m.id;
  }
  if (ref.memberCode) {
    const [m] = await inBrand(eq(members.externalRef, ref.memberCode));
    if (m) return m.id;
  }
  if (ref.platformAccountId && ref.platformUserId) {
    const [m] = await db
      .select({ id: memberIdentities.memberId })
      .from(memberIdentities)
      .where(
        and(
          eq(memberIdentities.tenantId, tenantId),
          eq(memberIdentities.platformAccountId, ref.platformAccountId),
          eq(memberIdentities.externalId, ref.platformUserId),
        ),
      );
    if (m) return m.id;
  }
  if (ref.phone) {
    const [m] = await inBrand(eq(members.phone, ref.phone));
    if (m) return m.id;
  }
  return null;
};

export type OrderAttribution = {
  storeId: string | null;
  staffId: string | null;
  communityId: string | null;
  firstCodeId: string | null;
  lastCodeId: string | null;
  campaignIds: string[];
};

/**
 * Who an order is owed to, through its member at the moment of the order: the member's store and guide, the
 * first- and last-touch codes, the group they were in (the latest joined), and every campaign they joined within
 * the attribution window before it.
 */
export const attributionOf = async (
  db: Db,
  input: { tenantId: string; memberId: string; at: Date; windowDays: number },
): Promise<OrderAttribution> => {
  const at = input.at.toISOString();
  const [row] = rowsOf<{
    store_id: string | null;
    owner_staff_id: string | null;
    first_code_id: string | null;
    last_code_id: string | null;
    community_id: string | null;
    campaign_ids: string[];
  }>(
    await db.execute(sql`
      select m.store_id, m.owner_staff_id, a.first_code_id, a.last_code_id,
        (select cm.community_id from community_members cm
          where cm.tenant_id = m.tenant_id and cm.member_id = m.id and cm.joined_at <= ${at}::timestamptz
            and (cm.left_at is null or cm.left_at > ${at}::timestamptz)
          order by cm.joined_at desc limit 1) as community_id,
        coalesce((select jsonb_agg(distinct cp.campaign_id) from campaign_participants cp
          where cp.tenant_id = m.tenant_id and cp.member_id = m.id and cp.joined_at <= ${at}::timestamptz
            and cp.joined_at > ${at}::timestamptz - make_interval(days => ${input.windowDays}::int)),
          '[]'::jsonb) as campaign_ids
      from members m left join member_attributions a on a.member_id = m.id
      where m.tenant_id = ${input.tenantId} and m.id = ${input.memberId}`),
  );
  return {
    storeId: row?.store_id ?? null,
    staffId: row?.owner_staff_id ?? null,
    communityId: row?.community_id ?? null,
    firstCodeId: row?.first_code_id ?? null,
    lastCodeId: row?.last_code_id ?? null,
    campaignIds: (row?.campaign_ids ?? []).sort(),
  };
};

export const findOrderByExternalId = async (
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<OrderRow | undefined> => {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.tenantId, tenantId), eq(orders.externalId, externalId)));
  return row;
};

export const viewOfOrder = (row: OrderRow): OrderView => ({
  id: row.id,
  externalId: row.externalId,
  source: row.source,
  memberId: row.memberId,
  storeId: row.storeId,
  staffId: row.staffId,
  communityId: row.communityId,
  firstCodeId: row.firstCodeId,
  lastCodeId: row.lastCodeId,
  campaignIds: row.campaignIds,
  amountCents: row.amountCents,
  refundedCents: row.refundedCents,
  currency: row.currency,
  orderedAt: row.orderedAt.toISOString(),
});
