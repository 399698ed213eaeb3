import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Store } from '../api/types.ts';
import { useStores } from '../components/lookups.ts';
import { scopedStoreId } from './scoped-store.ts';

/**
 * The store the console is looking at: undefined means every store the caller may see (the whole brand for
 * owners and operators, their own stores for managers and guides). Lists that take a storeId follow it.
 */
type StoreScope = {
  storeId: string | undefined;
  setStoreId: (id: string | undefined) => void;
  stores: Store[];
};

const storeKey = 'orchard.store';

/** The store chosen last time, for prefetching before the store list confirms it. */
export const readSavedStoreId = (): string | undefined => localStorage.getItem(storeKey) ?? undefined;
const StoreScopeContext = createContext<StoreScope | null>(null);

export const StoreScopeProvider = ({ children }: { children: ReactNode }) => {
  const storeList = useStores();
  const stores = storeList.data ?? [];
  const [saved, setSaved] = useState(readSavedStoreId);
  const setStoreId = useCallback((id: string | undefined) => {
    if (id) localStorage.setItem(storeKey, id);
    else localStorage.removeItem(storeKey);
    setSaved(id);
  }, []);
  const storeId = scopedStoreId(saved, { isLoading: storeList.isPending, stores });
  const value = useMemo(() => ({ storeId, setStoreId, stores }), [storeId, setStoreId, stores]);
  return <StoreScopeContext.Provider value={value}>{children}</StoreScopeContext.Provider>;
};

export const useStoreScope = (): StoreScope => {
  const value = useContext(StoreScopeContext);
  if (!value) throw new Error('useStoreScope outside StoreScopeProvider');
  return value;
};
