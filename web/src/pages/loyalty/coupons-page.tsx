import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Coupon, CouponTemplate, Schemas } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { formatDate, formatTime } from '../../components/format.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { StorePicker } from '../../components/pickers.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { VoidCouponModal } from './void-coupon-modal.tsx';

export const couponKinds = ['fixed', 'threshold', 'percent', 'gift'] as const;
const couponStatuses = ['issued', 'redeemed', 'voided', 'expired'] as const satisfies Coupon['status'][];
type IssuedCoupon = Schemas['IssuedCoupon'];

type Values = {
  name: string;
  kind: CouponTemplate['kind'];
  amountYuan?: number;
  thresholdYuan?: number;
  percentOff?: number;
  maxDiscountYuan?: number;
  giftName?: string;
  costYuan?: number;
  validityKind: 'relative' | 'absolute';
  days?: number;
  range?: [Dayjs, Dayjs];
  totalStock?: number | null;
  perMemberLimit?: number | null;
  storeIds?: string[];
};

const cents = (yuan: number | undefined) =>
  yuan === undefined || yuan === null ? undefined : Math.round(yuan * 100);

/** The API speaks cents; the form speaks yuan. */
const fieldOfPath = {
  amountCents: 'amountYuan',
  thresholdCents: 'thresholdYuan',
  maxDiscountCents: 'maxDiscountYuan',
  costCents: 'costYuan',
  'validity.days': 'days',
  'validity.validUntil': 'range',
};

