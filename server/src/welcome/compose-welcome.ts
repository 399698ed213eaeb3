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
  /**
   * What the platform carries (`capabilities.attachments`); absent: everything. A member's coupon where the
   * platform shows no coupon card becomes a link to `memberPageUrl` (their coupon page); other kinds it cannot
   * carry are left out.
   */
  carries?: Attachment['type'][];
  /** The member's own page (loyalty/me member link), for coupons sent as links. */
  memberPageUrl?: string;
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

/**
 * Fit resolved attachments to the platform: a coupon it cannot show as a card goes as a link to the member's
 * coupon page, titled with the coupon (name, value, code, validity), so the code still reaches the member; a kind
 * it cannot carry at all is left out rather than failing the whole message at the platform.
 */
export const fitAttachments = (
  attachments: Attachment[],
  input: { carries?: Attachment['type'][]; memberPageUrl?: string },
): Attachment[] => {
  const { carries, memberPageUrl } = input;
  if (!carries) return attachments;
  return attachments.flatMap((attachment): Attachment[] => {
    if (carries.includes(attachment.type)) return [attachment];
    if (attachment.type === 'coupon' && memberPageUrl && carries.includes('link')) {
      return [
        {
          type: 'link',
          url: `${memberPageUrl}#coupons`,
          title: attachment.title ?? 'Your coupon',
          description: 'Open your coupons',
        },
      ];
    }
    return [];
  });
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
  const fitted = fitAttachments(attachments, input);
  const kept = fitted.slice(0, input.maxAttachments ?? fitted.length);
  return {
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(kept.length ? { attachments: kept } : {}),
  };
};
