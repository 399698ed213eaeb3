import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../auth/auth.tsx';
import { namesById, useStores } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import {
  type CampaignStatus,
  campaignStatusColors,
  campaignsQuery,
  type FissionCampaignListItem,
  fissionCreatorRoles,
  windowOf,
} from './fission-api.ts';
import { FissionCampaignForm } from './fission-campaign-form.tsx';

/**
 * Fission (裂变) campaigns: members invite friends with their personal link and poster, earn tier rewards for
 * friends who stay, and climb a leaderboard. The brand has few campaigns, so the list comes whole.
 */
export const FissionCampaignsPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canManage = hasRole(...fissionCreatorRoles);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<CampaignStatus | 'all'>('all');
  const campaigns = useQuery(campaignsQuery);
  const storeNames = namesById(useStores().data);
  const items = (campaigns.data ?? []).filter((c) => status === 'all' || c.status === status);

  return (
    <PageContainer
      title={t('fission.title')}
      subtitle={t('fission.subtitle')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="fission-create"
          >
            {t('fission.create')}
          </Button>
        )
      }
    >
      <Card size="small">
        <Segmented
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(value) => setStatus(value as CampaignStatus | 'all')}
          options={(['all', 'active', 'draft', 'ended'] as const).map((s) => ({
            value: s,
            label: s === 'all' ? t('fission.all') : t(`fission.status.${s}`),
          }))}
        />
        <Table<FissionCampaignListItem>
          rowKey="id"
          size="middle"
          data-testid="fission-campaigns"
          loading={campaigns.isPending}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          locale={{
            emptyText: (
              <TableEmpty
                isPending={campaigns.isPending}
                description={t(status === 'all' ? 'fission.empty' : 'fission.emptyFiltered')}
                create={
                  canManage &&
                  status === 'all' && { label: t('fission.create'), onClick: () => setCreating(true) }
                }
              />
            ),
          }}
          columns={[
            {
              title: t('fission.name'),
              dataIndex: 'name',
              render: (name: string, c) => (
                <>
                  <Link to={`/fission/${c.id}`}>{name}</Link>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {c.headline}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('fission.store'),
              dataIndex: 'storeId',
              render: (storeId: string | null) =>
                storeId ? (storeNames.get(storeId) ?? '…') : t('fission.brandWide'),
            },
            {
              title: t('fission.statusLabel'),
              dataIndex: 'status',
              render: (s: CampaignStatus) => (
                <Tag color={campaignStatusColors[s]}>{t(`fission.status.${s}`)}</Tag>
              ),
            },
            { title: t('fission.window'), render: (_, c) => windowOf(c, t('fission.openEnded')) },
            { title: t('fission.inviters'), align: 'right', render: (_, c) => c.stats.inviters },
            {
              title: t('fission.validInvites'),
              align: 'right',
              render: (_, c) => (
                <>
                  {c.stats.validInvites}
                  {c.stats.pendingInvites > 0 && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('fission.pendingSuffix', { n: c.stats.pendingInvites })}
                    </Typography.Text>
                  )}
                </>
              ),
            },
            {
              title: t('fission.rewardsIssued'),
              align: 'right',
              render: (_, c) => (
                <>
                  {c.stats.rewardsIssued}
                  {c.stats.rewardsHeld > 0 && (
                    <Tag color="gold" style={{ marginInlineStart: 8 }}>
                      {t('fission.heldCount', { n: c.stats.rewardsHeld })}
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
      <FissionCampaignForm
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => navigate(`/fission/${c.id}`)}
      />
    </PageContainer>
  );
};
