import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { KeywordRule } from '../../api/types.ts';
import { namesById, useSeries, useStores } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { KeywordForm } from './keyword-form.tsx';

export const KeywordsPage = () => {
  const { t, tryT } = useI18n();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ rule?: KeywordRule } | null>(null);
  const rules = useQuery({
    queryKey: ['listKeywordRules'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/keyword-rules'))).items,
  });
  const storeNames = namesById(useStores().data);
  const seriesNames = new Map((useSeries().data ?? []).map((s) => [s.id, s.nameTemplate]));
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['listKeywordRules'] });

  const toggle = useMutation({
    mutationFn: (rule: KeywordRule) =>
      unwrap(
        api.PATCH('/api/v1/keyword-rules/{id}', {
          params: { path: { id: rule.id } },
          body: { isEnabled: !rule.isEnabled },
        }),
      ),
    onSuccess: refresh,
    onError: (error) => showError(error),
  });
  const remove = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/keyword-rules/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('keywords.deleted'));
      await refresh();
    },
    onError: (error) => showError(error),
  });

  const scopeLabel = (scope: KeywordRule['scope']) => {
    const kind = tryT(`scope.${scope.kind}`) ?? scope.kind;
    if (!scope.id) return kind;
    const name =
      scope.kind === 'store'
        ? storeNames.get(scope.id)
        : scope.kind === 'series'
          ? seriesNames.get(scope.id)
          : undefined;
    return `${kind}: ${name ?? scope.id.slice(0, 8)}`;
  };

  return (
    <PageContainer
      title={t('keywords.title')}
      subtitle={t('keywords.subtitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({})}
          data-testid="keyword-create"
        >
          {t('keywords.create')}
        </Button>
      }
    >
      <Card size="small">
        <Table<KeywordRule>
          rowKey="id"
          size="middle"
          loading={rules.isPending}
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <TableEmpty
                isPending={rules.isPending}
                description={t('keywords.empty')}
                create={{ label: t('keywords.create'), onClick: () => setEditing({}) }}
              />
            ),
          }}
          columns={[
            {
              title: t('keywords.name'),
              dataIndex: 'name',
              render: (name: string, rule) => (
                <Typography.Link onClick={() => setEditing({ rule })}>{name}</Typography.Link>
              ),
            },
            {
              title: t('keywords.pattern'),
              render: (_, rule) => (
                <Space size={4}>
                  <Tag>{t(`matchMode.${rule.matchMode}`)}</Tag>
                  <Typography.Text code>{rule.pattern}</Typography.Text>
                </Space>
              ),
            },
            { title: t('keywords.scope'), render: (_, rule) => scopeLabel(rule.scope) },
            {
              title: t('keywords.reply'),
              render: (_, rule) => (
                <Typography.Text ellipsis style={{ maxWidth: 260 }}>
                  {rule.reply.text ??
                    t('keywords.attachmentsOnly', { n: rule.reply.attachments?.length ?? 0 })}
                </Typography.Text>
              ),
            },
            {
              title: t('keywords.tagNames'),
              dataIndex: 'tagNames',
              render: (names: string[]) => (names.length ? names.map((n) => <Tag key={n}>{n}</Tag>) : '—'),
            },
            { title: t('keywords.cooldown'), dataIndex: 'cooldownSeconds', render: (s: number) => `${s}s` },
            { title: t('keywords.priority'), dataIndex: 'priority' },
            {
              title: t('keywords.enabled'),
              dataIndex: 'isEnabled',
              render: (on: boolean, rule) => (
                <Switch
                  size="small"
                  checked={on}
                  loading={toggle.isPending}
                  onChange={() => toggle.mutate(rule)}
                />
              ),
            },
            {
              title: '',
              width: 80,
              render: (_, rule) => (
                <Popconfirm
                  title={t('keywords.deleteConfirm')}
                  onConfirm={() => remove.mutate(rule.id)}
                  okButtonProps={{ danger: true }}
                >
                  <Button type="link" danger size="small">
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <KeywordForm open={editing !== null} rule={editing?.rule} onClose={() => setEditing(null)} />
    </PageContainer>
  );
};
