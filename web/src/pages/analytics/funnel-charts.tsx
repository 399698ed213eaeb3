import { useMemo } from 'react';
import { EChart } from '../../components/echart.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { type Funnel, fillDaily } from './analytics-data.ts';

/** The funnel's stages as an ECharts funnel: new → activated → retained week 1 → bought. Loaded lazily. */
export const FunnelChart = ({ funnel }: { funnel: Funnel }) => {
  const t = useT();
  const option = useMemo(() => {
    const f = funnel.current;
    const stages = [
      { name: t('funnel.newMembers'), value: f.acquisition.newMembers },
      { name: t('funnel.activated'), value: f.activation.activated },
      { name: t('funnel.retained.w1'), value: f.retention.w1.retained },
      { name: t('funnel.converted'), value: f.revenue.converted },
    ];
    return {
      color: ['#2f7d4a', '#52a36b', '#8cc79d', '#d48806'],
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [
        {
          type: 'funnel',
          sort: 'descending',
          left: '10%',
          width: '80%',
          top: 8,
          bottom: 8,
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: stages,
        },
      ],
    };
  }, [funnel, t]);
  return <EChart option={option} height={260} />;
};

const series = ['newMembers', 'activated', 'orders', 'buyers'] as const;

/** New, activated, orders and buyers per day of the period, GMV on its own axis. Loaded lazily. */
export const FunnelTrendChart = ({ funnel }: { funnel: Funnel }) => {
  const t = useT();
  const option = useMemo(() => {
    const days = fillDaily(funnel.from, funnel.to, funnel.daily);
    return {
      color: ['#2f7d4a', '#1677ff', '#d48806', '#722ed1', '#8c8c8c'],
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', boundaryGap: false, data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false }, axisLabel: { formatter: '¥{value}' } },
      ],
      series: [
        ...series.map((key) => ({
          name: t(`funnel.${key}`),
          type: 'line',
          showSymbol: days.length <= 31,
          data: days.map((d) => d[key]),
        })),
        {
          name: t('funnel.gmv'),
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 12,
          itemStyle: { opacity: 0.35 },
          data: days.map((d) => d.gmvCents / 100),
        },
      ],
    };
  }, [funnel, t]);
  return <EChart option={option} height={260} />;
};
