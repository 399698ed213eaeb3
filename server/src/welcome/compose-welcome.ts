import type { Db } from '../db/client.ts';
import { issueWelcomeCoupons } from '../loyalty/coupons/welcome-coupons.ts';
import type { Attachment, MessageContent } from '../platforms/platform.ts';
import { renderWelcome, type WelcomeVars } from './welcome.ts';

export type ComposeWelcomeInput = {
  tenantId: string;
  /** The member welcomed 1:1 (absent for a group welcome naming several). */
  memberId?: string;
  content: MessageContent;
  vars: WelcomeVars;
  /** What the platform's welcome mechanism takes (WeCom: 9 attachments). */
  maxAttachments?: number;
  /** Where in the cause the content is used, so resolved attachments (coupons) are issued once per cause. */
  causeKey: string;
  now: Date;
};

/**
 * The resolve step every attachment of a welcome goes through. A 1:1 welcome's coupon placeholders
 * (`{ type: 'coupon', templateId }`) become coupons issued to the member (loyalty, source 'welcome'), once per
 * `causeKey`, in the caller's transaction; one out of stock or over its limit is left out. A group welcome names
 * no single member, so its coupon placeholders stay as they are (the platform shows their title). Other
 * attachments pass as they are.
 */
const resolveAttachments = async (
  db: Db,
  input: { tenantId: string; memberId?: string; causeKey: string; now: Date; attachments: Attachment[] },
): Promise<Attachment[]> => {
  const { memberId } = input;
  if (!memberId || !input.attachments.some((a) => a.type === 'coupon')) return input.attachments;
  const issued = await issueWelcomeCoupons(
    {
      tx: db,
      tenantId: input.tenantId,
      now: input.now,
      enqueue: async () => {
        throw new Error('issuing welcome coupons sends no message of its own');
      },
    },
    { memberId, content: { attachments: input.attachments }, idempotencyKey: input.causeKey },
  );
  return issued.content.attachments ?? [];
};

/** The one road welcome content takes to the outbox: placeholders filled, attachments resolved and capped. */
export const composeWelcome = async (db: Db, input: ComposeWelcomeInput): Promise<MessageContent> => {
  const rendered = renderWelcome(input.content, input.vars);
  const attachments = await resolveAttachments(db, {
    tenantId: input.tenantId,
    memberId: input.memberId,
    causeKey: input.causeKey,
    now: input.now,
    attachments: rendered.attachments ?? [],
  });
  const kept = attachments.slice(0, input.maxAttachments ?? attachments.length);
  return {
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(kept.length ? { attachments: kept } : {}),
  };
};
