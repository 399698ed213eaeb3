import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { ChannelCodeStats } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useSeries, useStaff, useStores } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { ChannelCodeForm } from './channel-code-form.tsx';
import { CodeDownloads, managerRoles, targetLabel } from './channel-codes-page.tsx';
import { fillDays } from './fill-days.ts';

const CodeStatsChart = lazy(async () => ({
  default: (await import('./code-stats-chart.tsx')).CodeStatsChart,
}));

const figures = ['scans', 'arrivals', 'newMembers', 'stillIn', 'left'] as const;

/** One code: what it is, where it leads, and what it brought (scans → arrivals → new members → still in). */
export const CodeStatsPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const [editing, setEditing] = useState(false);
  // No range until the operator picks one: the server's default is the last 30 days in the brand's time zone.
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const staffNames = namesById(useStaff().data);
  const storeNames = namesById(useStores().data);
  const seriesNames = new Map((useSeries().data ?? []).map((s) => [s.id, s.nameTemplate]));
  const code = useQuery({
    queryKey: ['getChannelCode', id],
    queryFn: () => unwrap(api.GET('/api/v1/channel-codes/{id}', { params: { path: { id } } })),
  });
  const query = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
  const stats = useQuery({
    queryKey: ['getChannelCodeStats', id, query],
    queryFn: () => unwrap(api.GET('/api/v1/channel-codes/{id}/stats', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
  });
  const shownRange: [Dayjs, Dayjs] | null =
    range ?? (stats.data ? [dayjs(stats.data.from), dayjs(stats.data.to)] : null);
  const c = code.data;
  const hasActivity = (stats.data?.totals.scans ?? 0) + (stats.data?.totals.arrivals ?? 0) > 0;

  return (
    <PageContainer
      title={
        <>
          <Link to="/channel-codes" style={{ marginInlineEnd: 8 }}>
            <ArrowLeftOutlined />
          </Link>
          {c?.name ?? t('codes.title')}
        </>
      }
      subtitle={t('codes.statsSubtitle')}
      extra={
        c && (
          <>
            <CodeDownloads code={c} />
            {hasRole(...managerRoles) && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
          </>
        )
      }
    >
      <Card size="small" loading={code.isPending}>
        {c && (
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('codes.link')}>
              <Typography.Text copyable data-testid="code-link">
                {c.link}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.source')}>{t(`source.${c.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('codes.status')}>
              <Tag>{t(`codeStatus.${c.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.target')}>
              {targetLabel(c, t, staffNames, seriesNames)}
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.store')}>
              {c.storeId ? (storeNames.get(c.storeId) ?? '—') : t('partners.allStores')}
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.tagNames')}>
              {c.tagNames.length ? c.tagNames.map((n) => <Tag key={n}>{n}</Tag>) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.welcome')}>
              {c.welcome?.text ??
                (c.welcome?.attachments?.length ? t('codes.attachmentsOnly') : t('codes.defaultWelcome'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('codes.expiresAt')}>{formatTime(c.expiresAt)}</Descriptions.Item>
            <Descriptions.Item label={t('codes.totalCap')}>{c.totalCap ?? '—'}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Card
        size="small"
        title={t('codes.stats')}
        extra={
          <DatePicker.RangePicker
            value={shownRange}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().add(1, 'day').endOf('day'))}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
          />
        }
      >
        <Row gutter={[16, 16]}>
          {figures.map((key) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Statistic
                title={t(`codes.${key}`)}
                value={stats.data?.totals[key] ?? '—'}
                loading={stats.isPending}
                data-testid={`code-stat-${key}`}
              />
            </Col>
          ))}
        </Row>
        <div style={{ marginTop: 16 }}>
          {stats.isPending ? (
            <Skeleton active />
          ) : !hasActivity ? (
            <EmptyHint description={t('codes.noActivity')} />
          ) : (
            <Suspense fallback={<Skeleton active />}>
              <CodeStatsChart
                byDay={stats.data ? fillDays(stats.data.from, stats.data.to, stats.data.byDay) : []}
              />
            </Suspense>
          )}
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('codes.byStaff')}>
            <Table<ChannelCodeStats['byStaff'][number]>
              rowKey={(r) => r.staffId ?? 'none'}
              size="small"
              pagination={false}
              dataSource={stats.data?.byStaff ?? []}
              columns={[
                {
                  title: t('codes.staffMember'),
                  dataIndex: 'staffId',
                  render: (sid: string | null) =>
                    sid ? (staffNames.get(sid) ?? sid.slice(0, 8)) : t('codes.noStaff'),
                },
                { title: t('codes.arrivals'), dataIndex: 'arrivals', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('codes.byDay')}>
            <Table<ChannelCodeStats['byDay'][number]>
              rowKey="date"
              size="small"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={[...(stats.data?.byDay ?? [])].reverse().filter((d) => d.scans + d.arrivals > 0)}
              columns={[
                { title: t('codes.date'), dataIndex: 'date' },
                ...figures.map((key) => ({
                  title: t(`codes.${key}`),
                  dataIndex: key,
                  align: 'right' as const,
                })),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {c && <ChannelCodeForm open={editing} code={c} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
};
