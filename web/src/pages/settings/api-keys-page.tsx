import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type ApiKey, type Role, roles } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { StorePicker } from '../../components/pickers.tsx';
import { SecretOnceModal } from '../../components/secret-once-modal.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';

type Values = { name: string; role: Role; storeId?: string | null };

export const ApiKeysPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const { hasRole } = useAuth();
  const storeNames = namesById(useStoreScope().stores);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const keys = useQuery({
    queryKey: ['listApiKeys'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/api-keys'))).items,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['listApiKeys'] });
  const create = useMutation({
    mutationFn: (values: Values) => unwrap(api.POST('/api/v1/api-keys', { body: values })),
    onSuccess: async (created) => {
      setCreating(false);
      setSecret(created.key);
      await refresh();
    },
    onError: (error) => showError(error, form),
  });
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('apiKeys.revoked'));
      await refresh();
    },
    onError: (error) => showError(error),
  });
  return (
    <PageContainer
      title={t('apiKeys.title')}
      subtitle={t('apiKeys.subtitle')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Card size="small">
        <Table<ApiKey>
          rowKey="id"
          size="middle"
          loading={keys.isPending}
          dataSource={keys.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyHint description={t('apiKeys.empty')} /> }}
          columns={[
            { title: t('apiKeys.name'), dataIndex: 'name' },
            { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (p: string) => <code>ok_{p}_…</code> },
            {
              title: t('apiKeys.role'),
              render: (_, key) =>
                `${t(`role.${key.role}`)}${key.storeId ? ` · ${storeNames.get(key.storeId) ?? ''}` : ''}`,
            },
            { title: t('apiKeys.lastUsed'), dataIndex: 'lastUsedAt', render: formatTime },
            { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
            {
              title: '',
              width: 110,
              render: (_, key) =>
                key.revokedAt ? (
                  <Tag>{t('apiKeys.revokedAt', { at: formatTime(key.revokedAt) })}</Tag>
                ) : (
                  <Popconfirm
                    title={t('apiKeys.revokeConfirm')}
                    onConfirm={() => revoke.mutate(key.id)}
                    okButtonProps={{ danger: true }}
                  >
                    <Button type="link" danger size="small">
                      {t('apiKeys.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <FormModal
        open={creating}
        title={t('apiKeys.create')}
        onClose={() => setCreating(false)}
        onSubmit={() => form.submit()}
        busy={create.isPending}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ role: 'operator' }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="name"
            label={t('apiKeys.name')}
            rules={[{ required: true, max: 100 }]}
            extra={t('apiKeys.nameHelp')}
          >
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('apiKeys.role')}>
            <Select
              options={roles.map((r) => ({
                value: r,
                label: t(`role.${r}`),
                disabled: r === 'owner' && !hasRole('owner'),
              }))}
            />
          </Form.Item>
          {(role === 'store_manager' || role === 'guide') && (
            <Form.Item name="storeId" label={t('apiKeys.store')} rules={[{ required: true }]}>
              <StorePicker />
            </Form.Item>
          )}
        </Form>
      </FormModal>
      <SecretOnceModal title={t('apiKeys.created')} secret={secret} onClose={() => setSecret(null)} />
    </PageContainer>
  );
};
