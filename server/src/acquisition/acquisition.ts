import type { AssignmentStrategy, ScheduleWindow } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';

/** Pure rules of channel codes: whether a code is open, which staff a scan goes to, which groups a link lists. */

export type CodeStatus = 'active' | 'expired' | 'full' | 'archived';

/**
 * A code past its expiry or total cap is closed: its public link no longer assigns (a contact code falls back
 * to its backup staff, a group code answers "ended"), and members who still arrive through an old platform
 * link are attributed but get the brand's default welcome instead of the code's offer.
 */
export const codeStatusOf = (
  code: { isArchived: boolean; expiresAt: Date | null; totalCap: number | null; arrivalCount: number },
  now: Date,
): CodeStatus => {
  if (code.isArchived) return 'archived';
  if (code.expiresAt && code.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (code.totalCap !== null && code.arrivalCount >= code.totalCap) return 'full';
  return 'active';
};

/** "HH:MM" → minutes since midnight; "24:00" ends a day. Undefined for anything else. */
export const minutesOfClock = (clock: string): number | undefined => {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(clock);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
};

/**
 * Windows must be well-formed, name the code's own staff, and never overlap: two windows sharing a weekday
 * and a minute would make "who is on duty" ambiguous. A window ends before it starts? Split it at midnight.
 */
export const findScheduleProblems = (
  windows: ScheduleWindow[],
  staffIds: string[],
  path = 'target.schedule',
): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const known = new Set(staffIds);
  const spans = windows.map((w, index) => ({
    index,
    w,
    from: minutesOfClock(w.from),
    to: minutesOfClock(w.to),
  }));
  for (const { index, w, from, to } of spans) {
    if (from === undefined) problems.push({ path: `${path}.${index}.from`, message: 'expected HH:MM' });
    if (to === undefined) problems.push({ path: `${path}.${index}.to`, message: 'expected HH:MM' });
    if (from !== undefined && to !== undefined && to <= from) {
      problems.push({
        path: `${path}.${index}.to`,
        message: 'must be after from (split a night window at 24:00)',
      });
    }
    w.staffIds.forEach((staffId, i) => {
      if (!known.has(staffId)) {
        problems.push({ path: `${path}.${index}.staffIds.${i}`, message: 'not among the code staff' });
      }
    });
  }
  for (const a of spans) {
    for (const b of spans) {
      if (b.index <= a.index || a.from === undefined || a.to === undefined) continue;
      if (b.from === undefined || b.to === undefined) continue;
      const sharedDays = a.w.weekdays.filter((d) => b.w.weekdays.includes(d));
      if (sharedDays.length > 0 && a.from < b.to && b.from < a.to) {
        problems.push({
          path: `${path}.${b.index}`,
          message: `overlaps window ${a.index} on weekday ${sharedDays[0]} (${a.w.from}–${a.w.to})`,
        });
      }
    }
  }
  return problems;
};

/** The window on duty at a local weekday and minute (windows never overlap, so at most one). */
export const findWindowAt = (
  windows: ScheduleWindow[],
  local: { weekday: number; minutes: number },
): ScheduleWindow | undefined =>
  windows.find((w) => {
    const from = minutesOfClock(w.from) ?? 0;
    const to = minutesOfClock(w.to) ?? 0;
    return w.weekdays.includes(local.weekday) && local.minutes >= from && local.minutes < to;
  });

export type StaffSlot = {
  staffId: string;
  position: number;
  isBackup: boolean;
  dailyCap: number | null;
  /** Arrivals through this code today plus places held by recent scans. */
  todayCount: number;
  /** Members the staff member owns (least-loaded). */
  load: number;
};

export type ChoiceReason = 'strategy' | 'backup' | 'over_cap' | 'off_schedule';
export type StaffChoice = { staffId: string; reason: ChoiceReason };

const isUnderCap = (slot: StaffSlot) => slot.dailyCap === null || slot.todayCount < slot.dailyCap;
const byPosition = (a: StaffSlot, b: StaffSlot) => a.position - b.position;
const fewestToday = (slots: StaffSlot[]) =>
  [...slots].sort((a, b) => a.todayCount - b.todayCount || a.position - b.position)[0];

/** The backup with the fewest today: where a closed code (or a fully capped team) sends members. */
export const chooseBackup = (slots: StaffSlot[]): StaffChoice | undefined => {
  const backup = fewestToday(slots.filter((s) => s.isBackup));
  return backup && { staffId: backup.staffId, reason: 'backup' };
};

