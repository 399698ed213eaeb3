import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Input,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { eventStatuses, type InboundEvent, type OutboundMessage, outboundStatuses } from '../../api/types.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { JsonView } from '../../components/json-view.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { StatusTag } from './status-tag.tsx';

type Row = { id: number; status: string; attempts: number; lastError: string | null; payload: unknown };
type Query = { status?: string; type?: string; limit: number; cursor?: number };

/** What differs between the inbound and the outbound list; the filters, paging and retry are shared. */
type ListSpec<T extends Row> = {
  key: string;
  statuses: readonly string[];
  empty: MessageKey;
  fetchPage: (query: Query) => Promise<{ items: T[]; nextCursor: string | null }>;
  retry: (id: number) => Promise<unknown>;
  columns: TableColumnsType<T>;
};

const OperationsList = <T extends Row>({ spec }: { spec: ListSpec<T> }) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const {
    pages,
    query: list,
    items,
    nextCursor,
  } = usePagedQuery(
    [spec.key, status, type],
    (page) =>
      spec.fetchPage({
        status: status || undefined,
        type: type || undefined,
        limit: page.limit,
        cursor: page.cursor ? Number(page.cursor) : undefined,
      }),
    { size: 50, refetchInterval: 5000 },
  );
  const retry = useMutation({
    mutationFn: spec.retry,
    onSuccess: async () => {
      message.success(t('operations.retried'));
      await queryClient.invalidateQueries({ queryKey: [spec.key] });
    },
    onError: (error) => showError(error),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(String(value));
            pages.reset();
          }}
          options={[
            { value: '', label: t('operations.all') },
            ...spec.statuses.map((s) => ({ value: s, label: <StatusTag status={s} /> })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('operations.type')}
          style={{ width: 220 }}
          onSearch={(value) => {
            setType(value.trim());
            pages.reset();
          }}
        />
      </Space>
      <Table<T>
        rowKey="id"
        size="small"
        loading={list.isFetching && list.isPlaceholderData}
        dataSource={items}
        pagination={false}
        expandable={{
          expandedRowRender: (row) => (
            <>
              {row.lastError && <Typography.Paragraph type="danger">{row.lastError}</Typography.Paragraph>}
              <JsonView value={row.payload} />
            </>
          ),
        }}
        locale={{ emptyText: <EmptyHint description={t(spec.empty)} /> }}
        columns={[
          { title: '#', dataIndex: 'id', width: 80 },
          ...spec.columns,
          {
            title: t('operations.status'),
            dataIndex: 'status',
            render: (s: string) => <StatusTag status={s} />,
          },
          { title: t('operations.attempts'), dataIndex: 'attempts', width: 90 },
          {
            title: '',
            width: 90,
            render: (_, row) =>
              row.status === 'failed' && (
                <Button size="small" icon={<ReloadOutlined />} onClick={() => retry.mutate(row.id)}>
                  {t('operations.retry')}
                </Button>
              ),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
    </>
  );
};

const code = (value: string) => <code>{value}</code>;

export const OperationsPage = () => {
  const t = useT();
  const events: ListSpec<InboundEvent> = {
    key: 'listInboundEvents',
    statuses: eventStatuses,
    empty: 'operations.noEvents',
    fetchPage: (query) =>
      unwrap(
        api.GET('/api/v1/events', {
          params: { query: { ...query, status: query.status as InboundEvent['status'] } },
        }),
      ),
    retry: (id) => unwrap(api.POST('/api/v1/events/{id}/retry', { params: { path: { id } } })),
    columns: [
      { title: t('operations.type'), dataIndex: 'type', render: code },
      { title: t('operations.received'), dataIndex: 'receivedAt', render: formatTime },
      { title: t('operations.processed'), dataIndex: 'processedAt', render: formatTime },
    ],
  };
  const outbound: ListSpec<OutboundMessage> = {
    key: 'listOutboundMessages',
    statuses: outboundStatuses,
    empty: 'operations.noOutbound',
    fetchPage: (query) =>
      unwrap(
        api.GET('/api/v1/outbound-messages', {
          params: { query: { ...query, status: query.status as OutboundMessage['status'] } },
        }),
      ),
    retry: (id) => unwrap(api.POST('/api/v1/outbound-messages/{id}/retry', { params: { path: { id } } })),
    columns: [
      { title: t('operations.kind'), dataIndex: 'kind', render: code },
      {
        title: t('operations.cause'),
        dataIndex: 'sourceEventId',
        render: (id: number | null) => (id ? `#${id}` : '—'),
      },
      { title: t('common.created'), dataIndex: 'createdAt', render: formatTime },
      { title: t('operations.sent'), dataIndex: 'sentAt', render: formatTime },
    ],
  };
  return (
    <PageContainer title={t('operations.title')} subtitle={t('operations.subtitle')}>
      <Card size="small">
        <Tabs
          items={[
            { key: 'events', label: t('operations.events'), children: <OperationsList spec={events} /> },
            {
              key: 'outbound',
              label: t('operations.outbound'),
              children: <OperationsList spec={outbound} />,
            },
          ]}
        />
      </Card>
    </PageContainer>
  );
};
