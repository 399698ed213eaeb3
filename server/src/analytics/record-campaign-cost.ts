import { and, desc, eq, or } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { requireRole } from '../access/roles.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { type CampaignCostKind, campaignCosts, campaigns, channelCodes } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export type CampaignCostInput = {
  campaignId?: string;
  channelCodeId?: string;
  kind: CampaignCostKind;
  amountCents: number;
  quantity?: number;
  note?: string;
  incurredOn: string;
};

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', `${path}: ${message}`, [{ path, message }]);

/** A cost entered by hand (staff hours, ad spend, red packets, gifts) against a campaign and/or a channel code. */
export const recordCampaignCost = async (
  db: Db,
  input: { auth: AuthContext; cost: CampaignCostInput; now: Date },
) => {
  const { auth, cost } = input;
  requireRole(auth, 'owner', 'operator', 'store_manager');
  const tenantId = auth.tenantId;
  if (cost.campaignId) {
    const [c] = await db
      .select({ storeId: campaigns.storeId })
      .from(campaigns)
      .where(and(eq(campaigns.tenantId, tenantId), eq(campaigns.id, cost.campaignId)));
    if (!c || (auth.scope.kind === 'stores' && !canSeeStore(auth.scope, c.storeId)))
      throw invalid('campaignId', 'unknown campaign');
  }
  if (cost.channelCodeId) {
    const [c] = await db
      .select({ storeId: channelCodes.storeId })
      .from(channelCodes)
      .where(and(eq(channelCodes.tenantId, tenantId), eq(channelCodes.id, cost.channelCodeId)));
    if (!c || (auth.scope.kind === 'stores' && !canSeeStore(auth.scope, c.storeId)))
      throw invalid('channelCodeId', 'unknown channel code');
  }
  const [row] = await db
    .insert(campaignCosts)
    .values({
      tenantId,
      campaignId: cost.campaignId ?? null,
      channelCodeId: cost.channelCodeId ?? null,
      kind: cost.kind,
      amountCents: cost.amountCents,
      quantity: cost.quantity === undefined ? null : String(cost.quantity),
      note: cost.note ?? null,
      incurredOn: cost.incurredOn,
      enteredByStaffId: auth.actor.type === 'staff' ? auth.actor.id : null,
    })
    .returning();
  return row!;
};

export const listCampaignCosts = async (
  db: Db,
  input: { tenantId: string; campaignId?: string; channelCodeId?: string },
) =>
  db
    .select()
    .from(campaignCosts)
    .where(
      and(
        eq(campaignCosts.tenantId, input.tenantId),
        input.campaignId || input.channelCodeId
          ? or(
              input.campaignId ? eq(campaignCosts.campaignId, input.campaignId) : undefined,
              input.channelCodeId ? eq(campaignCosts.channelCodeId, input.channelCodeId) : undefined,
            )
          : undefined,
      ),
    )
    .orderBy(desc(campaignCosts.incurredOn), desc(campaignCosts.createdAt))
    .limit(500);
