import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useTags } from '../../components/lookups.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { summarize } from './timeline-summary.ts';

export const MemberTimeline = ({ memberId }: { memberId: string }) => {
  const { t, tryT } = useI18n();
  const tags = useTags().data;
  const tagNames = namesById([...(tags?.groups.flatMap((g) => g.tags) ?? []), ...(tags?.ungrouped ?? [])]);
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
                {summarize(entry.data, tagNames)}
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
