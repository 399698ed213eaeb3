import { describe, expect, it } from 'vitest';
import { churnRecipientOf, findCapacityProblems, hasRoom } from './communities.ts';
import {
  decideRollover,
  type SeriesGroup,
  seriesGroupNameOf,
  seriesIndexOfLabel,
  seriesIndexOfName,
  seriesLabelOf,
} from './series.ts';

const group = (seriesIndex: number, memberCount: number, capacity = 5): SeriesGroup => ({
  seriesIndex,
  memberCount,
  capacity,
  status: 'active',
});
const series = { nameTemplate: 'Beauty Institute', numbering: 'letter' as const, pendingIndex: null };

describe('series labels', () => {
  it('counts letters like spreadsheet columns and numbers as themselves', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map((i) => seriesLabelOf(i, 'letter'))).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(seriesLabelOf(12, 'number')).toBe('12');
    expect(() => seriesLabelOf(0, 'letter')).toThrow(RangeError);
  });

  it('reads every label back to its index', () => {
    for (let i = 1; i <= 800; i++) {
      expect(seriesIndexOfLabel(seriesLabelOf(i, 'letter'), 'letter')).toBe(i);
      expect(seriesIndexOfLabel(seriesLabelOf(i, 'number'), 'number')).toBe(i);
    }
    expect(seriesIndexOfLabel('a', 'letter')).toBeUndefined();
    expect(seriesIndexOfLabel('07', 'number')).toBeUndefined();
  });

  it('names groups from the template and recognises them by name', () => {
    expect(seriesGroupNameOf(' Beauty Institute ', 3, 'letter')).toBe('Beauty Institute C');
    expect(seriesIndexOfName('Beauty Institute', 'letter', 'Beauty Institute C')).toBe(3);
    expect(seriesIndexOfName('Beauty Institute', 'number', 'Beauty Institute 14')).toBe(14);
    expect(seriesIndexOfName('Beauty Institute', 'letter', 'Beauty Club C')).toBeUndefined();
    expect(seriesIndexOfName('Beauty Institute', 'letter', 'Beauty Institute A1')).toBeUndefined();
  });
});

describe('decideRollover', () => {
  it('opens nothing while any active group has room', () => {
    expect(decideRollover(series, [group(1, 5), group(2, 4)])).toEqual({ action: 'none' });
  });

  it('opens the next group when every group is full', () => {
    expect(decideRollover(series, [group(1, 5), group(2, 5)])).toEqual({
      action: 'create',
      index: 3,
      name: 'Beauty Institute C',
    });
  });

  it('opens the first group of an empty series', () => {
    expect(decideRollover(series, [])).toEqual({ action: 'create', index: 1, name: 'Beauty Institute A' });
  });

  it('never reuses the name of a dismissed group, and a dismissed group offers no room', () => {
    const dismissed: SeriesGroup = { ...group(2, 0), status: 'dismissed' };
    expect(decideRollover(series, [group(1, 5), dismissed])).toMatchObject({ action: 'create', index: 3 });
  });

  it('does not ask twice for a group already pending', () => {
    expect(decideRollover({ ...series, pendingIndex: 2 }, [group(1, 5)])).toEqual({ action: 'none' });
    expect(decideRollover({ ...series, pendingIndex: 1 }, [group(1, 5)])).toMatchObject({ index: 2 });
  });
});

describe('community rules', () => {
  it('checks room and the platform capacity', () => {
    expect(hasRoom({ memberCount: 499, capacity: 500 })).toBe(true);
    expect(hasRoom({ memberCount: 500, capacity: 500 })).toBe(false);
    expect(findCapacityProblems(600, 500)).toEqual([
      { path: 'capacity', message: 'at most 500 on this platform' },
    ]);
    expect(findCapacityProblems(undefined, 500)).toEqual([]);
  });

  it('alerts the owning guide first, then the store', () => {
    expect(churnRecipientOf({ ownerStaffId: 's1', communityStoreId: 'st1', memberStoreId: null })).toEqual({
      staffId: 's1',
      storeId: 'st1',
    });
    expect(churnRecipientOf({ ownerStaffId: null, communityStoreId: null, memberStoreId: 'st2' })).toEqual({
      staffId: null,
      storeId: 'st2',
    });
  });
});
