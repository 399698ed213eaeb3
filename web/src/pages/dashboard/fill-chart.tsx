import { useMemo } from 'react';
import type { Community } from '../../api/types.ts';
import { EChart } from '../../components/echart.tsx';
import { fillPercent } from '../../components/format.ts';
import { useT } from '../../i18n/i18n.tsx';

/** The fullest groups first: where a roll-over or a new group is due. */
export const FillChart = ({ groups }: { groups: Community[] }) => {
  const t = useT();
  const top = useMemo(
    () =>
      [...groups]
        .sort((a, b) => b.memberCount / b.capacity - a.memberCount / a.capacity)
        .slice(0, 10)
        .reverse(),
    [groups],
  );
  const option = useMemo(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const g = top[params[0]?.dataIndex ?? 0];
          return g
            ? `${g.name}<br/>${t('dashboard.fillTooltip', { count: g.memberCount, capacity: g.capacity })}`
            : '';
        },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: top.map((g) => g.name), axisTick: { show: false } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          data: top.map((g) => {
            const value = fillPercent(g.memberCount, g.capacity);
            return { value, itemStyle: { color: value >= 90 ? '#fa8c16' : '#2f7d4a', borderRadius: 3 } };
          }),
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [top, t],
  );
  return <EChart option={option} height={Math.max(160, top.length * 34 + 24)} />;
};
