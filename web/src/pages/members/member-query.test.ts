import { describe, expect, it } from 'vitest';
import { definedEntries, splitRowPath, toMemberFilter, toMemberQuery } from './member-query.ts';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';

describe('toMemberQuery', () => {
  it('joins tag ids with commas and leaves empty parts out', () => {
    expect(toMemberQuery({ q: '  ', tagsAll: [a, b], tagsAny: [], stage: 'active' }, undefined)).toEqual({
      q: undefined,
      storeId: undefined,
      stage: 'active',
      joinedFrom: undefined,
      joinedTo: undefined,
      tagsAll: `${a},${b}`,
      tagsAny: undefined,
      tagsNone: undefined,
    });
  });

  it("takes the header's store unless the filter names one", () => {
    expect(toMemberQuery({}, 'store-1').storeId).toBe('store-1');
    expect(toMemberQuery({ storeId: 'store-2' }, 'store-1').storeId).toBe('store-2');
  });
});

describe('toMemberFilter', () => {
  it('sends tags only when some are chosen', () => {
    expect(toMemberFilter({ q: 'wang' }, undefined)).not.toHaveProperty('tags');
    expect(toMemberFilter({ tagsNone: [a] }, undefined).tags).toEqual({
      all: undefined,
      any: undefined,
      none: [a],
    });
  });
});

describe('definedEntries', () => {
  it('keeps only set values', () => {
    expect(definedEntries({ q: 'x', stage: undefined })).toEqual({ q: 'x' });
  });
});

describe('splitRowPath', () => {
  it('reads row and column from an import problem path', () => {
    expect(splitRowPath('row 3.phone')).toEqual({ row: '3', column: 'phone' });
    expect(splitRowPath('row 1')).toEqual({ row: '1', column: '—' });
    expect(splitRowPath('line 7')).toEqual({ row: '7', column: '—' });
    expect(splitRowPath('csv')).toEqual({ row: '—', column: 'csv' });
  });
});
