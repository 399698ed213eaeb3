import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { CommunitySeries } from '../../api/types.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById } from '../../components/lookups.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';

export const SeriesList = ({ onCreate }: { onCreate?: () => void }) => {
  const t = useT();
  const { storeId, stores } = useStoreScope();
  const {
    pages,
    query: list,
    items,
    nextCursor,
  } = usePagedQuery(['listCommunitySeries', storeId], (page) =>
    unwrap(
      api.GET('/api/v1/community-series', {
        params: { query: { storeId, ...page } },
      }),
    ),
  );
  const storeNames = namesById(stores);
  return (
    <>
      <Table<CommunitySeries>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={items}
        pagination={false}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={list.isPending}
              description={t('series.empty')}
              create={onCreate && { label: t('series.create'), onClick: onCreate, isPrimary: false }}
            />
          ),
        }}
        columns={[
          {
            title: t('series.template'),
            dataIndex: 'nameTemplate',
            render: (name: string, row) => <Link to={`/communities/series/${row.id}`}>{name}</Link>,
          },
          {
            title: t('communities.store'),
            dataIndex: 'storeId',
            render: (id: string | null) => (id ? storeNames.get(id) : t('communities.brandWide')),
          },
          {
            title: t('series.numbering'),
            dataIndex: 'numbering',
            render: (n: CommunitySeries['numbering']) => t(`numbering.${n}`),
          },
          { title: t('communities.capacity'), dataIndex: 'capacity' },
          {
            title: t('communities.type'),
            dataIndex: 'type',
            render: (type: CommunitySeries['type']) => (type ? <Tag>{t(`communityType.${type}`)}</Tag> : '—'),
          },
          {
            title: t('series.pending'),
            dataIndex: 'pendingIndex',
            render: (index: number | null) => (index === null ? '—' : <Tag color="processing">#{index}</Tag>),
          },
          { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
    </>
  );
};
