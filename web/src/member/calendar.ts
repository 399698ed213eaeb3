/** Calendar arithmetic on local dates (YYYY-MM-DD, the brand's days as the server gives them), in UTC. */

const dayMs = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

export const daysBetween = (from: string, to: string): number =>
  Math.round((toTime(to) - toTime(from)) / dayMs);

/** The month before or after `month` (YYYY-MM). */
export const shiftMonth = (month: string, by: number): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** Blank cells before the 1st in a Monday-first week (0 when the month starts on a Monday). */
export const leadingBlanks = (month: string): number => (new Date(toTime(`${month}-01`)).getUTCDay() + 6) % 7;

/** Whether a make-up card may fill `day`: a past day, not checked in, within the brand's reach. */
export const canMakeUp = (
  day: { day: string; kind: string | null },
  today: string,
  withinDays: number,
): boolean => {
  if (day.kind !== null) return false;
  const age = daysBetween(day.day, today);
  return age > 0 && age <= withinDays;
};
