import type { Db } from '../db/client.ts';
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
};

/**
 * The resolve step every attachment of a welcome goes through. Coupons stay `{ type: 'coupon', templateId }`
 * placeholders for now; the loyalty feature issues the real coupon here (once per `causeKey`) and swaps in
 * its link. Other attachments pass as they are.
 */
const resolveAttachments = async (
  _db: Db,
  input: { tenantId: string; memberId?: string; causeKey: string; attachments: Attachment[] },
): Promise<Attachment[]> => input.attachments;

/** The one road welcome content takes to the outbox: placeholders filled, attachments resolved and capped. */
export const composeWelcome = async (db: Db, input: ComposeWelcomeInput): Promise<MessageContent> => {
  const rendered = renderWelcome(input.content, input.vars);
  const attachments = await resolveAttachments(db, {
    tenantId: input.tenantId,
    memberId: input.memberId,
    causeKey: input.causeKey,
    attachments: rendered.attachments ?? [],
  });
  const kept = attachments.slice(0, input.maxAttachments ?? attachments.length);
  return {
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(kept.length ? { attachments: kept } : {}),
  };
};
