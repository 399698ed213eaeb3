import { describe, expect, it } from 'vitest';
import { collectPages, countPages } from './count-pages.ts';

/** A fake keyset list of `total` rows served `size` at a time, recording the cursors asked for. */
const pagedList = (total: number, size: number) => {
  const asked: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined) => {
    asked.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
    const end = start + items.length;
    return { items, nextCursor: end < total ? String(end) : null };
  };
  return { asked, fetchPage };
};

describe('countPages', () => {
  it('walks every page of a short list', async () => {
    const list = pagedList(450, 200);
    expect(await countPages(list.fetchPage, 1000)).toEqual({ count: 450, capped: false });
    expect(list.asked).toEqual([undefined, '200', '400']);
  });

  it('stops at the cap and says the figure is a lower bound', async () => {
    const list = pagedList(5000, 200);
    expect(await countPages(list.fetchPage, 600)).toEqual({ count: 600, capped: true });
    expect(list.asked).toHaveLength(3);
  });

  it('is not capped when the last page ends exactly at the cap', async () => {
    expect(await countPages(pagedList(400, 200).fetchPage, 400)).toEqual({ count: 400, capped: false });
  });
});

describe('collectPages', () => {
  it('returns the rows in order', async () => {
    const { items, capped } = await collectPages(pagedList(5, 2).fetchPage, 100);
    expect(items).toEqual([0, 1, 2, 3, 4]);
    expect(capped).toBe(false);
  });
});
