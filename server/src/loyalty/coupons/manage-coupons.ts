import { randomUUID } from 'node:crypto';
import type { AuthContext } from '../../access/auth-context.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import type { AppDeps } from '../../app/deps.ts';
import type { Db } from '../../db/client.ts';
import type { CouponStatus } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { findVisibleMember } from '../../members/members.store.ts';
import { findTenantStoreIds } from '../../org/stores.store.ts';
import { runRewardTx } from '../reward-tx.ts';
import type { CreateCouponTemplateInput } from './coupons.schemas.ts';
import { insertTemplate, listCouponsOfMember, listTemplateRows, type TemplateRow } from './coupons.store.ts';
import { describeTerms } from './coupons.ts';
import { type CouponView, couponViewOf, issueCoupon, refusalError } from './issue-coupon.ts';

export const templateViewOf = (row: TemplateRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  description: describeTerms(row),
  amountCents: row.amountCents,
  thresholdCents: row.thresholdCents,
  percentOff: row.percentOff,
  maxDiscountCents: row.maxDiscountCents,
  giftName: row.giftName,
  costCents: row.costCents,
  validity: {
    kind: row.validityKind,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    days: row.validDays,
  },
  totalStock: row.totalStock,
  issuedCount: row.issuedCount,
  perMemberLimit: row.perMemberLimit,
  storeIds: row.storeIds,
  isActive: row.isActive,
  createdAt: row.createdAt.toISOString(),
});

/** Store ids must be the brand's own: an unknown one is a 400 naming it. */
export const assertBrandStores = async (db: Db, tenantId: string, storeIds: string[], path: string) => {
  const known = await findTenantStoreIds(db, tenantId, storeIds);
  const unknown = storeIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid body: ${path}: unknown stores ${unknown.join(', ')}`,
      unknown.map((id) => ({ path, message: `no such store in this brand: ${id}` })),
    );
  }
};

export const createCouponTemplate = async (db: Db, auth: AuthContext, input: CreateCouponTemplateInput) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  await assertBrandStores(db, auth.tenantId, input.storeIds, 'storeIds');
  const { validity } = input;
  const row = await insertTemplate(db, auth.tenantId, {
    name: input.name,
    kind: input.kind,
    amountCents: input.kind === 'fixed' || input.kind === 'threshold' ? input.amountCents : null,
    thresholdCents: input.kind === 'threshold' ? input.thresholdCents : null,
    percentOff: input.kind === 'percent' ? input.percentOff : null,
    maxDiscountCents: input.kind === 'percent' ? (input.maxDiscountCents ?? null) : null,
    giftName: input.kind === 'gift' ? input.giftName : null,
    costCents: input.costCents,
    validityKind: validity.kind,
    validFrom: validity.kind === 'absolute' && validity.validFrom ? new Date(validity.validFrom) : null,
    validUntil: validity.kind === 'absolute' ? new Date(validity.validUntil) : null,
    validDays: validity.kind === 'relative' ? validity.days : null,
    totalStock: input.totalStock,
    perMemberLimit: input.perMemberLimit,
    storeIds: input.storeIds,
  });
  return templateViewOf(row);
};

export const listCouponTemplates = async (db: Db, auth: AuthContext) =>
  (await listTemplateRows(db, auth.tenantId)).map(templateViewOf);

/** A staff member or an integration gives a member a coupon; the same idempotency key returns the first one. */
export const issueCouponByStaff = async (
  deps: AppDeps,
  auth: AuthContext,
  input: {
    templateId: string;
    memberId: string;
    source?: 'staff' | 'api' | 'campaign' | 'reward';
    idempotencyKey?: string;
  },
): Promise<{ coupon: CouponView; isNew: boolean }> => {
  requireRole(auth, 'owner', 'operator', 'store_manager');
  await findVisibleMember(deps.db, { tenantId: auth.tenantId, scope: auth.scope, id: input.memberId });
  const result = await runRewardTx(deps, auth.tenantId, (rt) =>
    issueCoupon(rt, {
      memberId: input.memberId,
      templateId: input.templateId,
      source: input.source ?? (auth.actor.type === 'api_key' ? 'api' : 'staff'),
      idempotencyKey: `api:${input.idempotencyKey ?? randomUUID()}`,
    }),
  );
  if (result.status === 'refused') throw refusalError(result);
  return { coupon: result.coupon, isNew: result.status === 'issued' };
};

export const listMemberCoupons = async (
  db: Db,
  auth: AuthContext,
  input: { memberId: string; status?: CouponStatus },
): Promise<CouponView[]> => {
  await findVisibleMember(db, { tenantId: auth.tenantId, scope: auth.scope, id: input.memberId });
  const rows = await listCouponsOfMember(db, { tenantId: auth.tenantId, ...input });
  return rows.map((r) => couponViewOf(r.coupon, r.template));
};
