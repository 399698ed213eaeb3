import { describe, expect, it } from 'vitest';
import { summarize } from './timeline-summary.ts';

describe('summarize', () => {
  const tags = new Map([['t-1', 'VIP']]);

  it('lists scalar fields, names known tags and leaves out the actor and nested data', () => {
    expect(summarize({ tagId: 't-1', source: 'import', actor: 'staff:1', extra: { a: 1 } }, tags)).toBe(
      'tag: VIP · source: import',
    );
  });

  it('keeps an unknown tag id as it is', () => {
    expect(summarize({ tagId: 't-2', count: 3 }, tags)).toBe('tagId: t-2 · count: 3');
  });
});
