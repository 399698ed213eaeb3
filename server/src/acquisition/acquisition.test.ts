import { describe, expect, it } from 'vitest';
import { zonedTimeOf } from '../lib/zoned-time.ts';
import {
  chooseStaff,
  codeStatusOf,
  codeTokenOfLink,
  findScheduleProblems,
  findWindowAt,
  pickLinkGroups,
  publicLinkOf,
  type StaffSlot,
} from './acquisition.ts';

const slot = (staffId: string, position: number, extra: Partial<StaffSlot> = {}): StaffSlot => ({
  staffId,
  position,
  isBackup: false,
  dailyCap: null,
  todayCount: 0,
  load: 0,
  ...extra,
});
const monday10 = { weekday: 1, minutes: 600 };
const base = { schedule: [], local: monday10, cursor: 0, random: () => 0 };

describe('chooseStaff', () => {
  it('round robin walks the staff in order and skips whoever reached the cap', () => {
    const slots = [slot('a', 0), slot('b', 1, { dailyCap: 1, todayCount: 1 }), slot('c', 2)];
    const first = chooseStaff({ ...base, strategy: 'round_robin', slots });
    expect(first).toEqual({ choice: { staffId: 'a', reason: 'strategy' }, nextCursor: 1 });
    const second = chooseStaff({ ...base, strategy: 'round_robin', slots, cursor: first.nextCursor });
    expect(second).toEqual({ choice: { staffId: 'c', reason: 'strategy' }, nextCursor: 3 });
    const third = chooseStaff({ ...base, strategy: 'round_robin', slots, cursor: second.nextCursor });
    expect(third.choice?.staffId).toBe('a');
  });

  it('random picks among the staff under their cap', () => {
    const slots = [slot('a', 0, { dailyCap: 2, todayCount: 2 }), slot('b', 1), slot('c', 2)];
    expect(chooseStaff({ ...base, strategy: 'random', slots, random: () => 0 }).choice?.staffId).toBe('b');
    expect(chooseStaff({ ...base, strategy: 'random', slots, random: () => 0.99 }).choice?.staffId).toBe('c');
  });

  it('least loaded picks the fewest owned members, then the fewest today, then the order', () => {
    const slots = [
      slot('a', 0, { load: 9 }),
      slot('b', 1, { load: 3, todayCount: 2 }),
      slot('c', 2, { load: 3 }),
    ];
    expect(chooseStaff({ ...base, strategy: 'least_loaded', slots }).choice).toEqual({
      staffId: 'c',
      reason: 'strategy',
    });
  });

  it('hands over to the backup with the fewest today when every primary is capped', () => {
    const slots = [
      slot('a', 0, { dailyCap: 2, todayCount: 2 }),
      slot('x', 1, { isBackup: true, todayCount: 3 }),
      slot('y', 2, { isBackup: true, todayCount: 1 }),
    ];
    expect(chooseStaff({ ...base, strategy: 'random', slots }).choice).toEqual({
      staffId: 'y',
      reason: 'backup',
    });
  });

  it('exceeds the cap rather than turn a customer away when there is no backup', () => {
    const slots = [
      slot('a', 0, { dailyCap: 1, todayCount: 3 }),
      slot('b', 1, { dailyCap: 1, todayCount: 1 }),
    ];
    expect(chooseStaff({ ...base, strategy: 'round_robin', slots }).choice).toEqual({
      staffId: 'b',
      reason: 'over_cap',
    });
  });

  it('schedule: the window on duty decides, outside it the backup, without one the whole team', () => {
    const schedule = [
      { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '18:00', staffIds: ['a', 'b'] },
      { weekdays: [6, 7], from: '10:00', to: '16:00', staffIds: ['c'] },
    ];
    const slots = [slot('a', 0), slot('b', 1), slot('c', 2)];
    const at = (local: { weekday: number; minutes: number }, cursor = 0, withBackup = false) =>
      chooseStaff({
        ...base,
        strategy: 'schedule',
        schedule,
        local,
        cursor,
        slots: withBackup ? [...slots, slot('z', 3, { isBackup: true })] : slots,
      }).choice;
    expect(at(monday10)?.staffId).toBe('a');
    expect(at(monday10, 1)?.staffId).toBe('b');
    expect(at(monday10, 2)?.staffId).toBe('a');
    expect(at({ weekday: 6, minutes: 11 * 60 })?.staffId).toBe('c');
    expect(at({ weekday: 1, minutes: 20 * 60 }, 0, true)).toEqual({ staffId: 'z', reason: 'backup' });
    expect(at({ weekday: 1, minutes: 20 * 60 })).toEqual({ staffId: 'a', reason: 'off_schedule' });
  });

  it('chooses nobody from an empty team', () => {
    expect(chooseStaff({ ...base, strategy: 'random', slots: [] }).choice).toBeUndefined();
  });
});

