import type { CouponSource } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import { recordMemberEvents } from '../../timeline/record-member-event.ts';
import type { RewardTx } from '../reward-tx.ts';
import {
  type CouponRow,
  countIssued,
  findCouponByKey,
  incrementIssued,
  insertCoupon,
  lockTemplate,
  type TemplateRow,
} from './coupons.store.ts';
import { describeTerms, generateCouponCode, validityOf } from './coupons.ts';

export type CouponView = {
  id: string;
  templateId: string;
  templateName: string;
  description: string;
  memberId: string;
  code: string;
  status: CouponRow['status'];
  source: CouponSource;
  validFrom: string;
  validUntil: string;
  issuedAt: string;
  redeemedAt: string | null;
  redeemedStoreId: string | null;
  discountCents: number | null;
};

export const couponViewOf = (coupon: CouponRow, template: TemplateRow): CouponView => ({
  id: coupon.id,
  templateId: coupon.templateId,
  templateName: template.name,
  description: describeTerms(template),
  memberId: coupon.memberId,
  code: coupon.code,
  status: coupon.status,
  source: coupon.source,
  validFrom: coupon.validFrom.toISOString(),
  validUntil: coupon.validUntil.toISOString(),
  issuedAt: coupon.issuedAt.toISOString(),
  redeemedAt: coupon.redeemedAt?.toISOString() ?? null,
  redeemedStoreId: coupon.redeemedStoreId,
  discountCents: coupon.discountCents,
});

export type IssueRefusal =
  | 'unknown_template'
  | 'inactive'
  | 'template_expired'
  | 'out_of_stock'
  | 'limit_reached';

export type IssueResult =
  | { status: 'issued' | 'existing'; coupon: CouponView }
  | { status: 'refused'; reason: IssueRefusal; message: string };

const refused = (reason: IssueRefusal, message: string): IssueResult => ({
  status: 'refused',
  reason,
  message,
});

/**
 * Issue one coupon of a template to a member, exactly once per idempotency key (the function fission and the
 * welcome message call). The template row is locked first, so concurrent issues of one template take turns:
 * stock and per-member limits hold exactly, and the same key twice finds the first coupon. A refusal (stock
 * gone, limit reached) changes nothing and is returned, not thrown, so a welcome still goes out without it.
 */
export const issueCoupon = async (
  rt: RewardTx,
  input: {
    memberId: string;
    templateId: string;
    source: CouponSource;
    idempotencyKey: string;
    /** The campaign that issues it (a fission tier's gift), for its ROI. */
    campaignId?: string | null;
  },
): Promise<IssueResult> => {
  const template = await lockTemplate(rt.tx, rt.tenantId, input.templateId);
  if (!template) return refused('unknown_template', 'Coupon template not found');
  const existing = await findCouponByKey(rt.tx, rt.tenantId, input.idempotencyKey);
  if (existing) return existingOf(existing, template, input.memberId);
  if (!template.isActive) return refused('inactive', 'This coupon template is no longer issued');
  const validity = validityOf(
    template.validityKind === 'relative'
      ? { kind: 'relative', validDays: template.validDays ?? 1 }
      : { kind: 'absolute', validFrom: template.validFrom, validUntil: template.validUntil },
    rt.now,
  );
  if (!validity) return refused('template_expired', 'This coupon template has expired');
  if (template.totalStock !== null && template.issuedCount >= template.totalStock) {
    return refused('out_of_stock', 'No coupons of this template are left');
  }
  if (
    template.perMemberLimit !== null &&
    (await countIssued(rt.tx, { templateId: template.id, memberId: input.memberId })) >=
      template.perMemberLimit
  ) {
    return refused('limit_reached', `A member may hold ${template.perMemberLimit} of this coupon`);
  }
  const coupon = await insertWithFreshCode(rt, { ...input, ...validity });
  if (coupon.status === 'existing') return existingOf(coupon.row, template, input.memberId);
  await incrementIssued(rt.tx, template.id);
  await recordMemberEvents(rt.tx, [
    {
      tenantId: rt.tenantId,
      memberId: input.memberId,
      type: 'coupon.issued',
      occurredAt: rt.now,
      data: { couponId: coupon.row.id, templateId: template.id, source: input.source },
      sourceEventId: rt.sourceEventId ?? null,
      discriminator: coupon.row.id,
    },
  ]);
  return { status: 'issued', coupon: couponViewOf(coupon.row, template) };
};

const existingOf = (coupon: CouponRow, template: TemplateRow, memberId: string): IssueResult => {
  if (coupon.memberId !== memberId || coupon.templateId !== template.id) {
    throw new AppError('conflict', 'The idempotency key was already used for another coupon');
  }
  return { status: 'existing', coupon: couponViewOf(coupon, template) };
};

/** A code collision (one in ~10^15 per pair) just draws again; a taken idempotency key returns its coupon. */
const insertWithFreshCode = async (
  rt: RewardTx,
  input: {
    memberId: string;
    templateId: string;
    source: CouponSource;
    idempotencyKey: string;
    campaignId?: string | null;
    validFrom: Date;
    validUntil: Date;
  },
): Promise<{ status: 'new' | 'existing'; row: CouponRow }> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await insertCoupon(rt.tx, {
      ...input,
      tenantId: rt.tenantId,
      code: generateCouponCode(),
      issuedAt: rt.now,
    });
    if (row) return { status: 'new', row };
    const existing = await findCouponByKey(rt.tx, rt.tenantId, input.idempotencyKey);
    if (existing) return { status: 'existing', row: existing };
  }
  throw new AppError('internal', 'Could not draw a unique coupon code');
};

/** The HTTP answer to a refusal: each reason its own code. */
export const refusalError = (result: Extract<IssueResult, { status: 'refused' }>): AppError => {
  switch (result.reason) {
    case 'unknown_template':
      return new AppError('not_found', result.message);
    case 'inactive':
      return new AppError('conflict', result.message);
    case 'template_expired':
      return new AppError('coupon_expired', result.message);
    case 'out_of_stock':
      return new AppError('out_of_stock', result.message);
    case 'limit_reached':
      return new AppError('limit_reached', result.message);
  }
};
