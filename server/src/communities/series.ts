import type { SeriesNumbering } from '../db/schema/index.ts';
import { hasRoom } from './communities.ts';

/** Pure rules of community series: group labels, names and when the next group must open. */

/** 1 → A, 26 → Z, 27 → AA, 28 → AB… (spreadsheet columns), or the number itself. */
export const seriesLabelOf = (index: number, numbering: SeriesNumbering): string => {
  if (!Number.isInteger(index) || index < 1) throw new RangeError(`Series index must be ≥ 1, got ${index}`);
  if (numbering === 'number') return String(index);
  let label = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) {
    label = String.fromCharCode(65 + ((n - 1) % 26)) + label;
  }
  return label;
};

/** The inverse of seriesLabelOf; undefined for anything that is not a label of this numbering. */
export const seriesIndexOfLabel = (label: string, numbering: SeriesNumbering): number | undefined => {
  if (numbering === 'number') return /^[1-9]\d{0,5}$/.test(label) ? Number(label) : undefined;
  if (!/^[A-Z]{1,4}$/.test(label)) return undefined;
  return [...label].reduce((n, char) => n * 26 + (char.charCodeAt(0) - 64), 0);
};

export const seriesGroupNameOf = (template: string, index: number, numbering: SeriesNumbering): string =>
  `${template.trim()} ${seriesLabelOf(index, numbering)}`;

/**
 * The index a group name stands for in a series ("Beauty Institute C" → 3), so a group staff opened by hand
 * (after a 'create_group' task) or a platform opened itself joins its series.
 */
export const seriesIndexOfName = (
  template: string,
  numbering: SeriesNumbering,
  name: string,
): number | undefined => {
  const prefix = `${template.trim()} `;
  if (!name.trim().startsWith(prefix)) return undefined;
  return seriesIndexOfLabel(name.trim().slice(prefix.length), numbering);
};

export type SeriesState = {
  nameTemplate: string;
  numbering: SeriesNumbering;
  /** A group already asked for and not yet created. */
  pendingIndex: number | null;
};

export type SeriesGroup = {
  seriesIndex: number | null;
  memberCount: number;
  capacity: number;
  status: 'active' | 'dismissed';
};

export type RolloverDecision = { action: 'none' } | { action: 'create'; index: number; name: string };

/**
 * When no active group of the series has room, the next one opens. Its index follows the highest ever used
 * (dismissed groups included, so a name is never reused); a group already pending is not asked for twice.
 */
export const decideRollover = (series: SeriesState, groups: SeriesGroup[]): RolloverDecision => {
  if (groups.some((g) => g.status === 'active' && hasRoom(g))) return { action: 'none' };
  const highest = Math.max(0, ...groups.map((g) => g.seriesIndex ?? 0));
  const index = highest + 1;
  if (series.pendingIndex !== null && series.pendingIndex >= index) return { action: 'none' };
  return { action: 'create', index, name: seriesGroupNameOf(series.nameTemplate, index, series.numbering) };
};
