import type { Attachment, MessageContent } from '../../platforms/platform.ts';
import type { RewardTx } from '../reward-tx.ts';
import { type CouponView, type IssueResult, issueCoupon } from './issue-coupon.ts';

export type WelcomeCouponsResult = {
  /** The content to send: each placeholder replaced by the member's own coupon, refused ones left out. */
  content: MessageContent;
  issued: CouponView[];
  refused: { templateId: string; reason: string }[];
};

/** How an issued coupon reads in a chat: what it is, its code, until when. */
export const couponAttachmentOf = (coupon: CouponView): Attachment => ({
  type: 'coupon',
  templateId: coupon.templateId,
  title: `${coupon.templateName} · ${coupon.description} · ${coupon.code} · until ${coupon.validUntil.slice(0, 10)}`,
});

/**
 * Turn the coupon placeholders (`{ type: 'coupon', templateId }`) of a welcome message into coupons issued to the
 * member (source 'welcome'), in the caller's transaction. The n-th placeholder is issued under
 * `<idempotencyKey>:<n>`, so preparing the same welcome again (a redelivered event) issues nothing new and
 * yields the same codes. A template out of stock or over its limit is dropped from the message.
 */
export const issueWelcomeCoupons = async (
  rt: RewardTx,
  input: { memberId: string; content: MessageContent; idempotencyKey: string },
): Promise<WelcomeCouponsResult> => {
  const issued: CouponView[] = [];
  const refused: WelcomeCouponsResult['refused'] = [];
  const attachments: Attachment[] = [];
  let index = 0;
  for (const attachment of input.content.attachments ?? []) {
    if (attachment.type !== 'coupon') {
      attachments.push(attachment);
      continue;
    }
    const result: IssueResult = await issueCoupon(rt, {
      memberId: input.memberId,
      templateId: attachment.templateId,
      source: 'welcome',
      idempotencyKey: `${input.idempotencyKey}:${index++}`,
    });
    if (result.status === 'refused') {
      refused.push({ templateId: attachment.templateId, reason: result.reason });
      continue;
    }
    issued.push(result.coupon);
    attachments.push(couponAttachmentOf(result.coupon));
  }
  return { content: { ...input.content, attachments }, issued, refused };
};
