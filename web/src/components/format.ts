import dayjs from 'dayjs';

/** Dates as operators read them: local time, minutes. */
export const formatTime = (value: string | null | undefined): string =>
  value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';

export const formatDate = (value: string | null | undefined): string =>
  value ? dayjs(value).format('YYYY-MM-DD') : '—';

/** A fill level in whole percent, never over 100 for display. */
export const fillPercent = (count: number, capacity: number): number =>
  capacity > 0 ? Math.min(100, Math.round((count / capacity) * 100)) : 0;
