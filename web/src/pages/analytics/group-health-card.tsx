import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';
import { type PeriodChoice, percent, usePeriod } from './analytics-data.ts';
import { PeriodPicker } from './period-picker.tsx';

const GroupHealthChart = lazy(async () => ({
  default: (await import('./group-health-chart.tsx')).GroupHealthChart,
}));

/** A group's health: members over time, joins and leaves, messages per day, this week's active share, moderation. */
export const GroupHealthCard = ({ communityId }: { communityId: string }) => {
  const t = useT();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: '30' });
  const period = usePeriod(choice);
  const health = useQuery({
    queryKey: ['getGroupHealth', communityId, period],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/analytics/communities/{id}/health', {
          params: { path: { id: communityId }, query: period },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const h = health.data;
  const sum = (key: 'joins' | 'leaves' | 'messages' | 'moderationActions') =>
    h ? h.daily.reduce((total, d) => total + d[key], 0) : undefined;
  const figures = [
    { key: 'members', title: t('health.members'), value: h?.memberCount },
    {
      key: 'active',
      title: t('health.activeThisWeek'),
      value: h ? `${h.activeThisWeek} (${percent(h.shareActiveThisWeek)})` : undefined,
    },
    { key: 'joins', title: t('health.joins'), value: sum('joins') },
    { key: 'leaves', title: t('health.leaves'), value: sum('leaves') },
    { key: 'messages', title: t('health.messages'), value: sum('messages') },
    { key: 'moderation', title: t('health.moderation'), value: sum('moderationActions') },
  ];
  return (
    <Card
      title={t('health.title')}
      extra={<PeriodPicker value={choice} onChange={setChoice} />}
      data-testid="group-health"
    >
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={4}>
            <Statistic
              title={f.title}
              value={f.value ?? '—'}
              loading={health.isPending}
              data-testid={`health-${f.key}`}
            />
          </Col>
        ))}
      </Row>
      <div style={{ marginTop: 16 }}>
        {!h ? (
          <Skeleton active />
        ) : (
          <Suspense fallback={<Skeleton active />}>
            <GroupHealthChart daily={h.daily} />
          </Suspense>
        )}
      </div>
    </Card>
  );
};
