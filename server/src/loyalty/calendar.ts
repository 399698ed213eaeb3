/**
 * Calendar days in a brand's timezone (check-in days, expiry at the end of a year, monthly coupons). Pure: dates
 * are `YYYY-MM-DD` strings, instants are Dates, and Intl does the timezone arithmetic.
 */
import { formatterOf } from '../lib/zoned-time.ts';

export type LocalDate = string;

/** Whether Intl knows the zone (an IANA name such as Asia/Shanghai). */
export const isValidTimeZone = (timeZone: string): boolean => {
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
};

const partsOf = (instant: Date, timeZone: string) => {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal' && part.type !== 'weekday') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The calendar day an instant falls on in the zone. */
export const localDateOf = (instant: Date, timeZone: string): LocalDate => {
  const p = partsOf(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
};

/** Milliseconds the zone is ahead of UTC at that instant. */
const offsetAt = (instant: Date, timeZone: string): number => {
  const p = partsOf(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
};

const parse = (date: LocalDate): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number);
  return [y!, m!, d!];
};

/** The instant a local day begins (00:00 there); a second pass settles days whose offset changes (DST). */
export const startOfLocalDay = (date: LocalDate, timeZone: string): Date => {
  const [y, m, d] = parse(date);
  const naive = Date.UTC(y, m - 1, d);
  const first = naive - offsetAt(new Date(naive), timeZone);
  return new Date(naive - offsetAt(new Date(first), timeZone));
};

export const addDays = (date: LocalDate, days: number): LocalDate => {
  const [y, m, d] = parse(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** Whole days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: LocalDate, b: LocalDate): number => {
  const [ya, ma, da] = parse(a);
  const [yb, mb, db] = parse(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
};

/** `YYYY-MM` of a local date. */
export const monthOf = (date: LocalDate): string => date.slice(0, 7);

/** Every day of a month (`YYYY-MM`), in order. */
export const daysOfMonth = (month: string): LocalDate[] => {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${pad(i + 1)}`);
};
