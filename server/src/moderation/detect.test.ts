import { describe, expect, it } from 'vitest';
import { detectOffence, findLinks, hasQrCodeImage } from './detect.ts';
import { moderationSettingsSchema } from './settings.ts';

const settings = moderationSettingsSchema.parse({ blockedWords: ['代购', 'Casino'] });
const postedAt = new Date('2025-01-01T10:00:00Z');
const detect = (over: Partial<Parameters<typeof detectOffence>[0]> = {}) =>
  detectOffence({
    text: '',
    attachments: [],
    settings,
    recentMessageCount: 1,
    joinedAt: null,
    postedAt,
    ...over,
  });

describe('findLinks', () => {
  it('finds URLs, www. addresses and bare domains, also inside Chinese text', () => {
    expect(findLinks('see https://x.io/a?b=1 now')).toEqual(['https://x.io/a?b=1']);
    expect(findLinks('www.example.org')).toEqual(['www.example.org']);
    expect(findLinks('加我shop.example.cn/buy优惠')).toEqual(['shop.example.cn/buy优惠']);
    expect(findLinks('go to taobao.com')).toEqual(['taobao.com']);
  });
  it('leaves ordinary text alone', () => {
    expect(findLinks('price 3.50, Mr.Wang, e.g. good, ok.')).toEqual([]);
  });
});

describe('hasQrCodeImage', () => {
  it('recognises QR images by their marker, not every image', () => {
    expect(hasQrCodeImage([{ type: 'image', url: 'https://cdn.x/qrcode-123.png' }])).toBe(true);
    expect(hasQrCodeImage([{ type: 'image', url: 'https://cdn.x/img/qr.jpg' }])).toBe(true);
    expect(hasQrCodeImage([{ type: 'image', url: 'https://cdn.x/二维码.jpg' }])).toBe(true);
    expect(hasQrCodeImage([{ type: 'image', url: 'https://cdn.x/squirrel.jpg' }])).toBe(false);
    expect(hasQrCodeImage([{ type: 'link', url: 'https://x/qr.png', title: 'qr' }])).toBe(false);
  });
});

describe('detectOffence', () => {
  it('flags a link from a newcomer only within the window', () => {
    const joinedAt = new Date(postedAt.getTime() - 30 * 60_000);
    expect(detect({ text: 'buy at deals.com', joinedAt }).reasons).toEqual(['newcomer_link']);
    const longAgo = new Date(postedAt.getTime() - 61 * 60_000);
    expect(detect({ text: 'buy at deals.com', joinedAt: longAgo }).reasons).toEqual([]);
    expect(detect({ text: 'buy at deals.com' }).reasons).toEqual([]);
    expect(detect({ text: 'hello', joinedAt }).reasons).toEqual([]);
  });

  it('flags any link when the links check is on, link attachments included', () => {
    const strict = { ...settings, checks: { ...settings.checks, links: true } };
    const found = detect({
      settings: strict,
      attachments: [{ type: 'link', url: 'https://a.b', title: 't' }],
    });
    expect(found).toMatchObject({ reasons: ['link'], links: ['https://a.b'] });
  });

  it('flags blocked words ignoring case, QR images and floods', () => {
    expect(detect({ text: 'best casino here' })).toMatchObject({
      reasons: ['blocked_word'],
      blockedWords: ['Casino'],
    });
    expect(detect({ text: '找代购' }).blockedWords).toEqual(['代购']);
    expect(detect({ attachments: [{ type: 'image', url: 'u/qr.png' }] }).reasons).toEqual(['qr_code']);
    expect(detect({ recentMessageCount: 7 }).reasons).toEqual([]);
    expect(detect({ recentMessageCount: 8 }).reasons).toEqual(['flood']);
  });

  it('checks nothing that is switched off', () => {
    const off = moderationSettingsSchema.parse({
      blockedWords: ['casino'],
      checks: { qrCodes: false, blockedWords: false, flood: false, newcomerLinks: false },
    });
    const found = detect({
      settings: off,
      text: 'casino x.com',
      attachments: [{ type: 'image', url: 'qr.png' }],
      recentMessageCount: 100,
      joinedAt: postedAt,
    });
    expect(found.reasons).toEqual([]);
  });
});