const TemplateForm = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const validityKind = Form.useWatch('validityKind', form);
  const save = useSave({
    save: (v: Values) =>
      unwrap(
        api.POST('/api/v1/coupon-templates', {
          body: {
            name: v.name,
            kind: v.kind,
            amountCents: kind === 'fixed' || kind === 'threshold' ? cents(v.amountYuan) : undefined,
            thresholdCents: kind === 'threshold' ? cents(v.thresholdYuan) : undefined,
            percentOff: kind === 'percent' ? v.percentOff : undefined,
            maxDiscountCents: kind === 'percent' ? cents(v.maxDiscountYuan) : undefined,
            giftName: kind === 'gift' ? v.giftName : undefined,
            costCents: cents(v.costYuan) ?? 0,
            validity:
              v.validityKind === 'relative'
                ? { kind: 'relative', days: v.days ?? 30 }
                : {
                    kind: 'absolute',
                    validFrom: v.range?.[0].startOf('day').toISOString(),
                    validUntil: v.range?.[1].endOf('day').toISOString() ?? '',
                  },
            totalStock: v.totalStock ?? null,
            perMemberLimit: v.perMemberLimit ?? null,
            storeIds: v.storeIds ?? [],
          },
        }),
      ),
    invalidates: [['listCouponTemplates']],
    form,
    onSaved: onClose,
    aliases: fieldOfPath,
  });
  const yuan = (name: keyof Values, label: string, required = true) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true }] : []}>
      <InputNumber min={0.01} step={1} prefix="¥" style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('coupons.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'fixed', validityKind: 'relative', days: 30, costYuan: 0 }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('coupons.name')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder={t('coupons.nameHint')} data-testid="coupon-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('coupons.kind')}>
          <Radio.Group
            optionType="button"
            options={couponKinds.map((k) => ({ value: k, label: t(`couponKind.${k}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          {(kind === 'fixed' || kind === 'threshold') && (
            <Col span={12}>{yuan('amountYuan', t('coupons.amount'))}</Col>
          )}
          {kind === 'threshold' && <Col span={12}>{yuan('thresholdYuan', t('coupons.threshold'))}</Col>}
          {kind === 'percent' && (
            <>
              <Col span={12}>
                <Form.Item name="percentOff" label={t('coupons.percentOff')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={99} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>{yuan('maxDiscountYuan', t('coupons.maxDiscount'), false)}</Col>
            </>
          )}
          {kind === 'gift' && (
            <Col span={12}>
              <Form.Item name="giftName" label={t('coupons.giftName')} rules={[{ required: true, max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="costYuan" label={t('coupons.cost')} tooltip={t('coupons.costHelp')}>
              <InputNumber min={0} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="validityKind" label={t('coupons.validity')}>
          <Radio.Group
            options={[
              { value: 'relative', label: t('coupons.validityRelative') },
              { value: 'absolute', label: t('coupons.validityAbsolute') },
            ]}
          />
        </Form.Item>
        {validityKind === 'absolute' ? (
          <Form.Item name="range" label={t('coupons.validDates')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="days" label={t('coupons.validDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="totalStock" label={t('coupons.stock')} tooltip={t('coupons.unlimitedHelp')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="perMemberLimit"
              label={t('coupons.perMember')}
              tooltip={t('coupons.unlimitedHelp')}
            >
              <InputNumber min={1} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="storeIds" label={t('coupons.stores')} extra={t('coupons.storesHelp')}>
          <StorePicker mode="multiple" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
};

/** Coupon templates: what a coupon is worth and how long it lasts; welcomes, rewards and the mall issue from them. */
const couponColors: Record<Coupon['status'], string> = {
  issued: 'green',
  redeemed: 'blue',
  voided: 'default',
  expired: 'orange',
};

/** Every coupon issued (store roles: to their stores' members), filtered by status and template; void an unused one. */
const IssuedTab = () => {
  const { t, tryT } = useI18n();
  const { hasRole } = useAuth();
  const canVoid = hasRole('owner', 'operator', 'store_manager');
  const templates = useQuery(couponTemplatesQuery).data ?? [];
  const [status, setStatus] = useState<Coupon['status'] | undefined>();
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [voiding, setVoiding] = useState<IssuedCoupon | null>(null);
  const filter = { status, templateId };
  const { pages, query, items, nextCursor } = usePagedQuery(['listCoupons', filter], (page) =>
    unwrap(api.GET('/api/v1/coupons', { params: { query: { ...filter, ...page } } })),
  );
  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('coupons.allStatuses')}
          style={{ width: 180 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            pages.reset();
          }}
          options={couponStatuses.map((s) => ({ value: s, label: t(`couponStatus.${s}`) }))}
        />
        <Select
          allowClear
          placeholder={t('coupons.allTemplates')}
          style={{ width: 240 }}
          value={templateId}
          onChange={(v) => {
            setTemplateId(v);
            pages.reset();
          }}
          options={templates.map((c) => ({ value: c.id, label: c.name }))}
        />
      </Space>
      <Table<IssuedCoupon>
        rowKey="id"
        size="middle"
        data-testid="issued-coupons"
        loading={query.isPending}
        dataSource={items}
        pagination={false}
        locale={{
          emptyText: <TableEmpty isPending={query.isPending} description={t('coupons.noneIssued')} />,
        }}
        columns={[
          {
            title: t('memberLoyalty.code'),
            dataIndex: 'code',
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          { title: t('coupons.name'), dataIndex: 'templateName' },
          { title: t('mass.member'), dataIndex: 'memberName' },
          {
            title: t('coupons.status'),
            dataIndex: 'status',
            render: (s: Coupon['status']) => <Tag color={couponColors[s]}>{t(`couponStatus.${s}`)}</Tag>,
          },
          {
            title: t('coupons.source'),
            dataIndex: 'source',
            render: (s: string) => tryT(`couponSource.${s}`) ?? s,
          },
          { title: t('coupons.issuedAt'), dataIndex: 'issuedAt', render: formatTime },
          { title: t('memberLoyalty.validUntil'), dataIndex: 'validUntil', render: formatDate },
          {
            title: '',
            width: 90,
            render: (_, c) =>
              canVoid &&
              c.status === 'issued' && (
                <Button type="link" danger size="small" onClick={() => setVoiding(c)}>
                  {t('memberLoyalty.void')}
                </Button>
              ),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      <VoidCouponModal coupon={voiding} onClose={() => setVoiding(null)} />
    </Card>
  );
};

export const CouponsPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const templates = useQuery(couponTemplatesQuery);
  const [creating, setCreating] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'issued' ? 'issued' : 'templates';
  const templatesCard = (
    <Card size="small">
      <Table<CouponTemplate>
        rowKey="id"
        size="middle"
        loading={templates.isPending}
        dataSource={templates.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={templates.isPending}
              description={t('coupons.empty')}
              create={isAdmin && { label: t('coupons.create'), onClick: () => setCreating(true) }}
            />
          ),
        }}
        columns={[
          { title: t('coupons.name'), dataIndex: 'name' },
          {
            title: t('coupons.kind'),
            dataIndex: 'kind',
            render: (k: CouponTemplate['kind']) => <Tag>{t(`couponKind.${k}`)}</Tag>,
          },
          { title: t('coupons.value'), dataIndex: 'description' },
          {
            title: t('coupons.validity'),
            render: (_, c) =>
              c.validity.kind === 'relative'
                ? t('coupons.daysAfterIssue', { n: c.validity.days ?? 0 })
                : `${formatDate(c.validity.validFrom)} – ${formatDate(c.validity.validUntil)}`,
          },
          {
            title: t('coupons.issued'),
            render: (_, c) => (c.totalStock === null ? c.issuedCount : `${c.issuedCount} / ${c.totalStock}`),
            align: 'right',
          },
          {
            title: t('coupons.perMember'),
            dataIndex: 'perMemberLimit',
            render: (n: number | null) => n ?? '—',
          },
          {
            title: t('coupons.status'),
            dataIndex: 'isActive',
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'default'}>{t(on ? 'coupons.active' : 'coupons.inactive')}</Tag>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('coupons.issuedHelp')}
      </Typography.Text>
    </Card>
  );
  return (
    <PageContainer
      title={t('coupons.title')}
      subtitle={t('coupons.subtitle')}
      extra={
        isAdmin &&
        tab === 'templates' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="coupon-create"
          >
            {t('coupons.create')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'issued' ? { tab: 'issued' } : {})}
        items={[
          { key: 'templates', label: t('coupons.templates'), children: templatesCard },
          { key: 'issued', label: t('coupons.issuedTab'), children: <IssuedTab /> },
        ]}
      />
      <TemplateForm open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
};
