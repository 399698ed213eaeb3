import { useMemo } from 'react';
import type { ChannelCodeStats } from '../../api/types.ts';
import { EChart } from '../../components/echart.tsx';
import { useT } from '../../i18n/i18n.tsx';

const series = ['scans', 'arrivals', 'newMembers', 'stillIn'] as const;
const colors = ['#8c8c8c', '#1677ff', '#2f7d4a', '#d48806'];

/** Scans, arrivals, new members and those still in, per local day. Loaded lazily (ECharts). */
export const CodeStatsChart = ({ byDay }: { byDay: ChannelCodeStats['byDay'] }) => {
  const t = useT();
  const option = useMemo(
    () => ({
      color: colors,
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: series.map((key) => t(`codes.${key}`)) },
      xAxis: { type: 'category', boundaryGap: false, data: byDay.map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map((key) => ({
        name: t(`codes.${key}`),
        type: 'line',
        smooth: true,
        showSymbol: byDay.length <= 31,
        data: byDay.map((d) => d[key]),
      })),
    }),
    [byDay, t],
  );
  return <EChart option={option} height={300} />;
};
