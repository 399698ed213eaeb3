import { ArrowLeftOutlined, EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { RosterEntry } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { GroupHealthCard } from '../analytics/group-health-card.tsx';
import { CommunityForm } from './community-form.tsx';
import { FillBar } from './fill-bar.tsx';
import { RosterModal } from './roster-modal.tsx';

const TextBlock = ({ text, empty }: { text: string | null; empty: string }) =>
  text ? (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph>
  ) : (
    <Typography.Text type="secondary">{empty}</Typography.Text>
  );

export const CommunityDetailPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { isAdmin, hasRole } = useAuth();
  const { stores } = useStoreScope();
  const staffNames = namesById(useStaff().data);
  const [editing, setEditing] = useState(false);
  const [editingRoster, setEditingRoster] = useState(false);
  const community = useQuery({
    queryKey: ['getCommunity', id],
    queryFn: () => unwrap(api.GET('/api/v1/communities/{id}', { params: { path: { id } } })),
  });
  const canEdit = hasRole('owner', 'operator', 'store_manager');

  if (community.isError)
    return (
      <Result
        status="404"
        title={t('communities.notFound')}
        extra={<Button onClick={() => navigate('/communities')}>{t('common.back')}</Button>}
      />
    );
  const c = community.data;
  if (!c) return <Skeleton active />;

  return (
    <PageContainer
      title={
        <span>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/communities')} />{' '}
          {c.name}{' '}
          <Tag color={c.status === 'active' ? 'green' : 'default'}>{t(`communityStatus.${c.status}`)}</Tag>
        </span>
      }
      subtitle={stores.find((s) => s.id === c.storeId)?.name ?? t('communities.brandWide')}
      extra={
        canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('communities.membership')} style={{ height: '100%' }}>
            <Statistic
              value={c.memberCount}
              suffix={`/ ${c.capacity}`}
              prefix={<TeamOutlined />}
              data-testid="member-count"
            />
            <div style={{ margin: '12px 0' }}>
              <FillBar count={c.memberCount} capacity={c.capacity} />
            </div>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('communities.left')}>{c.leftCount}</Descriptions.Item>
              <Descriptions.Item label={t('communities.hasRoom')}>
                {c.hasRoom ? t('common.yes') : t('common.no')}
              </Descriptions.Item>
              {c.seriesId && (
                <Descriptions.Item label={t('communities.series')}>
                  <Link to={`/communities/series/${c.seriesId}`}>#{c.seriesIndex}</Link>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('communities.externalId')}>
                <Typography.Text copyable style={{ fontSize: 12 }}>
                  {c.externalId}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('common.created')}>{formatTime(c.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t('communities.positioning')} style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
              <Descriptions.Item label={t('communities.type')}>
                {c.type ? t(`communityType.${c.type}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('communities.demandPattern')}>
                {c.demandPattern ? t(`demandPattern.${c.demandPattern}`) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('communities.targetPersona')} span={2}>
                {c.targetPersona ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('communities.goal')} span={2}>
                {c.goal ?? '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('roster.title')}
            extra={
              isAdmin && (
                <Button size="small" onClick={() => setEditingRoster(true)}>
                  {t('roster.edit')}
                </Button>
              )
            }
          >
            <Table<RosterEntry>
              size="small"
              rowKey={(row) => `${row.staffId}:${row.role}`}
              pagination={false}
              dataSource={c.roster}
              locale={{ emptyText: <EmptyHint description={t('roster.empty')} /> }}
              columns={[
                {
                  title: t('roster.role'),
                  dataIndex: 'role',
                  render: (r: RosterEntry['role']) => t(`rosterRole.${r}`),
                },
                {
                  title: t('roster.staff'),
                  dataIndex: 'staffId',
                  render: (staffId: string) => staffNames.get(staffId) ?? staffId.slice(0, 8),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('communities.rulesAndAnnouncement')}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('communities.rules')}
            </Typography.Title>
            <TextBlock text={c.rules} empty={t('communities.noRules')} />
            <Typography.Title level={5}>{t('communities.announcement')}</Typography.Title>
            <TextBlock text={c.announcement} empty={t('communities.noAnnouncement')} />
          </Card>
        </Col>
      </Row>
      <GroupHealthCard communityId={c.id} />
      <CommunityForm open={editing} onClose={() => setEditing(false)} community={c} />
      <RosterModal community={c} open={editingRoster} onClose={() => setEditingRoster(false)} />
    </PageContainer>
  );
};
