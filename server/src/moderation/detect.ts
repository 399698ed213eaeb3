import type { Attachment } from '../platforms/platform.ts';
import type { ModerationSettings } from './settings.ts';

/** Pure detection: what, if anything, is wrong with one group message. */

export type OffenceReason = 'link' | 'qr_code' | 'blocked_word' | 'flood' | 'newcomer_link';

export type Detection = { reasons: OffenceReason[]; links: string[]; blockedWords: string[] };

const commonTlds =
  'com|cn|net|org|io|me|co|xyz|top|info|cc|tv|app|shop|link|ly|site|vip|club|online|store|biz|ru|de|uk|jp|hk|tw|ink|fun|live';
// URLs with a scheme or www., then bare domains ("shop.example.cn/x"); \b also splits Chinese text from ASCII.
const linkPattern = new RegExp(
  `(?:https?://|www\\.)[^\\s<>"]+|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${commonTlds})\\b(?:/[^\\s<>"]*)?`,
  'gi',
);

export const findLinks = (text: string): string[] => text.match(linkPattern) ?? [];

/**
 * Platforms hand Orchard images, not their pixels, so a QR code is recognised by its marker: an image whose
 * address names it (`qr`, `qrcode`, 二维码) or a WeChat/Telegram join address. Decoding pixels is left for later.
 */
const qrMarker =
  /(?:^|[^a-z])qr(?:code)?(?:[^a-z]|$)|二维码|weixin\.qq\.com\/(?:g|r)\/|u\.wechat\.com|t\.me\/joinchat/i;
export const hasQrCodeImage = (attachments: readonly Attachment[]): boolean =>
  attachments.some((a) => a.type === 'image' && qrMarker.test(a.url));

export const findBlockedWords = (text: string, words: readonly string[]): string[] => {
  const haystack = text.toLowerCase();
  return words.filter((w) => haystack.includes(w.toLowerCase()));
};

export type DetectInput = {
  text: string;
  attachments: readonly Attachment[];
  settings: Pick<ModerationSettings, 'checks' | 'blockedWords' | 'flood' | 'newcomerWindowMinutes'>;
  /** The member's messages in this group within the flood window, this one included. */
  recentMessageCount: number;
  /** When the member joined this group, if Orchard saw it. */
  joinedAt: Date | null;
  postedAt: Date;
};

export const detectOffence = (input: DetectInput): Detection => {
  const { checks } = input.settings;
  const links = [
    ...findLinks(input.text),
    ...input.attachments.flatMap((a) => (a.type === 'link' ? [a.url] : [])),
  ];
  const blockedWords = checks.blockedWords ? findBlockedWords(input.text, input.settings.blockedWords) : [];
  const isNewcomer =
    input.joinedAt !== null &&
    input.postedAt.getTime() - input.joinedAt.getTime() < input.settings.newcomerWindowMinutes * 60_000;
  const reasons: OffenceReason[] = [];
  if (checks.links && links.length > 0) reasons.push('link');
  if (checks.newcomerLinks && isNewcomer && links.length > 0) reasons.push('newcomer_link');
  if (checks.qrCodes && hasQrCodeImage(input.attachments)) reasons.push('qr_code');
  if (blockedWords.length > 0) reasons.push('blocked_word');
  if (checks.flood && input.recentMessageCount >= input.settings.flood.messages) reasons.push('flood');
  return { reasons, links, blockedWords };
};
