/**
 * The store in force. The remembered one holds while the store list loads (pages do not flash the whole brand's
 * figures first, and app.tsx prefetched with it too); one the caller can no longer see (another user, a revoked
 * grant) falls back to all once the list says so.
 */
export const scopedStoreId = (
  saved: string | undefined,
  list: { isLoading: boolean; stores: { id: string }[] },
): string | undefined =>
  saved && (list.isLoading || list.stores.some((store) => store.id === saved)) ? saved : undefined;
