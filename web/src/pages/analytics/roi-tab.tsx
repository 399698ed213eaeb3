import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { money, percent, periodOf } from './analytics-data.ts';
import { CostForm } from './cost-form.tsx';
import { CsvButton } from './csv-button.tsx';

type Roi = Schemas['Roi'];

const cents = (n: number | null) => (n === null ? '—' : money(n));
const roiText = (r: number | null) => (r === null ? '—' : percent(r));

/** The plan's figures beside the actual ones, where the campaign has a plan. */
const PlanVsActual = ({ roi }: { roi: Roi }) => {
  const t = useT();
  const keys = Object.keys(roi.plan);
  if (keys.length === 0) return <Typography.Text type="secondary">{t('analytics.noPlan')}</Typography.Text>;
  const show = (key: string, n: number | undefined) =>
    n === undefined ? '—' : key.endsWith('Cents') ? money(n) : n.toLocaleString();
  return (
    <Space wrap size={16}>
      {keys.map((key) => {
        const plan = roi.plan[key];
        const actual = roi.actual[key];
        const reached = plan !== undefined && actual !== undefined && actual >= plan;
        return (
          <span key={key}>
            <Typography.Text type="secondary">{key}: </Typography.Text>
            {show(key, actual)} / {show(key, plan)}{' '}
            <Tag color={key === 'costCents' ? (reached ? 'red' : 'green') : reached ? 'green' : 'orange'}>
              {plan ? percent((actual ?? 0) / plan) : '—'}
            </Tag>
          </span>
        );
      })}
    </Space>
  );
};

const roiColumns = (t: ReturnType<typeof useT>) => [
  {
    title: t('analytics.cost'),
    key: 'cost',
    align: 'right' as const,
    render: (_: unknown, r: Roi) => money(r.costs.totalCents),
  },
  {
    title: t('funnel.gmv'),
    key: 'gmv',
    align: 'right' as const,
    render: (_: unknown, r: Roi) => money(r.revenue.gmvCents),
  },
  {
    title: 'ROI',
    dataIndex: 'roi',
    align: 'right' as const,
    render: (r: number | null) => (
      <span style={{ color: r !== null && r < 0 ? '#cf1322' : undefined }}>{roiText(r)}</span>
    ),
  },
  { title: t('analytics.acquired'), dataIndex: 'acquired', align: 'right' as const },
  { title: t('funnel.activated'), dataIndex: 'activated', align: 'right' as const },
  {
    title: t('analytics.perAcquired'),
    dataIndex: 'costPerAcquiredCents',
    align: 'right' as const,
    render: cents,
  },
  {
    title: t('analytics.perActivated'),
    dataIndex: 'costPerActivatedCents',
    align: 'right' as const,
    render: cents,
  },
];

const CodeRoi = () => {
  const t = useT();
  const [codeId, setCodeId] = useState<string | undefined>();
  const codes = useQuery({
    queryKey: ['listChannelCodes', 'analytics'],
    queryFn: () => unwrap(api.GET('/api/v1/channel-codes', { params: { query: { limit: 200 } } })),
  });
  const roi = useQuery({
    queryKey: ['getChannelCodeRoi', codeId],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/codes/{id}/roi', { params: { path: { id: codeId! } } })),
    enabled: codeId !== undefined,
  });
  return (
    <Card
      size="small"
      title={t('analytics.codeRoi')}
      extra={
        <Select
          style={{ minWidth: 240 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('analytics.pick.code')}
          value={codeId}
          onChange={setCodeId}
          loading={codes.isFetching}
          options={(codes.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="roi-code"
        />
      }
    >
      {!codeId ? (
        <EmptyHint description={t('analytics.pickCodeRoi')} />
      ) : (
        <Table<Roi>
          rowKey="id"
          size="small"
          pagination={false}
          loading={roi.isFetching}
          dataSource={roi.data ? [roi.data] : []}
          columns={[{ title: t('analytics.code'), dataIndex: 'name' }, ...roiColumns(t)]}
          expandable={{ expandedRowRender: (r) => <CostBreakdown roi={r} />, defaultExpandAllRows: true }}
        />
      )}
    </Card>
  );
};

const CostBreakdown = ({ roi }: { roi: Roi }) => {
  const t = useT();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      {roi.costs.entered.map((c) => (
        <Descriptions.Item
          key={c.kind}
          label={t(`analytics.costKind.${c.kind}` as 'analytics.costKind.other')}
        >
          {money(c.cents)}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('analytics.couponsRedeemed', { n: roi.costs.couponsRedeemed })}>
        {money(roi.costs.couponCents)}
      </Descriptions.Item>
      <Descriptions.Item label={t('analytics.pointsGranted', { n: roi.costs.points })}>
        {money(roi.costs.pointsCents)}
      </Descriptions.Item>
      <Descriptions.Item label={t('funnel.orders')}>
        {roi.revenue.orders} · {t('funnel.buyers')} {roi.revenue.buyers}
      </Descriptions.Item>
      <Descriptions.Item label={t('analytics.planVsActual')} span={3}>
        <PlanVsActual roi={roi} />
      </Descriptions.Item>
    </Descriptions>
  );
};

/** Each campaign's and channel code's costs against attributed revenue, and entering a cost. */
export const RoiTab = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['listCampaignRoi'],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/campaigns/roi')),
  });
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card
        size="small"
        title={t('analytics.campaignRoi')}
        extra={
          <Space>
            <CsvButton report="roi" scope={{ kind: 'brand' }} period={periodOf({ kind: '30' })} />
            {isAdmin && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="cost-add"
              >
                {t('analytics.addCost')}
              </Button>
            )}
          </Space>
        }
      >
        <Table<Roi>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={list.data?.items ?? []}
          data-testid="roi-campaigns"
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyHint description={t('analytics.noCampaigns')} /> }}
          columns={[{ title: t('analytics.campaign'), dataIndex: 'name' }, ...roiColumns(t)]}
          expandable={{ expandedRowRender: (r) => <CostBreakdown roi={r} /> }}
        />
      </Card>
      <CodeRoi />
      <CostForm open={adding} onClose={() => setAdding(false)} />
    </div>
  );
};
