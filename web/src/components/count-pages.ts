/**
 * Counts a keyset-paged list by walking its pages, stopping at `cap` rows: the server has no count endpoints
 * yet (the analytics work adds them), and a dashboard must not invent numbers. `capped` means "at least".
 */
export const countPages = async (
  fetchPage: (cursor: string | undefined) => Promise<{ items: unknown[]; nextCursor: string | null }>,
  cap: number,
): Promise<{ count: number; capped: boolean }> => {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    count += page.items.length;
    if (!page.nextCursor) return { count, capped: false };
    if (count >= cap) return { count, capped: true };
    cursor = page.nextCursor;
  }
};

/** Every row of a keyset-paged list (for small lists such as a brand's communities), up to `cap`. */
export const collectPages = async <T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  cap: number,
): Promise<{ items: T[]; capped: boolean }> => {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return { items, capped: false };
    if (items.length >= cap) return { items, capped: true };
    cursor = page.nextCursor;
  }
};
