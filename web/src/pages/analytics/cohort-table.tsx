import { Table, Tooltip } from 'antd';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { type Funnel, percent } from './analytics-data.ts';

type Cohort = Funnel['cohorts'][number];
type Retention = Cohort['w1'];

const retention = (r: Retention, notYet: string) =>
  r.eligible === 0 ? (
    <Tooltip title={notYet}>
      <span style={{ color: '#bfbfbf' }}>—</span>
    </Tooltip>
  ) : (
    <span
      style={{
        display: 'inline-block',
        minWidth: 64,
        padding: '0 6px',
        borderRadius: 4,
        background: `rgba(47, 125, 74, ${0.08 + r.rate * 0.6})`,
        color: r.rate > 0.5 ? '#fff' : undefined,
      }}
    >
      {percent(r.rate)} <span style={{ opacity: 0.7, fontSize: 11 }}>({r.retained})</span>
    </span>
  );

/** Members by the week they entered, with how many came back in weeks 1, 2 and 4 (— until the week is over). */
export const CohortTable = ({ cohorts }: { cohorts: Cohort[] }) => {
  const t = useT();
  return (
    <Table<Cohort>
      rowKey="week"
      size="small"
      pagination={false}
      dataSource={cohorts}
      data-testid="cohorts"
      locale={{ emptyText: <EmptyHint description={t('analytics.noCohorts')} /> }}
      columns={[
        { title: t('analytics.cohortWeek'), dataIndex: 'week' },
        { title: t('analytics.cohortSize'), dataIndex: 'size', align: 'right' },
        {
          title: t('funnel.activated'),
          dataIndex: 'activated',
          align: 'right',
          render: (n: number, row) => `${n} (${percent(row.size ? n / row.size : 0)})`,
        },
        {
          title: t('funnel.retained.w1'),
          dataIndex: 'w1',
          align: 'center',
          render: (r: Retention) => retention(r, t('analytics.weekNotOver')),
        },
        {
          title: t('funnel.retained.w2'),
          dataIndex: 'w2',
          align: 'center',
          render: (r: Retention) => retention(r, t('analytics.weekNotOver')),
        },
        {
          title: t('funnel.retained.w4'),
          dataIndex: 'w4',
          align: 'center',
          render: (r: Retention) => retention(r, t('analytics.weekNotOver')),
        },
      ]}
    />
  );
};