describe('schedules', () => {
  it('refuses overlapping windows, naming both', () => {
    const problems = findScheduleProblems(
      [
        { weekdays: [1, 2], from: '09:00', to: '13:00', staffIds: ['a'] },
        { weekdays: [2, 3], from: '12:00', to: '18:00', staffIds: ['a'] },
        { weekdays: [1], from: '13:00', to: '18:00', staffIds: ['a'] },
      ],
      ['a'],
    );
    expect(problems).toEqual([
      { path: 'target.schedule.1', message: 'overlaps window 0 on weekday 2 (09:00–13:00)' },
    ]);
  });

  it('refuses malformed clocks, backwards windows and staff outside the code', () => {
    const problems = findScheduleProblems(
      [
        { weekdays: [1], from: '9am', to: '18:00', staffIds: ['a'] },
        { weekdays: [2], from: '18:00', to: '09:00', staffIds: ['b'] },
      ],
      ['a'],
    );
    expect(problems.map((p) => p.path)).toEqual([
      'target.schedule.0.from',
      'target.schedule.1.to',
      'target.schedule.1.staffIds.0',
    ]);
  });

  it('finds the window on duty, end exclusive', () => {
    const windows = [{ weekdays: [1], from: '09:00', to: '18:00', staffIds: ['a'] }];
    expect(findWindowAt(windows, { weekday: 1, minutes: 9 * 60 })).toBe(windows[0]);
    expect(findWindowAt(windows, { weekday: 1, minutes: 18 * 60 })).toBeUndefined();
    expect(findWindowAt(windows, { weekday: 2, minutes: 10 * 60 })).toBeUndefined();
  });
});

describe('code status, links and groups', () => {
  const now = new Date('2025-11-01T10:00:00Z');
  const code = { isArchived: false, expiresAt: null, totalCap: null, arrivalCount: 5 };

  it('is closed once expired, full or archived', () => {
    expect(codeStatusOf(code, now)).toBe('active');
    expect(codeStatusOf({ ...code, expiresAt: now }, now)).toBe('expired');
    expect(codeStatusOf({ ...code, totalCap: 5 }, now)).toBe('full');
    expect(codeStatusOf({ ...code, totalCap: 6 }, now)).toBe('active');
    expect(codeStatusOf({ ...code, isArchived: true }, now)).toBe('archived');
  });

  it('reads the token back from a public link', () => {
    const link = publicLinkOf('https://scrm.example.com/', 'AbCdEf123');
    expect(link).toBe('https://scrm.example.com/c/AbCdEf123');
    expect(codeTokenOfLink(link)).toBe('AbCdEf123');
    expect(codeTokenOfLink(`${link}?utm=x`)).toBe('AbCdEf123');
    expect(codeTokenOfLink('sandbox://link/AbCdEf123')).toBeUndefined();
  });

  it('lists the open groups with room in series order, as many as a link takes', () => {
    const group = (id: string, seriesIndex: number, memberCount: number, status = 'active' as const) => ({
      id,
      externalId: `x-${id}`,
      seriesIndex,
      memberCount,
      capacity: 5,
      status,
    });
    const groups = [group('c', 3, 0), group('a', 1, 5), group('b', 2, 4), group('d', 4, 0)];
    expect(pickLinkGroups(groups, undefined).map((g) => g.id)).toEqual(['b', 'c', 'd']);
    expect(pickLinkGroups(groups, 1).map((g) => g.id)).toEqual(['b']);
  });
});

describe('zoned time', () => {
  it('gives the local date, weekday, minute and the start of the local day', () => {
    const t = zonedTimeOf(new Date('2025-11-02T17:30:00Z'), 'Asia/Shanghai');
    expect(t).toEqual({
      date: '2025-11-03',
      weekday: 1,
      minutes: 90,
      dayStart: new Date('2025-11-02T16:00:00Z'),
    });
    expect(zonedTimeOf(new Date('2025-11-02T17:30:00Z'), 'UTC').weekday).toBe(7);
  });
});
