import { describe, expect, it } from 'vitest';
import { PlatformError } from '../platform.ts';
import { maxCaptionLength, maxTextLength, planSends } from './telegram-content.ts';

describe('planSends', () => {
  it('sends text as one message, with links and coupons written into it', () => {
    expect(
      planSends({
        text: 'Welcome!',
        attachments: [
          { type: 'link', url: 'https://shop.example/new', title: 'New arrivals', description: 'This week' },
          { type: 'coupon', templateId: 'c1', title: '10% off' },
          { type: 'miniprogram', appId: 'wx1', page: 'p', title: 'Member card' },
        ],
      }),
    ).toEqual([
      {
        method: 'sendMessage',
        text: 'Welcome!\n\nNew arrivals\nThis week\nhttps://shop.example/new\n\n🎟 10% off\n\nMember card',
      },
    ]);
  });

  it('puts the text on the first photo or document as its caption', () => {
    expect(
      planSends({
        text: 'Our menu',
        attachments: [
          { type: 'image', url: 'https://cdn.example/menu.jpg' },
          { type: 'file', url: 'https://cdn.example/menu.pdf', name: 'menu.pdf' },
        ],
      }),
    ).toEqual([
      { method: 'sendPhoto', photo: 'https://cdn.example/menu.jpg', caption: 'Our menu' },
      { method: 'sendDocument', document: 'https://cdn.example/menu.pdf' },
    ]);
    expect(planSends({ attachments: [{ type: 'image', url: 'https://cdn.example/a.jpg' }] })).toEqual([
      { method: 'sendPhoto', photo: 'https://cdn.example/a.jpg' },
    ]);
  });

  it('sends a text too long for a caption first, and splits one too long for a message', () => {
    const long = 'x'.repeat(maxCaptionLength + 1);
    expect(planSends({ text: long, attachments: [{ type: 'image', url: 'u' }] })).toEqual([
      { method: 'sendMessage', text: long },
      { method: 'sendPhoto', photo: 'u' },
    ]);
    const parts = planSends({ text: 'y'.repeat(maxTextLength * 2 + 1) });
    expect(parts.map((p) => (p.method === 'sendMessage' ? p.text.length : 0))).toEqual([
      maxTextLength,
      maxTextLength,
      1,
    ]);
  });

  it('refuses an empty message permanently', () => {
    expect(() => planSends({ text: '  ' })).toThrow(PlatformError);
    expect(() => planSends({})).toThrow('The message is empty');
  });
});
