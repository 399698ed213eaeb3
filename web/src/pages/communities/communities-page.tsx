import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Community } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useSeries } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { CommunityForm } from './community-form.tsx';
import { FillBar } from './fill-bar.tsx';
import { SeriesForm } from './series-form.tsx';
import { SeriesList } from './series-list.tsx';

const CommunityList = ({ onCreate }: { onCreate?: () => void }) => {
  const t = useT();
  const { storeId, stores } = useStoreScope();
  const series = useSeries().data;
  const [seriesId, setSeriesId] = useState<string | undefined>();
  const [status, setStatus] = useState<'active' | 'dismissed' | undefined>('active');
  const query = { storeId, seriesId, status };
  const {
    pages,
    query: list,
    items,
    nextCursor,
  } = usePagedQuery(['listCommunities', query], (page) =>
    unwrap(
      api.GET('/api/v1/communities', {
        params: { query: { ...query, ...page } },
      }),
    ),
  );
  const storeNames = namesById(stores);
  const seriesNames = new Map((series ?? []).map((s) => [s.id, s.nameTemplate]));
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('communities.anySeries')}
          style={{ width: 220 }}
          value={seriesId}
          onChange={(value) => {
            setSeriesId(value);
            pages.reset();
          }}
          options={(series ?? []).map((s) => ({ value: s.id, label: s.nameTemplate }))}
        />
        <Select
          allowClear
          placeholder={t('communities.anyStatus')}
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            pages.reset();
          }}
          options={(['active', 'dismissed'] as const).map((s) => ({
            value: s,
            label: t(`communityStatus.${s}`),
          }))}
        />
      </Space>
      <Table<Community>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        data-testid="communities-table"
        locale={{
          emptyText: (
            <TableEmpty
              isPending={list.isPending}
              description={t('communities.empty')}
              create={onCreate && { label: t('communities.create'), onClick: onCreate }}
            />
          ),
        }}
        columns={[
          {
            title: t('communities.name'),
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/communities/${row.id}`}>{name}</Link>,
          },
          {
            title: t('communities.store'),
            dataIndex: 'storeId',
            render: (id: string | null) => (id ? storeNames.get(id) : t('communities.brandWide')),
          },
          {
            title: t('communities.type'),
            dataIndex: 'type',
            render: (type: Community['type']) => (type ? <Tag>{t(`communityType.${type}`)}</Tag> : '—'),
          },
          {
            title: t('communities.fill'),
            render: (_, row) => <FillBar count={row.memberCount} capacity={row.capacity} />,
          },
          {
            title: t('communities.series'),
            dataIndex: 'seriesId',
            render: (id: string | null, row) =>
              id ? (
                <Link
                  to={`/communities/series/${id}`}
                >{`${seriesNames.get(id) ?? '…'} #${row.seriesIndex}`}</Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('communities.status'),
            dataIndex: 'status',
            render: (s: Community['status']) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{t(`communityStatus.${s}`)}</Tag>
            ),
          },
          { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
    </>
  );
};

export const CommunitiesPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'series' ? 'series' : 'groups';
  const [creating, setCreating] = useState<'community' | 'series' | null>(null);
  return (
    <PageContainer
      title={t('communities.title')}
      subtitle={t('communities.subtitle')}
      extra={
        isAdmin && (
          <>
            <Button onClick={() => setCreating('series')}>{t('series.create')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('community')}>
              {t('communities.create')}
            </Button>
          </>
        )
      }
    >
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'series' ? { tab: 'series' } : {})}
          items={[
            {
              key: 'groups',
              label: t('communities.groups'),
              children: <CommunityList onCreate={isAdmin ? () => setCreating('community') : undefined} />,
            },
            {
              key: 'series',
              label: t('communities.seriesTab'),
              children: <SeriesList onCreate={isAdmin ? () => setCreating('series') : undefined} />,
            },
          ]}
        />
      </Card>
      <CommunityForm open={creating === 'community'} onClose={() => setCreating(null)} />
      <SeriesForm open={creating === 'series'} onClose={() => setCreating(null)} />
    </PageContainer>
  );
};
