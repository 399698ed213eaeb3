import { type QueryClient, queryOptions } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import type { Member } from '../../api/types.ts';
import { collectPages, countPages } from '../../components/count-pages.ts';
import { funnelQuery, periodOf, type Scope } from '../analytics/analytics-data.ts';

/** The overview's funnel follows the header's store switcher: a store, or the whole brand. */
export const dashboardScope = (storeId: string | undefined): Scope =>
  storeId ? { kind: 'store', id: storeId } : { kind: 'brand' };

/** Counting stops here; above it the overview says "10,000+" rather than walk the whole table. */
const countCap = 10_000;

export const memberCountsQuery = (storeId: string | undefined) =>
  queryOptions({
    queryKey: ['dashboard', 'members', storeId],
    queryFn: async () => {
      const page = (extra: { joinedFrom?: string }) => (cursor: string | undefined) =>
        unwrap(api.GET('/api/v1/members', { params: { query: { storeId, limit: 200, cursor, ...extra } } }));
      const weekAgo = dayjs().subtract(7, 'day').startOf('day').toISOString();
      // The first page of the count is also the "newest members" table: one request less on the first page.
      let newest: Member[] = [];
      const everyone = async (cursor: string | undefined) => {
        const result = await page({})(cursor);
        if (!cursor) newest = result.items.slice(0, 6);
        return result;
      };
      const [all, recent] = await Promise.all([
        countPages(everyone, countCap),
        countPages(page({ joinedFrom: weekAgo }), countCap),
      ]);
      return { all, recent, newest };
    },
  });

export const activeCommunitiesQuery = (storeId: string | undefined) =>
  queryOptions({
    queryKey: ['dashboard', 'communities', storeId],
    queryFn: () =>
      collectPages(
        (cursor) =>
          unwrap(
            api.GET('/api/v1/communities', {
              params: { query: { storeId, status: 'active', limit: 200, cursor } },
            }),
          ),
        2000,
      ),
  });

export const failuresQuery = queryOptions({
  queryKey: ['dashboard', 'failures'],
  queryFn: async () => {
    const [events, outbound] = await Promise.all([
      unwrap(api.GET('/api/v1/events', { params: { query: { status: 'failed', limit: 200 } } })),
      unwrap(api.GET('/api/v1/outbound-messages', { params: { query: { status: 'failed', limit: 200 } } })),
    ]);
    return { events: events.items.length, outbound: outbound.items.length };
  },
});

/** Asked for while the shell starts, so the overview's figures are on their way before it renders. */
export const prefetchDashboard = (client: QueryClient, storeId: string | undefined): void => {
  void client.prefetchQuery(memberCountsQuery(storeId));
  void client.prefetchQuery(activeCommunitiesQuery(storeId));
  void client.prefetchQuery(funnelQuery(dashboardScope(storeId), periodOf({ kind: '7' })));
};
