import type { ChannelCodeStats } from '../../api/types.ts';

type Day = ChannelCodeStats['byDay'][number];

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every day from `from` to `to` (inclusive), with zeros where the server listed none, for a continuous chart. */
export const fillDays = (from: string, to: string, byDay: Day[]): Day[] => {
  const known = new Map(byDay.map((d) => [d.date, d]));
  const days: Day[] = [];
  for (let date = from; date <= to && days.length <= 366; date = nextDay(date)) {
    days.push(known.get(date) ?? { date, scans: 0, arrivals: 0, newMembers: 0, stillIn: 0, left: 0 });
  }
  return days;
};
