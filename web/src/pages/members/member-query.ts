import type { MemberFilter, MemberStage } from '../../api/types.ts';

/** The members filter as the form holds it. */
export type MemberFilterValues = {
  q?: string;
  storeId?: string;
  stage?: MemberStage;
  joinedFrom?: string;
  joinedTo?: string;
  tagsAll?: string[];
  tagsAny?: string[];
  tagsNone?: string[];
};

const joined = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids.join(',') : undefined);
const present = (ids: string[] | undefined) => (ids && ids.length > 0 ? ids : undefined);

/**
 * Query parameters of listMembers / exportMembers: tag ids comma-separated, the header's store when the
 * filter names none, and nothing empty (the server refuses an empty `q`).
 */
export const toMemberQuery = (filter: MemberFilterValues, scopeStoreId: string | undefined) => ({
  q: filter.q?.trim() || undefined,
  storeId: filter.storeId ?? scopeStoreId,
  stage: filter.stage,
  joinedFrom: filter.joinedFrom,
  joinedTo: filter.joinedTo,
  tagsAll: joined(filter.tagsAll),
  tagsAny: joined(filter.tagsAny),
  tagsNone: joined(filter.tagsNone),
});

/** The same filter as JSON, for bulk tagging "every member that matches". */
export const toMemberFilter = (
  filter: MemberFilterValues,
  scopeStoreId: string | undefined,
): MemberFilter => {
  const tags = { all: present(filter.tagsAll), any: present(filter.tagsAny), none: present(filter.tagsNone) };
  const hasTags = tags.all || tags.any || tags.none;
  return {
    q: filter.q?.trim() || undefined,
    storeId: filter.storeId ?? scopeStoreId,
    stage: filter.stage,
    joinedFrom: filter.joinedFrom,
    joinedTo: filter.joinedTo,
    ...(hasTags ? { tags } : {}),
  };
};

/** Drops undefined entries so a query string carries only what is set. */
export const definedEntries = (query: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );

/** A CSV problem path (`row 3.phone`, `row 1`, `csv`, `line 7`) as row and column for the error table. */
export const splitRowPath = (path: string): { row: string; column: string } => {
  const match = /^(row|line) (\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return { row: '—', column: path };
  return { row: match[2]!, column: match[3] ?? '—' };
};
