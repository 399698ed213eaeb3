import { describe, expect, it } from 'vitest';
import { checkAttributeValue } from './attributes.ts';

const of = (type: 'text' | 'number' | 'date' | 'choice', options: string[] = []) => ({
  key: 'k',
  type,
  options,
});

describe('checkAttributeValue', () => {
  it('accepts and normalizes values of each type', () => {
    expect(checkAttributeValue(of('text'), ' dry skin ')).toEqual({ ok: true, value: 'dry skin' });
    expect(checkAttributeValue(of('number'), 3.5)).toEqual({ ok: true, value: 3.5 });
    expect(checkAttributeValue(of('number'), ' 42 ')).toEqual({ ok: true, value: 42 });
    expect(checkAttributeValue(of('date'), '2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(checkAttributeValue(of('choice', ['S', 'M']), 'M')).toEqual({ ok: true, value: 'M' });
  });

  it('refuses values of the wrong type with a reason', () => {
    expect(checkAttributeValue(of('text'), 5)).toMatchObject({ ok: false });
    expect(checkAttributeValue(of('text'), 'x'.repeat(2001))).toMatchObject({ ok: false });
    expect(checkAttributeValue(of('number'), 'twelve')).toEqual({ ok: false, message: 'expected a number' });
    expect(checkAttributeValue(of('number'), Number.NaN)).toMatchObject({ ok: false });
    expect(checkAttributeValue(of('date'), '2023-02-29')).toMatchObject({ ok: false });
    expect(checkAttributeValue(of('date'), '2024-2-1')).toMatchObject({ ok: false });
    expect(checkAttributeValue(of('choice', ['S', 'M']), 'XL')).toEqual({
      ok: false,
      message: 'expected one of: S, M',
    });
  });
});
