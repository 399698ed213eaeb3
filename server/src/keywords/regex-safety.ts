/**
 * A static check that refuses regular expressions whose matching can take exponential time (catastrophic
 * backtracking): a quantified group that itself contains an unbounded quantifier (`(a+)+`), a quantified
 * alternation whose branches overlap (`(a|a)*`, `(a|ab)+`), and backreferences. It is deliberately
 * conservative; patterns it lets through still run under a time budget (bounded-regex.ts).
 */

export const maxPatternLength = 200;

type Group = { hasUnboundedInside: boolean; branches: string[]; current: string };

/** Why the pattern is refused, or null when it may be saved. */
export const findRegexHazard = (pattern: string): string | null => {
  if (pattern.length > maxPatternLength) return `must be at most ${maxPatternLength} characters`;
  try {
    new RegExp(pattern, 'i');
  } catch {
    return 'is not a valid regular expression';
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'must not use backreferences';
  const stack: Group[] = [{ hasUnboundedInside: false, branches: [], current: '' }];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  // The last atom closed, so that a quantifier after it can be judged.
  let lastGroup: Group | null = null;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      appendAtom(stack, pattern.slice(i, i + 2));
      lastGroup = null;
      i += 2;
      continue;
    }
    if (ch === '[') {
      const end = classEnd(pattern, i);
      appendAtom(stack, pattern.slice(i, end));
      lastGroup = null;
      i = end;
      continue;
    }
    if (ch === '(') {
      stack.push({ hasUnboundedInside: false, branches: [], current: '' });
      i += groupPrefixLength(pattern, i);
      continue;
    }
    if (ch === '|') {
      const g = top();
      g.branches.push(g.current);
      g.current = '';
      lastGroup = null;
      i += 1;
      continue;
    }
    if (ch === ')' && stack.length > 1) {
      const closed = stack.pop()!;
      closed.branches.push(closed.current);
      const parent = top();
      parent.current += `(${closed.branches.join('|')})`;
      if (closed.hasUnboundedInside) parent.hasUnboundedInside = true;
      lastGroup = closed;
      i += 1;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier) {
      if (quantifier.isUnbounded || quantifier.max > 1) {
        if (lastGroup?.hasUnboundedInside) return 'must not nest quantifiers, as in (a+)+';
        if (lastGroup && hasOverlappingBranches(lastGroup.branches)) {
          return 'must not repeat overlapping alternatives, as in (a|a)*';
        }
      }
      if (quantifier.isUnbounded) top().hasUnboundedInside = true;
      top().current += pattern.slice(i, i + quantifier.length);
      lastGroup = null;
      i += quantifier.length;
      continue;
    }
    appendAtom(stack, ch);
    lastGroup = null;
    i += 1;
  }
  return null;
};

const appendAtom = (stack: Group[], atom: string): void => {
  stack[stack.length - 1]!.current += atom;
};

const classEnd = (pattern: string, start: number): number => {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i + 1;
};

const groupPrefixLength = (pattern: string, i: number): number => {
  const m = /^\((\?:|\?=|\?!|\?<=|\?<!|\?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(pattern.slice(i));
  return m?.[0].length ?? 1;
};

type Quantifier = { length: number; max: number; isUnbounded: boolean };

const readQuantifier = (pattern: string, i: number): Quantifier | null => {
  const ch = pattern[i];
  const lazy = (n: number) => (pattern[i + n] === '?' ? n + 1 : n);
  if (ch === '*' || ch === '+') return { length: lazy(1), max: Number.POSITIVE_INFINITY, isUnbounded: true };
  if (ch === '?') return { length: lazy(1), max: 1, isUnbounded: false };
  if (ch !== '{') return null;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
  if (!m) return null;
  const isUnbounded = m[2] !== undefined && m[3] === '';
  const max = isUnbounded ? Number.POSITIVE_INFINITY : Number(m[3] ?? m[1]);
  return { length: lazy(m[0].length), max, isUnbounded };
};

/** Two branches overlap when one equals or starts the other, or one can match anything (empty, `.`). */
const hasOverlappingBranches = (branches: string[]): boolean => {
  if (branches.length < 2) return false;
  const normalized = branches.map((b) => b.toLowerCase());
  if (normalized.some((b) => b === '' || b.startsWith('.') || b.startsWith('\\w') || b.startsWith('\\S')))
    return true;
  return normalized.some((a, i) => normalized.some((b, j) => i !== j && b.startsWith(a)));
};
