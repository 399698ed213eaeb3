import { ClusterOutlined, RiseOutlined, TeamOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Progress, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Community } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { fillPercent } from '../../components/format.ts';
import { namesById } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import type { PeriodChoice } from '../analytics/analytics-data.ts';
import { usePeriod } from '../analytics/analytics-data.ts';
import { FunnelSection } from '../analytics/funnel-section.tsx';
import { PeriodPicker } from '../analytics/period-picker.tsx';
import {
  activeCommunitiesQuery,
  dashboardScope,
  failuresQuery,
  memberCountsQuery,
} from './dashboard-data.ts';
import { NewestMembers } from './newest-members.tsx';

const FillChart = lazy(async () => ({ default: (await import('./fill-chart.tsx')).FillChart }));

/** True once the browser has painted and gone idle: the chart (ECharts) waits for it, the figures do not. */
const useIdle = () => {
  const [isIdle, setIdle] = useState(false);
  useEffect(() => {
    const done = () => setIdle(true);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(done, { timeout: 1000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(done, 200);
    return () => clearTimeout(id);
  }, []);
  return isIdle;
};

const figure = (value: { count: number; capped: boolean } | undefined) =>
  value ? `${value.count.toLocaleString()}${value.capped ? '+' : ''}` : '—';

export const DashboardPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const { storeId, stores } = useStoreScope();
  const members = useQuery(memberCountsQuery(storeId));
  const communities = useQuery(activeCommunitiesQuery(storeId));
  const failures = useQuery({ ...failuresQuery, enabled: isAdmin });
  const isIdle = useIdle();
  const [periodChoice, setPeriodChoice] = useState<PeriodChoice>({ kind: '7' });
  const period = usePeriod(periodChoice);
  const groups: Community[] = communities.data?.items ?? [];
  const inGroups = groups.reduce((sum, g) => sum + g.memberCount, 0);
  const capacity = groups.reduce((sum, g) => sum + g.capacity, 0);
  const nearlyFull = groups.filter((g) => fillPercent(g.memberCount, g.capacity) >= 90).length;
  const storeNames = namesById(stores);

  return (
    <PageContainer
      title={t('dashboard.title')}
      subtitle={t('dashboard.subtitle')}
      extra={<PeriodPicker value={periodChoice} onChange={setPeriodChoice} />}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={members.isPending}>
            <Statistic
              title={t('dashboard.members')}
              value={figure(members.data?.all)}
              prefix={<TeamOutlined />}
              data-testid="stat-members"
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={members.isPending}>
            <Statistic
              title={t('dashboard.newThisWeek')}
              data-testid="stat-new-members"
              value={figure(members.data?.recent)}
              prefix={<RiseOutlined />}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={communities.isPending}>
            <Statistic
              title={t('dashboard.activeGroups')}
              value={figure(communities.data && { count: groups.length, capped: communities.data.capped })}
              prefix={<ClusterOutlined />}
              suffix={
                nearlyFull > 0 ? (
                  <Tag color="orange" style={{ marginInlineStart: 8 }}>
                    {t('dashboard.nearlyFull', { n: nearlyFull })}
                  </Tag>
                ) : undefined
              }
            />
          </Card>
        </Col>
        <Col xs={24} sm={12} xl={6}>
          <Card loading={communities.isPending}>
            <Typography.Text type="secondary">{t('dashboard.fillLevel')}</Typography.Text>
            <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8 }}>
              <Progress
                type="circle"
                percent={fillPercent(inGroups, capacity)}
                size={56}
                strokeColor="#2f7d4a"
              />
              <Typography.Text>
                {t('dashboard.inGroups', {
                  count: inGroups.toLocaleString(),
                  capacity: capacity.toLocaleString(),
                })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
      </Row>
      {isAdmin && failures.data && failures.data.events + failures.data.outbound > 0 && (
        <Card size="small" style={{ borderColor: '#ffccc7', background: '#fff2f0' }}>
          <WarningOutlined style={{ color: '#cf1322', marginInlineEnd: 8 }} />
          {t('dashboard.failures', { events: failures.data.events, outbound: failures.data.outbound })}{' '}
          <Link to="/operations">{t('dashboard.openOperations')}</Link>
        </Card>
      )}
      <FunnelSection scope={dashboardScope(storeId)} period={period} chartsReady={isIdle} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('dashboard.groupFill')} extra={<Link to="/communities">{t('common.viewAll')}</Link>}>
            {communities.isPending || !isIdle ? (
              <Skeleton active />
            ) : groups.length === 0 ? (
              <EmptyHint
                description={t('dashboard.noGroups')}
                action={<Link to="/communities">{t('dashboard.createGroup')}</Link>}
              />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <FillChart groups={groups} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.recentMembers')} extra={<Link to="/members">{t('common.viewAll')}</Link>}>
            <NewestMembers members={members.data?.newest} storeNames={storeNames} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
};
