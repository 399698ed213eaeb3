import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** A short line from an entry's data: its scalar fields, e.g. `text: hello · tagName: VIP`. */
export const summarize = (data: Record<string, unknown>): string =>
  Object.entries(data)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');

export const MemberTimeline = ({ memberId }: { memberId: string }) => {
  const { t, tryT } = useI18n();
  const timeline = useInfiniteQuery({
    queryKey: ['getMemberTimeline', memberId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/members/{id}/timeline', {
          params: { path: { id: memberId }, query: { limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  if (timeline.isSuccess && entries.length === 0) return <EmptyHint description={t('members.noTimeline')} />;
  return (
    <>
      <Timeline
        style={{ marginTop: 8 }}
        items={entries.map((entry) => ({
          key: entry.id,
          content: (
            <div>
              <Typography.Text strong>{tryT(`timeline.${entry.type}`) ?? entry.type}</Typography.Text>{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTime(entry.occurredAt)}
              </Typography.Text>
              <div style={{ color: '#595959', fontSize: 13, wordBreak: 'break-word' }}>
                {summarize(entry.data)}
              </div>
            </div>
          ),
        }))}
      />
      {timeline.hasNextPage && (
        <Button block onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
};
