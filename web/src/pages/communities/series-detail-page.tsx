import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Table, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Community } from '../../api/types.ts';
import { formatTime } from '../../components/format.ts';
import { namesById, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { FillBar } from './fill-bar.tsx';

export const SeriesDetailPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { stores } = useStoreScope();
  const staffNames = namesById(useStaff().data);
  const series = useQuery({
    queryKey: ['getCommunitySeries', id],
    queryFn: () => unwrap(api.GET('/api/v1/community-series/{id}', { params: { path: { id } } })),
  });
  if (series.isError)
    return (
      <Result
        status="404"
        title={t('series.notFound')}
        extra={<Button onClick={() => navigate('/communities?tab=series')}>{t('common.back')}</Button>}
      />
    );
  const s = series.data;
  if (!s) return <Skeleton active />;
  return (
    <PageContainer
      title={
        <span>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/communities?tab=series')}
          />{' '}
          {s.nameTemplate}
        </span>
      }
      subtitle={t('series.subtitle')}
    >
      <Card>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('communities.store')}>
            {stores.find((store) => store.id === s.storeId)?.name ?? t('communities.brandWide')}
          </Descriptions.Item>
          <Descriptions.Item label={t('series.numbering')}>{t(`numbering.${s.numbering}`)}</Descriptions.Item>
          <Descriptions.Item label={t('communities.capacity')}>{s.capacity}</Descriptions.Item>
          <Descriptions.Item label={t('communities.type')}>
            {s.type ? t(`communityType.${s.type}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('communities.demandPattern')}>
            {s.demandPattern ? t(`demandPattern.${s.demandPattern}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('series.pending')}>
            {s.pendingIndex === null ? '—' : <Tag color="processing">#{s.pendingIndex}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('communities.targetPersona')}>
            {s.targetPersona ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('communities.goal')}>{s.goal ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('roster.title')}>
            {s.roster.length === 0
              ? '—'
              : s.roster
                  .map((r) => `${t(`rosterRole.${r.role}`)}: ${staffNames.get(r.staffId) ?? '…'}`)
                  .join(', ')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('communities.groups')}>
        <Table<Community>
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={s.groups}
          columns={[
            { title: '#', dataIndex: 'seriesIndex', width: 60 },
            {
              title: t('communities.name'),
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/communities/${row.id}`}>{name}</Link>,
            },
            {
              title: t('communities.fill'),
              render: (_, row) => <FillBar count={row.memberCount} capacity={row.capacity} />,
            },
            {
              title: t('communities.status'),
              dataIndex: 'status',
              render: (status: Community['status']) => t(`communityStatus.${status}`),
            },
            { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
          ]}
        />
      </Card>
    </PageContainer>
  );
};
