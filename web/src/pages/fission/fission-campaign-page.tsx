import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Statistic, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { useAuth } from '../../auth/auth.tsx';
import { namesById, useSeries, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import {
  type CampaignStatus,
  campaignQuery,
  campaignStatusColors,
  canChangeCampaign,
  type FissionCampaign,
  fissionKeys,
  fissionManagerRoles,
  inviteTreeQuery,
  rewardLabel,
  useCouponNames,
  windowOf,
} from './fission-api.ts';
import { FissionCampaignForm } from './fission-campaign-form.tsx';
import { InvitersTab } from './fission-inviters-tab.tsx';
import { RewardsTab } from './fission-rewards-tab.tsx';
import { InviteTreeTab, LeaderboardTab } from './fission-tree-tab.tsx';

const tabKeys = ['overview', 'inviters', 'leaderboard', 'tree', 'rewards'] as const;
type TabKey = (typeof tabKeys)[number];

/** The figures (from the invite tree), the tiers with what they gave, and the rules. */
const Overview = ({ campaign }: { campaign: FissionCampaign }) => {
  const t = useT();
  const tree = useQuery(inviteTreeQuery(campaign.id));
  const couponNames = useCouponNames();
  const seriesNames = new Map((useSeries().data ?? []).map((s) => [s.id, s.nameTemplate]));
  const staffNames = namesById(useStaff().data);
  const figures = [
    ['inviters', tree.data?.inviters],
    ['valid', tree.data?.invites.valid],
    ['pending', tree.data?.invites.pending],
    ['void', tree.data?.invites.void],
    ['kFactor', tree.data?.kFactor],
    ['maxDepth', tree.data?.maxDepth],
  ] as const;
  const target =
    campaign.target.kind === 'group'
      ? campaign.target.seriesIds.map((id) => seriesNames.get(id) ?? id.slice(0, 8)).join(', ')
      : campaign.target.staffIds.map((id) => staffNames.get(id) ?? id.slice(0, 8)).join(', ');
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card size="small">
        <Row gutter={[16, 16]}>
          {figures.map(([key, value]) => (
            <Col key={key} xs={12} md={8} xl={4}>
              <Statistic
                title={t(`fission.figure.${key}`)}
                value={value ?? '—'}
                precision={key === 'kFactor' && value !== undefined ? 2 : undefined}
                loading={tree.isPending}
                data-testid={`fission-figure-${key}`}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('fission.tiers')}>
            <Table
              rowKey="tierIndex"
              size="small"
              pagination={false}
              dataSource={campaign.tiers}
              columns={[
                { title: t('fission.tierInvites'), dataIndex: 'invites', align: 'right' },
                { title: t('fission.tierName'), dataIndex: 'name' },
                {
                  title: t('fission.tierReward'),
                  render: (_, tier) => rewardLabel(tier.reward, t, couponNames),
                },
                {
                  title: t('fission.granted'),
                  align: 'right',
                  render: (_, tier) =>
                    tier.budget === null ? tier.grantedCount : `${tier.grantedCount} / ${tier.budget}`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('fission.rules')}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('fission.headline')}>{campaign.headline}</Descriptions.Item>
              <Descriptions.Item label={t('fission.window')}>
                {windowOf(campaign, t('fission.openEnded'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.target')}>
                {t(campaign.target.kind === 'group' ? 'fission.targetGroups' : 'fission.targetStaff')}:{' '}
                {target}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.pointsPerInvite')}>
                {campaign.pointsPerInvite}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.inviteeReward')}>
                {campaign.inviteeReward
                  ? rewardLabel(campaign.inviteeReward, t, couponNames)
                  : t('fission.rewardNone')}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.stayMinutes')}>
                {t('fission.minutesN', { n: campaign.stayMinutes })}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.maxInvitesPerHour')}>
                {campaign.maxInvitesPerHour}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.progressInterval')}>
                {campaign.progressIntervalMinutes === 0
                  ? t('fission.progressOff')
                  : t('fission.minutesN', { n: campaign.progressIntervalMinutes })}
              </Descriptions.Item>
              <Descriptions.Item label={t('fission.leaderboardPost')}>
                {campaign.leaderboard
                  ? t('fission.leaderboardSchedule', {
                      n: campaign.leaderboard.size,
                      minutes: campaign.leaderboard.everyMinutes,
                    })
                  : t('fission.leaderboardOff')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </div>
  );
};

/** One campaign: overview, inviters, leaderboard, invite tree and rewards (with the approvals queue). */
export const FissionCampaignPage = () => {
  const t = useT();
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const canManage = hasRole(...fissionManagerRoles);
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = tabKeys.find((k) => k === params.get('tab')) ?? 'overview';
  const [editing, setEditing] = useState(false);
  const campaign = useQuery(campaignQuery(id));
  const c = campaign.data;
  const setStatus = useMutation({
    mutationFn: (status: CampaignStatus) =>
      unwrap(api.PATCH('/api/v1/fission-campaigns/{id}', { params: { path: { id } }, body: { status } })),
    onSuccess: async () => {
      message.success(t('common.saved'));
      await Promise.all(fissionKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => showError(error),
  });

  return (
    <PageContainer
      title={
        <>
          <Link to="/fission" style={{ marginInlineEnd: 8 }}>
            <ArrowLeftOutlined />
          </Link>
          {c?.name ?? t('fission.title')}
          {c && (
            <Tag
              color={campaignStatusColors[c.status]}
              style={{ marginInlineStart: 12, verticalAlign: 'middle' }}
            >
              {t(`fission.status.${c.status}`)}
            </Tag>
          )}
        </>
      }
      subtitle={c?.headline}
      extra={
        c &&
        canChangeCampaign(hasRole, c) && (
          <>
            {c.status === 'draft' && (
              <Button
                type="primary"
                loading={setStatus.isPending}
                onClick={() => setStatus.mutate('active')}
                data-testid="fission-start"
              >
                {t('fission.start')}
              </Button>
            )}
            {c.status !== 'ended' && (
              <Popconfirm
                title={t('fission.endConfirm')}
                okText={t('fission.end')}
                onConfirm={() => setStatus.mutate('ended')}
              >
                <Button danger loading={setStatus.isPending} data-testid="fission-end">
                  {t('fission.end')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
          </>
        )
      }
    >
      {campaign.isPending ? (
        <Card loading />
      ) : c ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key })}
          items={[
            { key: 'overview', label: t('fission.tab.overview'), children: <Overview campaign={c} /> },
            {
              key: 'inviters',
              label: t('fission.tab.inviters'),
              children: <InvitersTab campaign={c} canManage={canManage} />,
            },
            {
              key: 'leaderboard',
              label: t('fission.tab.leaderboard'),
              children: <LeaderboardTab campaign={c} />,
            },
            { key: 'tree', label: t('fission.tab.tree'), children: <InviteTreeTab campaign={c} /> },
            {
              key: 'rewards',
              label: t('fission.tab.rewards'),
              children: <RewardsTab campaign={c} canManage={canManage} />,
            },
          ]}
        />
      ) : (
        <Card>{t('fission.notFound')}</Card>
      )}
      {c && <FissionCampaignForm open={editing} campaign={c} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
};
