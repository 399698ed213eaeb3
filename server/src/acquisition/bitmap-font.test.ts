import { describe, expect, it } from 'vitest';
import { cellsOf, isWide, wrapText } from './bitmap-font.ts';

describe('poster text layout', () => {
  it('counts a Chinese character as two cells', () => {
    expect(isWide('扫')).toBe(true);
    expect(isWide('A')).toBe(false);
    expect(cellsOf('扫码 ok')).toBe(7);
  });

  it('wraps at spaces, between Chinese characters anywhere, and inside a word only when it is too long', () => {
    expect(wrapText('Scan to get two coupons', 10, 5)).toEqual(['Scan to', 'get two', 'coupons']);
    expect(wrapText('扫码添加导购领取优惠券', 8, 5)).toEqual(['扫码添加', '导购领取', '优惠券']);
    expect(wrapText('Supercalifragilistic', 8, 5)).toEqual(['Supercal', 'ifragili', 'stic']);
  });

  it('ends an overflowing last line with "..."', () => {
    expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three...']);
  });
});
