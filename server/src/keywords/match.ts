import type { KeywordMatchMode, KeywordScopeKind } from '../db/schema/index.ts';
import type { RegexOutcome } from './bounded-regex.ts';

/** Pure rules of the keyword assistant: which rule, if any, answers a message. */

export type KeywordRuleForMatch = {
  id: string;
  matchMode: KeywordMatchMode;
  pattern: string;
  scopeKind: KeywordScopeKind;
  scopeId: string | null;
  priority: number;
};

/** Where the message was posted: a private chat, or a group with what Orchard knows about it. */
export type MessageChat =
  | { kind: 'private' }
  | { kind: 'group'; communityId: string | null; storeId: string | null; seriesId: string | null };

/** Tests the regex rules; injected so this module stays pure (bounded-regex.ts in production). */
export type RegexTester = (patterns: readonly string[], text: string) => RegexOutcome[];

export const isInScope = (
  rule: Pick<KeywordRuleForMatch, 'scopeKind' | 'scopeId'>,
  chat: MessageChat,
): boolean => {
  if (chat.kind === 'private') return rule.scopeKind === 'private';
  switch (rule.scopeKind) {
    case 'all':
      return true;
    case 'private':
      return false;
    case 'community':
      return chat.communityId !== null && rule.scopeId === chat.communityId;
    case 'store':
      return chat.storeId !== null && rule.scopeId === chat.storeId;
    case 'series':
      return chat.seriesId !== null && rule.scopeId === chat.seriesId;
  }
};

const normalize = (text: string): string => text.trim().toLowerCase();

/** Matching ignores case and surrounding spaces; exact means the whole message is the keyword. */
export const matchesPlainly = (
  mode: Exclude<KeywordMatchMode, 'regex'>,
  pattern: string,
  text: string,
): boolean => {
  const needle = normalize(pattern);
  const haystack = normalize(text);
  if (needle === '') return false;
  switch (mode) {
    case 'exact':
      return haystack === needle;
    case 'contains':
      return haystack.includes(needle);
    case 'starts_with':
      return haystack.startsWith(needle);
  }
};

export type KeywordDecision<R> = { rule: R | null; timedOut: R[] };

/**
 * The rule that answers: the highest priority among the in-scope rules that match (ties: the rule listed
 * first, i.e. the older one). Regex rules are tested together in one bounded call; ones that ran out of
 * time never match and are reported so an operator can fix them.
 */
export const pickKeywordRule = <R extends KeywordRuleForMatch>(
  rules: readonly R[],
  input: { text: string; chat: MessageChat; testRegexes: RegexTester },
): KeywordDecision<R> => {
  const candidates = rules
    .filter((r) => isInScope(r, input.chat))
    .map((rule, order) => ({ rule, order }))
    .sort((a, b) => b.rule.priority - a.rule.priority || a.order - b.order)
    .map((c) => c.rule);
  const plainWinner = candidates.find(
    (r) => r.matchMode !== 'regex' && matchesPlainly(r.matchMode, r.pattern, input.text),
  );
  // Only regex rules that could outrank the best plain match need running.
  const regexRules = candidates.filter(
    (r) =>
      r.matchMode === 'regex' && (!plainWinner || candidates.indexOf(r) < candidates.indexOf(plainWinner)),
  );
  const outcomes = input.testRegexes(
    regexRules.map((r) => r.pattern),
    input.text,
  );
  const regexWinner = regexRules.find((_, i) => outcomes[i] === 'match') ?? null;
  const timedOut = regexRules.filter((_, i) => outcomes[i] === 'timeout');
  return { rule: regexWinner ?? plainWinner ?? null, timedOut };
};
