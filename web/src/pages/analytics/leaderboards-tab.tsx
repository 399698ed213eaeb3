import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Table } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { namesById } from '../../components/lookups.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { money, type Period, type PeriodChoice, usePeriod } from './analytics-data.ts';
import { CsvButton } from './csv-button.tsx';
import { PeriodPicker } from './period-picker.tsx';

type Row_ = Schemas['LeaderboardRow'];

const Board = ({ by, period }: { by: 'store' | 'guide'; period: Period }) => {
  const t = useT();
  const storeNames = namesById(useStoreScope().stores);
  const board = useQuery({
    queryKey: ['getLeaderboard', by, period],
    queryFn: () =>
      unwrap(api.GET('/api/v1/analytics/leaderboards', { params: { query: { by, ...period } } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title={t(by === 'store' ? 'analytics.storeBoard' : 'analytics.guideBoard')}
      extra={
        <CsvButton report={by === 'store' ? 'stores' : 'guides'} scope={{ kind: 'brand' }} period={period} />
      }
    >
      <Table<Row_>
        rowKey="id"
        size="small"
        loading={board.isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={board.data?.items ?? []}
        data-testid={`board-${by}`}
        locale={{ emptyText: <EmptyHint description={t('analytics.noBoard')} /> }}
        columns={[
          { title: '#', key: 'rank', width: 40, render: (_, __, i) => i + 1 },
          {
            title: t(by === 'store' ? 'funnel.store' : 'analytics.guide'),
            dataIndex: 'name',
            render: (name: string, row) =>
              by === 'guide' && row.storeId ? `${name} · ${storeNames.get(row.storeId) ?? ''}` : name,
          },
          { title: t('funnel.gmv'), dataIndex: 'gmvCents', align: 'right', render: (c: number) => money(c) },
          { title: t('funnel.orders'), dataIndex: 'orders', align: 'right' },
          { title: t('funnel.buyers'), dataIndex: 'buyers', align: 'right' },
          { title: t('funnel.newMembers'), dataIndex: 'newMembers', align: 'right' },
          { title: t('analytics.activeMembers'), dataIndex: 'activeMembers', align: 'right' },
        ]}
      />
    </Card>
  );
};

/** Stores and guides ranked by GMV over a period. */
export const LeaderboardsTab = () => {
  const [choice, setChoice] = useState<PeriodChoice>({ kind: '30' });
  const period = usePeriod(choice);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Space>
        <PeriodPicker value={choice} onChange={setChoice} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Board by="store" period={period} />
        </Col>
        <Col xs={24} xl={12}>
          <Board by="guide" period={period} />
        </Col>
      </Row>
    </div>
  );
};
