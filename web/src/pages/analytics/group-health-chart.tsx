import { useMemo } from 'react';
import type { Schemas } from '../../api/types.ts';
import { EChart } from '../../components/echart.tsx';
import { useT } from '../../i18n/i18n.tsx';

type Day = Schemas['GroupHealth']['daily'][number];

/** Members over time (line), joins and leaves (bars), messages and active members (lines), moderation. Lazy. */
export const GroupHealthChart = ({ daily }: { daily: Day[] }) => {
  const t = useT();
  const option = useMemo(
    () => ({
      color: ['#2f7d4a', '#52c41a', '#ff7875', '#1677ff', '#d48806', '#722ed1'],
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: daily.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('health.members'),
          type: 'line',
          yAxisIndex: 1,
          showSymbol: false,
          data: daily.map((d) => d.members),
        },
        { name: t('health.joins'), type: 'bar', stack: 'flow', data: daily.map((d) => d.joins) },
        { name: t('health.leaves'), type: 'bar', stack: 'flow', data: daily.map((d) => -d.leaves) },
        { name: t('health.messages'), type: 'line', showSymbol: false, data: daily.map((d) => d.messages) },
        {
          name: t('health.activeMembers'),
          type: 'line',
          showSymbol: false,
          data: daily.map((d) => d.activeMembers),
        },
        { name: t('health.moderation'), type: 'bar', data: daily.map((d) => d.moderationActions) },
      ],
    }),
    [daily, t],
  );
  return <EChart option={option} height={280} />;
};
