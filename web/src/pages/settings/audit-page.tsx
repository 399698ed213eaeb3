import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { AuditEntry } from '../../api/types.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { JsonView } from '../../components/json-view.tsx';
import { namesById, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

export const AuditPage = () => {
  const { t, tryT } = useI18n();
  const [action, setAction] = useState('');
  const staffNames = namesById(useStaff().data);
  const {
    pages,
    query: log,
    items,
    nextCursor,
  } = usePagedQuery(
    ['listAuditLog', action],
    (page) =>
      unwrap(
        api.GET('/api/v1/audit-log', {
          params: { query: { action: action || undefined, ...page } },
        }),
      ),
    { size: 50 },
  );
  return (
    <PageContainer title={t('audit.title')} subtitle={t('audit.subtitle')}>
      <Card size="small">
        <Input.Search
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 260, marginBottom: 12 }}
          onSearch={(value) => {
            setAction(value.trim());
            pages.reset();
          }}
        />
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={log.isFetching}
          dataSource={items}
          pagination={false}
          expandable={{ expandedRowRender: (row) => <JsonView value={row.data} /> }}
          locale={{ emptyText: <EmptyHint description={t('audit.empty')} /> }}
          columns={[
            { title: t('audit.when'), dataIndex: 'createdAt', render: formatTime, width: 150 },
            {
              title: t('audit.actor'),
              render: (_, row) =>
                row.actor.type === 'staff' && row.actor.id
                  ? (staffNames.get(row.actor.id) ?? row.actor.id.slice(0, 8))
                  : t(`actor.${row.actor.type}`),
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (a: string) => <Tag>{tryT(`action.${a}`) ?? a}</Tag>,
            },
            {
              title: t('audit.target'),
              render: (_, row) =>
                row.targetType ? `${row.targetType} ${row.targetId?.slice(0, 8) ?? ''}` : '—',
            },
            { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
          ]}
        />
        <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      </Card>
    </PageContainer>
  );
};
