import { type Attachment, type MessageContent, PlatformError } from '../platform.ts';

/** Pure: how one Orchard message becomes Bot API calls. Plain text (no parse_mode), so nothing needs escaping. */

export type TelegramSend =
  | { method: 'sendMessage'; text: string }
  | { method: 'sendPhoto'; photo: string; caption?: string }
  | { method: 'sendDocument'; document: string; caption?: string };

/** Bot API limits: a text message, and a media caption. */
export const maxTextLength = 4096;
export const maxCaptionLength = 1024;

/**
 * Attachments Telegram has no kind for are written into the text: a link as its title and address (Telegram
 * previews it), a coupon as its title until loyalty issues real coupons, a mini program (WeCom's) as its title.
 */
const asText = (attachment: Attachment): string | null => {
  switch (attachment.type) {
    case 'link':
      return [attachment.title, attachment.description, attachment.url].filter(Boolean).join('\n');
    case 'coupon':
      return `🎟 ${attachment.title ?? 'Coupon'}`;
    case 'miniprogram':
      return attachment.title;
    case 'image':
    case 'file':
      return null;
  }
};

const splitText = (text: string): string[] => {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += maxTextLength) parts.push(text.slice(at, at + maxTextLength));
  return parts;
};

/**
 * The calls, in order: the text rides as the first medium's caption when it fits, otherwise it goes first as
 * its own message(s). An image is sendPhoto, a file sendDocument, by URL (Telegram fetches it).
 */
export const planSends = (content: MessageContent): TelegramSend[] => {
  const attachments = content.attachments ?? [];
  const text = [content.text?.trim(), ...attachments.map(asText)].filter(Boolean).join('\n\n');
  const media = attachments.filter((a) => a.type === 'image' || a.type === 'file');
  if (!text && media.length === 0) {
    throw new PlatformError('invalid_request', 'The message is empty', { temporary: false });
  }
  const isCaption = text.length > 0 && text.length <= maxCaptionLength && media.length > 0;
  const sends: TelegramSend[] =
    isCaption || !text
      ? []
      : splitText(text).map((part) => ({
          method: 'sendMessage' as const,
          text: part,
        }));
  media.forEach((medium, index) => {
    const caption = isCaption && index === 0 ? text : undefined;
    sends.push(
      medium.type === 'image'
        ? { method: 'sendPhoto', photo: medium.url, ...(caption ? { caption } : {}) }
        : { method: 'sendDocument', document: medium.url, ...(caption ? { caption } : {}) },
    );
  });
  return sends;
};
