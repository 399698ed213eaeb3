import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { namesById } from '../../components/lookups.ts';
import { type MessageKey, useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { type FunnelFigure, type Period, type Scope, scopeQuery } from './analytics-data.ts';

export type FunnelDrill = { figure: FunnelFigure; label: MessageKey };

const MembersList = ({ scope, period, figure }: { scope: Scope; period: Period; figure: FunnelFigure }) => {
  const t = useT();
  const storeNames = namesById(useStoreScope().stores);
  const { pages, query, items, nextCursor } = usePagedQuery(
    ['listFunnelMembers', scope, period, figure],
    ({ limit, cursor }) =>
      unwrap(
        api.GET('/api/v1/analytics/funnel/members', {
          params: { query: { ...scopeQuery(scope), ...period, figure, limit, cursor } },
        }),
      ),
  );
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={query.isFetching}
        pagination={false}
        dataSource={items}
        data-testid="funnel-members"
        locale={{ emptyText: <EmptyHint description={t('funnel.noMembers')} /> }}
        columns={[
          {
            title: t('funnel.member'),
            dataIndex: 'name',
            render: (name: string, row) => <Link to={`/members?member=${row.id}`}>{name}</Link>,
          },
          {
            title: t('funnel.store'),
            dataIndex: 'storeId',
            render: (id: string | null) => (id ? (storeNames.get(id) ?? '—') : '—'),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
    </>
  );
};

/** The members behind one funnel figure, paged by the server, each linking to the member. */
export const FunnelMembersDrawer = ({
  scope,
  period,
  drill,
  onClose,
}: {
  scope: Scope;
  period: Period;
  drill: FunnelDrill | null;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size="large"
      title={drill ? t(drill.label) : ''}
      destroyOnHidden
      extra={
        <Typography.Text type="secondary">
          {period.from} – {period.to}
        </Typography.Text>
      }
    >
      {drill && <MembersList scope={scope} period={period} figure={drill.figure} />}
    </Drawer>
  );
};
