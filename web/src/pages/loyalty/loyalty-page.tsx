import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Skeleton,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Level, LoyaltySettings } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';

type Rules = LoyaltySettings['rules'];
type Expiry = NonNullable<Rules['points']['expiry']>;
type RuleValues = {
  rules: Omit<Rules, 'points'> & { points: Omit<Rules['points'], 'expiry'> };
  expiryKind: Expiry['kind'];
  expiryDays?: number;
  timeZone: string;
};

export const levelsQuery = {
  queryKey: ['listLevels'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/loyalty/levels'))).items,
};

const useCouponOptions = () =>
  (useQuery(couponTemplatesQuery).data ?? []).map((c) => ({ value: c.id, label: c.name }));

const BonusList = ({ name, unit }: { name: 'streakBonuses' | 'milestones'; unit: 'day' | 'total' }) => {
  const t = useT();
  const coupons = useCouponOptions();
  return (
    <Form.List name={['rules', 'checkin', name]}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Row key={field.key} gutter={8}>
              <Col span={6}>
                <Form.Item name={[field.name, unit]} rules={[{ required: true }]}>
                  <InputNumber min={1} addonBefore={t(`loyalty.${unit}`)} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={[field.name, 'points']}>
                  <InputNumber min={0} addonAfter={t('loyalty.pointsUnit')} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={[field.name, 'couponTemplateId']}>
                  <Select allowClear placeholder={t('loyalty.plusCoupon')} options={coupons} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ [unit]: unit === 'day' ? 7 : 10, points: 10 })}
          >
            {t('common.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
};

/** How members earn points, check in, and move up: one form over the brand's loyalty rules. */
const RulesTab = ({ canEdit }: { canEdit: boolean }) => {
  const t = useT();
  const [form] = Form.useForm<RuleValues>();
  const expiryKind = Form.useWatch('expiryKind', form);
  const settings = useQuery({
    queryKey: ['getLoyaltySettings'],
    queryFn: () => unwrap(api.GET('/api/v1/loyalty/settings')),
  });
  useEffect(() => {
    if (!settings.data) return;
    const { expiry, ...points } = settings.data.rules.points;
    form.setFieldsValue({
      rules: { ...settings.data.rules, points },
      expiryKind: expiry?.kind ?? 'end_of_next_year',
      expiryDays: expiry?.kind === 'after_days' ? expiry.days : 365,
      timeZone: settings.data.timeZone,
    });
  }, [settings.data, form]);
  const save = useSave({
    save: (v: RuleValues) => {
      const expiry: Expiry =
        v.expiryKind === 'after_days'
          ? { kind: 'after_days', days: v.expiryDays ?? 365 }
          : { kind: v.expiryKind };
      const base = settings.data!.rules;
      const rules: Rules = {
        points: { ...base.points, ...v.rules.points, expiry },
        checkin: {
          ...base.checkin,
          ...v.rules.checkin,
          ack: { ...base.checkin.ack, ...v.rules.checkin.ack },
        },
        levels: { ...base.levels, ...v.rules.levels },
      };
      return unwrap(api.PUT('/api/v1/loyalty/settings', { body: { rules, timeZone: v.timeZone } }));
    },
    invalidates: [['getLoyaltySettings']],
    form,
  });
  if (settings.isPending) return <Skeleton active />;
  const n = (name: (string | number)[], label: string, extra?: { min?: number; tooltip?: string }) => (
    <Form.Item name={name} label={label} tooltip={extra?.tooltip} rules={[{ required: true }]}>
      <InputNumber min={extra?.min ?? 0} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Form<RuleValues> form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('loyalty.earning')}>
            <Row gutter={16}>
              <Col span={12}>{n(['rules', 'points', 'perCheckin'], t('loyalty.perCheckin'))}</Col>
              <Col span={12}>{n(['rules', 'points', 'perInvite'], t('loyalty.perInvite'))}</Col>
              <Col span={12}>{n(['rules', 'points', 'perOrderYuan'], t('loyalty.perOrderYuan'))}</Col>
              <Col span={12}>
                {n(['rules', 'points', 'pointValueCents'], t('loyalty.pointValue'), {
                  min: 1,
                  tooltip: t('loyalty.pointValueHelp'),
                })}
              </Col>
              <Col span={12}>
                <Form.Item name="expiryKind" label={t('loyalty.expiry')}>
                  <Select
                    options={(['never', 'end_of_next_year', 'after_days'] as const).map((k) => ({
                      value: k,
                      label: t(`expiry.${k}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                {expiryKind === 'after_days' && n(['expiryDays'], t('loyalty.expiryDays'), { min: 1 })}
              </Col>
              <Col span={12}>
                <Form.Item name="timeZone" label={t('loyalty.timeZone')} rules={[{ required: true }]}>
                  <Input placeholder="Asia/Shanghai" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title={t('loyalty.levelRules')} style={{ marginTop: 16 }}>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name={['rules', 'levels', 'basis']} label={t('loyalty.basis')}>
                  <Select
                    options={(['lifetime_points', 'spend'] as const).map((b) => ({
                      value: b,
                      label: t(`levelBasis.${b}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['rules', 'levels', 'isAnnounced']}
                  label={t('loyalty.announce')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name={['rules', 'levels', 'template']}
              label={t('loyalty.announceTemplate')}
              extra={t('welcome.placeholders', { list: '{name}, {level}' })}
            >
              <Input />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('loyalty.checkin')}>
            <Form.Item
              name={['rules', 'checkin', 'keywords']}
              label={t('loyalty.checkinKeywords')}
              extra={t('loyalty.checkinKeywordsHelp')}
            >
              <Select mode="tags" tokenSeparators={[',']} open={false} />
            </Form.Item>
            <Typography.Text strong>{t('loyalty.streakBonuses')}</Typography.Text>
            <div style={{ margin: '8px 0 16px' }}>
              <BonusList name="streakBonuses" unit="day" />
            </div>
            <Typography.Text strong>{t('loyalty.milestones')}</Typography.Text>
            <div style={{ margin: '8px 0 16px' }}>
              <BonusList name="milestones" unit="total" />
            </div>
            <Row gutter={16}>
              <Col span={12}>{n(['rules', 'checkin', 'makeupCardPrice'], t('loyalty.makeupCardPrice'))}</Col>
              <Col span={12}>
                {n(['rules', 'checkin', 'makeupWithinDays'], t('loyalty.makeupWithinDays'))}
              </Col>
              <Col span={12}>
                <Form.Item
                  name={['rules', 'checkin', 'ack', 'isEnabled']}
                  label={t('loyalty.ack')}
                  valuePropName="checked"
                >
                  <Switch />
                </Form.Item>
              </Col>
              <Col span={12}>{n(['rules', 'checkin', 'ack', 'windowSeconds'], t('loyalty.ackWindow'))}</Col>
            </Row>
            <Form.Item
              name={['rules', 'checkin', 'ack', 'template']}
              label={t('loyalty.ackTemplate')}
              extra={t('welcome.placeholders', { list: '{names}' })}
            >
              <Input />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      {canEdit && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="loyalty-save">
            {t('common.save')}
          </Button>
        </div>
      )}
    </Form>
  );
};

type LevelValues = Omit<Level, 'id'>;

const LevelForm = ({ level, onClose }: { level: Level | null | undefined; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<LevelValues>();
  const coupons = useCouponOptions();
  useEffect(() => {
    form.resetFields();
    if (level) form.setFieldsValue(level);
  }, [level, form]);
  const save = useSave({
    save: (v: LevelValues) => {
      const body = { ...v, monthlyCouponTemplateId: v.monthlyCouponTemplateId ?? null };
      return level
        ? unwrap(api.PATCH('/api/v1/loyalty/levels/{id}', { params: { path: { id: level.id } }, body }))
        : unwrap(api.POST('/api/v1/loyalty/levels', { body }));
    },
    invalidates: [['listLevels']],
    form,
    onSaved: onClose,
  });
  return (
    <Modal
      open={level !== undefined}
      title={t(level ? 'levels.edit' : 'levels.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<LevelValues>
        form={form}
        layout="vertical"
        initialValues={{ pointsMultiplierPercent: 100, hasMemberOnlyAccess: false }}
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="name" label={t('levels.name')} rules={[{ required: true, max: 50 }]}>
              <Input placeholder={t('levels.nameHint')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="rank"
              label={t('levels.rank')}
              tooltip={t('levels.rankHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="threshold"
              label={t('levels.threshold')}
              tooltip={t('levels.thresholdHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="pointsMultiplierPercent"
              label={t('levels.multiplier')}
              tooltip={t('levels.multiplierHelp')}
            >
              <InputNumber min={100} max={1000} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="monthlyCouponTemplateId" label={t('levels.monthlyCoupon')}>
          <Select allowClear options={coupons} />
        </Form.Item>
        <Form.Item name="hasMemberOnlyAccess" label={t('levels.memberOnly')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
};

const LevelsTab = ({ canEdit }: { canEdit: boolean }) => {
  const t = useT();
  const levels = useQuery(levelsQuery);
  const couponNames = new Map((useQuery(couponTemplatesQuery).data ?? []).map((c) => [c.id, c.name]));
  const [editing, setEditing] = useState<Level | null | undefined>(undefined);
  return (
    <Card
      size="small"
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('levels.create')}
          </Button>
        )
      }
      title={t('levels.title')}
    >
      <Table<Level>
        rowKey="id"
        size="middle"
        loading={levels.isPending}
        dataSource={[...(levels.data ?? [])].sort((a, b) => a.rank - b.rank)}
        pagination={false}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={levels.isPending}
              description={t('levels.empty')}
              create={canEdit && { label: t('levels.create'), onClick: () => setEditing(null) }}
            />
          ),
        }}
        columns={[
          { title: t('levels.rank'), dataIndex: 'rank', width: 80 },
          {
            title: t('levels.name'),
            dataIndex: 'name',
            render: (name: string, level) =>
              canEdit ? <Typography.Link onClick={() => setEditing(level)}>{name}</Typography.Link> : name,
          },
          { title: t('levels.threshold'), dataIndex: 'threshold', align: 'right' },
          {
            title: t('levels.multiplier'),
            dataIndex: 'pointsMultiplierPercent',
            render: (p: number) => `×${(p / 100).toFixed(2).replace(/\.?0+$/, '')}`,
          },
          {
            title: t('levels.monthlyCoupon'),
            dataIndex: 'monthlyCouponTemplateId',
            render: (id: string | null) => (id ? (couponNames.get(id) ?? '—') : '—'),
          },
          {
            title: t('levels.memberOnly'),
            dataIndex: 'hasMemberOnlyAccess',
            render: (on: boolean) => (on ? <Tag color="gold">{t('common.yes')}</Tag> : t('common.no')),
          },
        ]}
      />
      <LevelForm level={editing} onClose={() => setEditing(undefined)} />
    </Card>
  );
};

/** Points rules and member levels. Owners and operators change them; everyone may read. */
export const LoyaltyPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'levels' ? 'levels' : 'rules';
  return (
    <PageContainer title={t('loyalty.title')} subtitle={t('loyalty.subtitle')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'levels' ? { tab: 'levels' } : {})}
        items={[
          { key: 'rules', label: t('loyalty.rules'), children: <RulesTab canEdit={isAdmin} /> },
          { key: 'levels', label: t('levels.title'), children: <LevelsTab canEdit={isAdmin} /> },
        ]}
      />
    </PageContainer>
  );
};
