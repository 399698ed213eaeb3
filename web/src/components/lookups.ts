import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { Role } from '../api/types.ts';
import { useAuth } from '../auth/auth.tsx';

/** Reference data many pages need (stores, tags, staff, accounts); cached for a minute and shared. */
const referenceStaleTime = 60_000;
const staffReaders: readonly Role[] = ['owner', 'operator', 'store_manager'];

export const storesQuery = queryOptions({
  queryKey: ['listStores'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/stores'))).items,
  staleTime: referenceStaleTime,
});

export const useStores = () => useQuery(storesQuery);

export const useRegions = () =>
  useQuery({
    queryKey: ['listRegions'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/regions'))).items,
    staleTime: referenceStaleTime,
  });

export const useTags = () =>
  useQuery({
    queryKey: ['listTags'],
    queryFn: () => unwrap(api.GET('/api/v1/tags')),
    staleTime: referenceStaleTime,
  });

/**
 * Staff are readable by admins and store managers; for a guide this stays empty instead of failing. With
 * `assignableOn`, only those a channel code on that platform account may assign (an account there, or anyone on
 * a bot platform).
 */
export const useStaff = (assignableOn?: string) => {
  const { hasRole } = useAuth();
  return useQuery({
    queryKey: assignableOn ? ['listStaff', { assignableOn }] : ['listStaff'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/staff', { params: { query: assignableOn ? { assignableOn } : {} } })))
        .items,
    staleTime: referenceStaleTime,
    enabled: hasRole(...staffReaders),
  });
};

export const usePlatformAccounts = () => {
  const { isAdmin } = useAuth();
  return useQuery({
    queryKey: ['listPlatformAccounts'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/platform-accounts'))).items,
    staleTime: referenceStaleTime,
    enabled: isAdmin,
  });
};

export const useSeries = () =>
  useQuery({
    queryKey: ['listCommunitySeries', 'all'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/community-series', { params: { query: { limit: 200 } } }))).items,
    staleTime: referenceStaleTime,
  });

export const useMemberAttributes = () =>
  useQuery({
    queryKey: ['listMemberAttributes'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/member-attributes'))).items,
    staleTime: referenceStaleTime,
  });

/** id → name for showing references in tables. */
export const namesById = <T extends { id: string; name: string }>(rows: T[] | undefined) =>
  new Map((rows ?? []).map((row) => [row.id, row.name]));
