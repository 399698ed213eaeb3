import { type Attachment, type MessageContent, PlatformError } from '../platform.ts';
import type { WecomAttachment, WecomText } from './wecom-endpoints.ts';

/** WeCom takes a text and at most 9 attachments in welcomes, mass sends and moments. */
export const MAX_ATTACHMENTS = 9;

const unsupported = (what: string) =>
  new PlatformError('not_supported', `WeCom: ${what}`, {
    temporary: false,
    platformCode: 'unsupported_content',
  });

/**
 * Orchard's attachment as WeCom's. Images and links go by URL; mini-programs, files and videos need a
 * media_id uploaded first (media/upload), which this adapter does not do yet, so they are refused
 * clearly rather than sent broken. A coupon is Orchard's own: features turn it into a link first.
 */
const toWecomAttachment = (attachment: Attachment): WecomAttachment => {
  switch (attachment.type) {
    case 'image':
      return { msgtype: 'image', image: { pic_url: attachment.url } };
    case 'link':
      return {
        msgtype: 'link',
        link: { title: attachment.title, url: attachment.url, desc: attachment.description },
      };
    case 'miniprogram':
      throw unsupported(
        'mini-program attachments need an uploaded cover image (media_id), not supported yet',
      );
    case 'file':
      throw unsupported('file attachments need an upload (media_id), not supported yet');
    case 'coupon':
      throw unsupported('a coupon must be sent as a link to its page');
  }
};

export const toWecomContent = (
  content: MessageContent,
): { text?: WecomText; attachments?: WecomAttachment[] } => {
  const attachments = content.attachments ?? [];
  if (!content.text && attachments.length === 0) {
    throw new PlatformError('invalid_request', 'WeCom: a message needs text or an attachment');
  }
  if (attachments.length > MAX_ATTACHMENTS) throw unsupported(`at most ${MAX_ATTACHMENTS} attachments`);
  return {
    ...(content.text ? { text: { content: content.text } } : {}),
    ...(attachments.length > 0 ? { attachments: attachments.map(toWecomAttachment) } : {}),
  };
};

/** A group welcome template holds a text (with %NICKNAME%) and one image or link. */
export const toGroupWelcomeTemplate = (content: MessageContent) => {
  const [first, ...rest] = content.attachments ?? [];
  if (rest.length > 0) throw unsupported('a group welcome holds one attachment');
  const text = content.text ? { text: { content: content.text } } : {};
  if (!first) return text;
  if (first.type === 'image') return { ...text, image: { pic_url: first.url } };
  if (first.type === 'link') {
    return { ...text, link: { title: first.title, url: first.url, desc: first.description } };
  }
  throw unsupported(`a group welcome cannot carry a ${first.type}`);
};
