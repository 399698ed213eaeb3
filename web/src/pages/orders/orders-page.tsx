import { ApiOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { money } from '../analytics/analytics-data.ts';
import { ImportOrdersModal } from './import-orders-modal.tsx';
import { OrderForm } from './order-form.tsx';
import { RefundForm } from './refund-form.tsx';
import { WebhookModal } from './webhook-modal.tsx';

type Order = Schemas['Order'];

/** Orders as recorded (API, CSV, webhook, platform) with what they are attributed to; refunds; import. */
export const OrdersPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const { storeId, stores } = useStoreScope();
  const storeNames = namesById(stores);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [webhook, setWebhook] = useState(false);
  const [refunding, setRefunding] = useState<Order | null>(null);
  const { pages, query, items, nextCursor } = usePagedQuery(['listOrders', storeId], ({ limit, cursor }) =>
    unwrap(api.GET('/api/v1/orders', { params: { query: { limit, cursor, storeId } } })),
  );
  return (
    <PageContainer
      title={t('orders.title')}
      subtitle={t('orders.subtitle')}
      extra={
        <>
          {isAdmin && (
            <Button icon={<ApiOutlined />} onClick={() => setWebhook(true)} data-testid="orders-webhook">
              {t('orders.webhook')}
            </Button>
          )}
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="orders-import">
            {t('orders.import')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="order-create"
          >
            {t('orders.create')}
          </Button>
        </>
      }
    >
      <Card size="small">
        <Table<Order>
          rowKey="id"
          size="small"
          loading={query.isFetching}
          pagination={false}
          dataSource={items}
          data-testid="orders-table"
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <TableEmpty
                description={t('orders.empty')}
                create={{ label: t('orders.create'), onClick: () => setCreating(true) }}
              />
            ),
          }}
          columns={[
            { title: t('orders.externalId'), dataIndex: 'externalId' },
            { title: t('orders.orderedAt'), dataIndex: 'orderedAt', render: formatTime },
            {
              title: t('orders.member'),
              dataIndex: 'memberId',
              render: (id: string | null) =>
                id ? (
                  <Link to={`/members?member=${id}`}>{t('orders.openMember')}</Link>
                ) : (
                  <Typography.Text type="secondary">{t('orders.guest')}</Typography.Text>
                ),
            },
            {
              title: t('orders.store'),
              dataIndex: 'storeId',
              render: (id: string | null) => (id ? (storeNames.get(id) ?? '—') : '—'),
            },
            {
              title: t('orders.amount'),
              dataIndex: 'amountCents',
              align: 'right',
              render: (cents: number, row) => money(cents, row.currency),
            },
            {
              title: t('orders.refunded'),
              dataIndex: 'refundedCents',
              align: 'right',
              render: (cents: number, row) => (cents > 0 ? money(cents, row.currency) : '—'),
            },
            {
              title: t('orders.source'),
              dataIndex: 'source',
              render: (s: Order['source']) => <Tag>{t(`orders.source.${s}`)}</Tag>,
            },
            {
              title: '',
              key: 'actions',
              align: 'right',
              render: (_, row) =>
                row.refundedCents < row.amountCents && (
                  <Button
                    size="small"
                    onClick={() => setRefunding(row)}
                    data-testid={`refund-${row.externalId}`}
                  >
                    {t('orders.refund')}
                  </Button>
                ),
            },
          ]}
        />
        <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      </Card>
      <OrderForm open={creating} onClose={() => setCreating(false)} />
      <RefundForm order={refunding} onClose={() => setRefunding(null)} />
      <ImportOrdersModal open={importing} onClose={() => setImporting(false)} />
      {isAdmin && <WebhookModal open={webhook} onClose={() => setWebhook(false)} />}
    </PageContainer>
  );
};
