import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Coupon } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { formatDate, formatTime } from '../../components/format.ts';
import { useSave } from '../../components/use-save.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { VoidCouponModal } from '../loyalty/void-coupon-modal.tsx';

const couponColors: Record<Coupon['status'], string> = {
  issued: 'green',
  redeemed: 'blue',
  voided: 'default',
  expired: 'orange',
};

type AdjustValues = { points: number; reason: string };

const AdjustPoints = ({ memberId, onClose }: { memberId: string; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<AdjustValues>();
  const save = useSave({
    save: (v: AdjustValues) =>
      unwrap(
        api.POST('/api/v1/members/{id}/points/adjustments', {
          params: { path: { id: memberId } },
          body: { points: v.points, reason: v.reason, source: 'manual' },
        }),
      ),
    invalidates: [
      ['getMemberPoints', memberId],
      ['listMemberPointsHistory', memberId],
    ],
    form,
    onSaved: onClose,
  });
  return (
    <Modal
      open
      title={t('memberLoyalty.adjust')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="points"
          label={t('memberLoyalty.points')}
          extra={t('memberLoyalty.pointsHelp')}
          rules={[
            { required: true },
            {
              validator: async (_, v) =>
                v === 0 ? Promise.reject(new Error(t('memberLoyalty.notZero'))) : undefined,
            },
          ]}
        >
          <InputNumber style={{ width: '100%' }} data-testid="adjust-points" />
        </Form.Item>
        <Form.Item name="reason" label={t('memberLoyalty.reason')} rules={[{ required: true, max: 200 }]}>
          <Input placeholder={t('memberLoyalty.reasonHint')} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const IssueCoupon = ({ memberId, onClose }: { memberId: string; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<{ templateId: string }>();
  const templates = useQuery(couponTemplatesQuery).data ?? [];
  const save = useSave({
    save: (v: { templateId: string }) => unwrap(api.POST('/api/v1/coupons', { body: { memberId, ...v } })),
    invalidates: [['listMemberCoupons', memberId], ['listCouponTemplates']],
    form,
    onSaved: onClose,
  });
  return (
    <Modal
      open
      title={t('memberLoyalty.issue')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="templateId" label={t('welcome.couponTemplate')} rules={[{ required: true }]}>
          <Select
            options={templates
              .filter((c) => c.isActive)
              .map((c) => ({ value: c.id, label: `${c.name} · ${c.description}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** The member's points (balance, level, history, adjust by hand) and coupons (issue, void). */
export const MemberLoyalty = ({ memberId }: { memberId: string }) => {
  const t = useT();
  const { isAdmin, hasRole } = useAuth();
  const [adjusting, setAdjusting] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const canManageCoupons = hasRole('owner', 'operator', 'store_manager');
  const points = useQuery({
    queryKey: ['getMemberPoints', memberId],
    queryFn: () => unwrap(api.GET('/api/v1/members/{id}/points', { params: { path: { id: memberId } } })),
  });
  const history = useQuery({
    queryKey: ['listMemberPointsHistory', memberId],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/members/{id}/points/history', {
          params: { path: { id: memberId }, query: { limit: 20 } },
        }),
      ),
  });
  const coupons = useQuery({
    queryKey: ['listMemberCoupons', memberId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/members/{id}/coupons', { params: { path: { id: memberId } } }))).items,
  });
  const [voiding, setVoiding] = useState<Coupon | null>(null);
  const p = points.data;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        size="small"
        title={t('memberLoyalty.pointsTitle')}
        loading={points.isPending}
        extra={
          isAdmin && (
            <Button size="small" onClick={() => setAdjusting(true)} data-testid="adjust-open">
              {t('memberLoyalty.adjust')}
            </Button>
          )
        }
      >
        {p && (
          <Descriptions column={2} size="small">
            <Descriptions.Item label={t('memberLoyalty.balance')}>
              <Typography.Text strong data-testid="points-balance">
                {p.balance}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('memberLoyalty.lifetime')}>{p.lifetimePoints}</Descriptions.Item>
            <Descriptions.Item label={t('memberLoyalty.level')}>{p.level?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('memberLoyalty.next')}>
              {p.nextLevel
                ? t('memberLoyalty.toGo', { n: p.nextLevel.remaining, level: p.nextLevel.name })
                : '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
        <Table
          rowKey="id"
          size="small"
          loading={history.isPending}
          dataSource={history.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('memberLoyalty.noHistory') }}
          columns={[
            { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
            {
              title: t('memberLoyalty.points'),
              dataIndex: 'points',
              align: 'right',
              render: (n: number) => (
                <Typography.Text type={n < 0 ? 'danger' : 'success'}>{n > 0 ? `+${n}` : n}</Typography.Text>
              ),
            },
            { title: t('memberLoyalty.reason'), dataIndex: 'reason' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={t('memberLoyalty.coupons')}
        extra={
          canManageCoupons && (
            <Button size="small" onClick={() => setIssuing(true)}>
              {t('memberLoyalty.issue')}
            </Button>
          )
        }
      >
        <Table<Coupon>
          rowKey="id"
          size="small"
          loading={coupons.isPending}
          dataSource={coupons.data ?? []}
          pagination={false}
          locale={{ emptyText: t('memberLoyalty.noCoupons') }}
          columns={[
            { title: t('coupons.name'), dataIndex: 'templateName' },
            {
              title: t('memberLoyalty.code'),
              dataIndex: 'code',
              render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
            },
            {
              title: t('coupons.status'),
              dataIndex: 'status',
              render: (s: Coupon['status']) => <Tag color={couponColors[s]}>{t(`couponStatus.${s}`)}</Tag>,
            },
            { title: t('memberLoyalty.validUntil'), dataIndex: 'validUntil', render: formatDate },
            {
              title: '',
              render: (_, c) =>
                canManageCoupons &&
                c.status === 'issued' && (
                  <Button type="link" danger size="small" onClick={() => setVoiding(c)}>
                    {t('memberLoyalty.void')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {adjusting && <AdjustPoints memberId={memberId} onClose={() => setAdjusting(false)} />}
      {issuing && <IssueCoupon memberId={memberId} onClose={() => setIssuing(false)} />}
      <VoidCouponModal coupon={voiding} onClose={() => setVoiding(null)} />
    </Space>
  );
};