/** Round robin over `ring` (in order) from `cursor`, skipping whoever is not eligible. */
const nextInRing = (ring: StaffSlot[], eligible: Set<string>, cursor: number) => {
  for (let step = 0; step < ring.length; step++) {
    const index = (cursor + step) % ring.length;
    const slot = ring[index]!;
    if (eligible.has(slot.staffId)) return { slot, nextCursor: index + 1 };
  }
  return undefined;
};

/**
 * Who a scan (or, where the platform's link cannot say, an arrival) goes to. The strategy picks among the
 * primary staff on duty and under their daily cap; when none is, a backup (the one with fewest today); with no
 * backup, nobody is turned away: off schedule the whole team is used, over the cap whoever has fewest today.
 */
export const chooseStaff = (input: {
  strategy: AssignmentStrategy;
  slots: StaffSlot[];
  schedule: ScheduleWindow[];
  local: { weekday: number; minutes: number };
  cursor: number;
  random: () => number;
}): { choice?: StaffChoice; nextCursor: number } => {
  const primaries = input.slots.filter((s) => !s.isBackup).sort(byPosition);
  const backups = input.slots.filter((s) => s.isBackup);
  const unchanged = { nextCursor: input.cursor };
  let pool = primaries;
  let isOffSchedule = false;
  if (input.strategy === 'schedule') {
    const window = findWindowAt(input.schedule, input.local);
    pool = window ? primaries.filter((s) => window.staffIds.includes(s.staffId)) : [];
    isOffSchedule = !window;
  }
  const pick = (candidates: StaffSlot[], reason: ChoiceReason) => {
    const eligible = candidates.filter(isUnderCap);
    if (eligible.length === 0) return undefined;
    switch (input.strategy) {
      case 'random': {
        const slot = eligible[Math.min(eligible.length - 1, Math.floor(input.random() * eligible.length))]!;
        return { choice: { staffId: slot.staffId, reason }, nextCursor: input.cursor };
      }
      case 'least_loaded': {
        const [slot] = [...eligible].sort(
          (a, b) => a.load - b.load || a.todayCount - b.todayCount || a.position - b.position,
        );
        return { choice: { staffId: slot!.staffId, reason }, nextCursor: input.cursor };
      }
      default: {
        const found = nextInRing(candidates, new Set(eligible.map((s) => s.staffId)), input.cursor);
        return found && { choice: { staffId: found.slot.staffId, reason }, nextCursor: found.nextCursor };
      }
    }
  };
  const onDuty = pick(pool, 'strategy');
  if (onDuty) return onDuty;
  const backup = chooseBackup(backups);
  if (backup) return { choice: backup, ...unchanged };
  if (isOffSchedule) {
    const anyone = pick(primaries, 'off_schedule');
    if (anyone) return anyone;
  }
  const overCap = fewestToday(isOffSchedule || pool.length === 0 ? primaries : pool);
  return overCap ? { choice: { staffId: overCap.staffId, reason: 'over_cap' }, ...unchanged } : unchanged;
};

export type LinkGroup = {
  id: string;
  externalId: string;
  seriesIndex: number | null;
  memberCount: number;
  capacity: number;
  status: 'active' | 'dismissed';
};

/**
 * The groups a group link lists: the series' open groups with room, in series order, as many as the platform
 * takes per link. The platform fills them in order, so a burst of joins between Orchard's counts still lands.
 */
export const pickLinkGroups = <G extends LinkGroup>(groups: G[], maxPerLink: number | undefined): G[] =>
  groups
    .filter((g) => g.status === 'active' && g.memberCount < g.capacity)
    .sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0))
    .slice(0, maxPerLink ?? Number.POSITIVE_INFINITY);

/** Cache keys of the platform links a code needs, one per distinct target. */
export const linkTargetKeyOf = (
  target:
    | { kind: 'staff'; staffExternalId: string }
    | { kind: 'bot' }
    | { kind: 'groups'; externalIds: string[] },
): string => {
  if (target.kind === 'staff') return `staff:${target.staffExternalId}`;
  if (target.kind === 'bot') return 'bot';
  return `groups:${target.externalIds.join(',')}`;
};

/** The public link of a code: what the QR encodes and the poster prints. */
export const publicLinkOf = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/c/${token}`;

/** The token of a public link (or the token itself); undefined when the link is not a code link. */
export const codeTokenOfLink = (link: string): string | undefined => {
  const path = link.trim().split(/[?#]/)[0] ?? '';
  const match = /(?:^|\/)c\/([A-Za-z0-9_-]{6,64})\/?$/.exec(path);
  return match?.[1];
};
