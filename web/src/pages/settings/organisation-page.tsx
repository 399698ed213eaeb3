import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Store } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatDate } from '../../components/format.ts';
import { namesById, useRegions, useStores } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { StoreForm } from './store-form.tsx';

const RegionsCard = () => {
  const t = useT();
  const showError = useServerErrors();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { isAdmin } = useAuth();
  const regions = useRegions();
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation({
    mutationFn: (values: { name: string }) => unwrap(api.POST('/api/v1/regions', { body: values })),
    onSuccess: async () => {
      message.success(t('common.saved'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['listRegions'] });
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Card title={t('regions.title')} style={{ height: '100%' }}>
      {regions.data?.length === 0 && <EmptyHint description={t('regions.empty')} />}
      {(regions.data ?? []).map((region) => (
        <div key={region.id} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          {region.name}
        </div>
      ))}
      {isAdmin && (
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => create.mutate(values)}
          style={{ marginTop: 12 }}
        >
          <Form.Item name="name" rules={[{ required: true, max: 100 }]} style={{ flex: 1 }}>
            <Input placeholder={t('regions.name')} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={create.isPending}>
            {t('common.add')}
          </Button>
        </Form>
      )}
    </Card>
  );
};

export const OrganisationPage = () => {
  const t = useT();
  const { me, isAdmin } = useAuth();
  const stores = useStores();
  const regionNames = namesById(useRegions().data);
  const [editing, setEditing] = useState<{ store?: Store } | null>(null);
  return (
    <PageContainer title={t('organisation.title')} subtitle={t('organisation.subtitle')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('organisation.brand')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('organisation.brandName')}>{me?.tenant.name}</Descriptions.Item>
              <Descriptions.Item label={t('organisation.slug')}>
                <Typography.Text code>{me?.tenant.slug}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('organisation.yourRoles')}>
                {(me?.roles ?? []).map((role) => t(`role.${role}`)).join(', ')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <RegionsCard />
        </Col>
      </Row>
      <Card
        title={t('stores.title')}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('stores.create')}
            </Button>
          )
        }
      >
        <Table<Store>
          rowKey="id"
          size="middle"
          loading={stores.isPending}
          dataSource={stores.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <TableEmpty
                description={t('stores.empty')}
                create={
                  isAdmin && { label: t('stores.create'), onClick: () => setEditing({}), isPrimary: false }
                }
              />
            ),
          }}
          columns={[
            { title: t('stores.code'), dataIndex: 'code', width: 100 },
            { title: t('stores.name'), dataIndex: 'name' },
            {
              title: t('stores.region'),
              dataIndex: 'regionId',
              render: (id: string | null) => (id ? regionNames.get(id) : '—'),
            },
            { title: t('stores.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
            { title: t('common.created'), dataIndex: 'createdAt', render: formatDate },
            {
              title: '',
              width: 80,
              render: (_, store) =>
                isAdmin && (
                  <Button type="link" size="small" onClick={() => setEditing({ store })}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <StoreForm open={editing !== null} store={editing?.store} onClose={() => setEditing(null)} />
    </PageContainer>
  );
};
