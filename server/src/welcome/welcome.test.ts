import { describe, expect, it } from 'vitest';
import { fillPlaceholders, joinNames, pickWelcome, planPrivateWelcome, renderWelcome } from './welcome.ts';

describe('welcome rules', () => {
  it('fills the placeholders, empties the unknown values and leaves other braces alone', () => {
    expect(
      fillPlaceholders('Hi {nickname}! {staff} of {store} here. %NICKNAME%, see {group} {menu}', {
        nickname: 'Fang',
        staff: 'Guide Li',
        store: null,
      }),
    ).toBe('Hi Fang! Guide Li of  here. Fang, see  {menu}');
  });

  it('names one, two or many newcomers', () => {
    expect(joinNames(['Ann'])).toBe('Ann');
    expect(joinNames(['Ann', 'Bo'])).toBe('Ann and Bo');
    expect(joinNames(['Ann', 'Bo', 'Cy'])).toBe('Ann, Bo and Cy');
  });

  it('renders text and keeps attachments (coupons stay placeholders)', () => {
    const coupon = { type: 'coupon' as const, templateId: 'ten-off' };
    expect(renderWelcome({ text: 'Hi {nickname}', attachments: [coupon] }, { nickname: 'Bo' })).toEqual({
      text: 'Hi Bo',
      attachments: [coupon],
    });
    expect(renderWelcome({ attachments: [coupon] }, { nickname: 'Bo' })).toEqual({ attachments: [coupon] });
  });

  it('picks the most specific welcome that is set', () => {
    expect(pickWelcome([null, { text: 'series' }, { text: 'brand' }])).toEqual({
      content: { text: 'series' },
      level: 1,
    });
    expect(pickWelcome([null, undefined])).toBeUndefined();
  });

  it('plans a token welcome within the deadline, skips one without a token, sends a message welcome as is', () => {
    const occurredAt = new Date('2025-11-01T10:00:00Z');
    const token = { mode: 'token' as const, deadlineMs: 20_000, maxAttachments: 9 };
    expect(planPrivateWelcome({ mode: token, welcomeToken: 'wc-1', occurredAt })).toEqual({
      action: 'send',
      welcomeToken: 'wc-1',
      notAfter: new Date('2025-11-01T10:00:20Z'),
      maxAttachments: 9,
    });
    expect(planPrivateWelcome({ mode: token, occurredAt })).toEqual({
      action: 'skip',
      reason: 'no_welcome_token',
    });
    expect(planPrivateWelcome({ mode: { mode: 'message' }, occurredAt })).toEqual({ action: 'send' });
  });
});
