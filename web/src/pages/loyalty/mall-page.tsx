import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Segmented,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Fulfilment, MallItem } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useStores } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { levelsQuery } from './loyalty-page.tsx';

const mallItemsQuery = {
  queryKey: ['listMallItems'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/mall/items'))).items,
};

type Values = {
  name: string;
  description?: string;
  imageUrl?: string;
  kind: MallItem['kind'];
  pointsPrice: number;
  stock?: number | null;
  perMemberLimit?: number | null;
  minLevelId?: string | null;
  couponTemplateId?: string | null;
  fulfilmentMethods?: MallItem['fulfilmentMethods'];
  isActive: boolean;
};

const ItemForm = ({ item, onClose }: { item: MallItem | null | undefined; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const coupons = useQuery(couponTemplatesQuery).data ?? [];
  const levels = useQuery(levelsQuery).data ?? [];
  useEffect(() => {
    if (item === undefined) return;
    form.resetFields();
    if (item) {
      form.setFieldsValue({
        ...item,
        description: item.description ?? undefined,
        imageUrl: item.imageUrl ?? undefined,
      });
    }
  }, [item, form]);
  const save = useSave({
    save: (v: Values) => {
      const common = {
        name: v.name,
        description: v.description?.trim() || null,
        imageUrl: v.imageUrl?.trim() || null,
        pointsPrice: v.pointsPrice,
        stock: v.stock ?? null,
        perMemberLimit: v.perMemberLimit ?? null,
        minLevelId: v.minLevelId ?? null,
        isActive: v.isActive,
      };
      if (item) {
        return unwrap(
          api.PATCH('/api/v1/mall/items/{id}', { params: { path: { id: item.id } }, body: common }),
        );
      }
      return unwrap(
        api.POST('/api/v1/mall/items', {
          body: {
            ...common,
            kind: v.kind,
            couponTemplateId: v.kind === 'coupon' ? (v.couponTemplateId ?? null) : null,
            fulfilmentMethods: v.kind === 'physical' ? (v.fulfilmentMethods ?? []) : [],
          },
        }),
      );
    },
    invalidates: [['listMallItems']],
    form,
    onSaved: onClose,
  });
  return (
    <FormDrawer
      open={item !== undefined}
      onClose={onClose}
      title={t(item ? 'mall.edit' : 'mall.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'physical', isActive: true, fulfilmentMethods: ['pickup'] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('mall.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('mall.kind')}>
          <Radio.Group
            disabled={!!item}
            optionType="button"
            options={(['physical', 'coupon', 'virtual'] as const).map((k) => ({
              value: k,
              label: t(`mallKind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'coupon' && (
          <Form.Item name="couponTemplateId" label={t('welcome.couponTemplate')} rules={[{ required: true }]}>
            <Select disabled={!!item} options={coupons.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        )}
        {kind === 'physical' && (
          <Form.Item name="fulfilmentMethods" label={t('mall.methods')} rules={[{ required: true }]}>
            <Checkbox.Group
              disabled={!!item}
              options={(['pickup', 'shipping'] as const).map((m) => ({
                value: m,
                label: t(`fulfilMethod.${m}`),
              }))}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="pointsPrice" label={t('mall.price')} rules={[{ required: true }]}>
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="stock" label={t('coupons.stock')} tooltip={t('coupons.unlimitedHelp')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="perMemberLimit"
              label={t('coupons.perMember')}
              tooltip={t('coupons.unlimitedHelp')}
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="minLevelId" label={t('mall.minLevel')}>
          <Select allowClear options={levels.map((l) => ({ value: l.id, label: l.name }))} />
        </Form.Item>
        <Form.Item name="description" label={t('mall.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="imageUrl" label={t('welcome.imageUrl')} rules={[{ type: 'url' }]}>
          <Input placeholder="https://…" />
        </Form.Item>
        <Form.Item name="isActive" label={t('mall.onShelf')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
};

const ItemsTab = ({ canEdit }: { canEdit: boolean }) => {
  const t = useT();
  const items = useQuery(mallItemsQuery);
  const [editing, setEditing] = useState<MallItem | null | undefined>(undefined);
  return (
    <Card
      size="small"
      title={t('mall.items')}
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="mall-create">
            {t('mall.create')}
          </Button>
        )
      }
    >
      <Table<MallItem>
        rowKey="id"
        size="middle"
        loading={items.isPending}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={items.isPending}
              description={t('mall.empty')}
              create={canEdit && { label: t('mall.create'), onClick: () => setEditing(null) }}
            />
          ),
        }}
        columns={[
          {
            title: t('mall.name'),
            dataIndex: 'name',
            render: (name: string, item) =>
              canEdit ? <Typography.Link onClick={() => setEditing(item)}>{name}</Typography.Link> : name,
          },
          {
            title: t('mall.kind'),
            dataIndex: 'kind',
            render: (k: MallItem['kind']) => <Tag>{t(`mallKind.${k}`)}</Tag>,
          },
          { title: t('mall.price'), dataIndex: 'pointsPrice', align: 'right' },
          {
            title: t('mall.redeemed'),
            render: (_, i) => (i.stock === null ? i.redeemedCount : `${i.redeemedCount} / ${i.stock}`),
            align: 'right',
          },
          {
            title: t('coupons.status'),
            dataIndex: 'isActive',
            render: (on: boolean) => (
              <Tag color={on ? 'green' : 'default'}>{t(on ? 'mall.onShelf' : 'mall.offShelf')}</Tag>
            ),
          },
        ]}
      />
      <ItemForm item={editing} onClose={() => setEditing(undefined)} />
    </Card>
  );
};

/** Physical items members redeemed, to hand over at a store or ship; store roles see their stores' pickups. */
const FulfilmentsTab = () => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Fulfilment['status']>('pending');
  const storeNames = namesById(useStores().data);
  const itemNames = namesById(useQuery(mallItemsQuery).data);
  const list = useQuery({
    queryKey: ['listFulfilments', status],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/fulfilments', { params: { query: { status, limit: 200 } } }))).items,
  });
  const complete = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/fulfilments/{id}/complete', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('mall.handedOver'));
      await queryClient.invalidateQueries({ queryKey: ['listFulfilments'] });
    },
    onError: (error) => showError(error),
  });
  return (
    <Card
      size="small"
      title={t('mall.fulfilments')}
      extra={
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as Fulfilment['status'])}
          options={[
            { value: 'pending', label: t('fulfilStatus.pending') },
            { value: 'done', label: t('fulfilStatus.done') },
          ]}
        />
      }
    >
      <Table<Fulfilment>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <TableEmpty isPending={list.isPending} description={t(`mall.noFulfilments.${status}`)} />
          ),
        }}
        columns={[
          { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
          {
            title: t('mall.item'),
            dataIndex: 'itemId',
            render: (id: string) => itemNames.get(id) ?? id.slice(0, 8),
          },
          {
            title: t('mall.method'),
            dataIndex: 'method',
            render: (m: Fulfilment['method']) => t(`fulfilMethod.${m}`),
          },
          {
            title: t('mall.where'),
            render: (_, f) => (f.storeId ? (storeNames.get(f.storeId) ?? '—') : (f.address ?? '—')),
          },
          status === 'done'
            ? { title: t('mall.completedAt'), dataIndex: 'completedAt', render: formatTime }
            : {
                title: '',
                width: 140,
                render: (_, f) => (
                  <Popconfirm title={t('mall.markDoneConfirm')} onConfirm={() => complete.mutate(f.id)}>
                    <Button size="small" type="primary" loading={complete.isPending}>
                      {t('mall.markDone')}
                    </Button>
                  </Popconfirm>
                ),
              },
        ]}
      />
    </Card>
  );
};

/** The points mall: what members can redeem their points for, and the hand-over queue. */
export const MallPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'fulfilments' ? 'fulfilments' : 'items';
  return (
    <PageContainer title={t('mall.title')} subtitle={t('mall.subtitle')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'fulfilments' ? { tab: 'fulfilments' } : {})}
        items={[
          { key: 'items', label: t('mall.items'), children: <ItemsTab canEdit={isAdmin} /> },
          { key: 'fulfilments', label: t('mall.fulfilments'), children: <FulfilmentsTab /> },
        ]}
      />
    </PageContainer>
  );
};
