import { DatePicker, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../i18n/i18n.tsx';
import type { PeriodChoice } from './analytics-data.ts';

/** Last 7 days, last 30 days, or a range of days picked by hand (at most a year, none in the future). */
export const PeriodPicker = ({
  value,
  onChange,
}: {
  value: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
}) => {
  const t = useT();
  return (
    <Space wrap>
      <Segmented
        value={value.kind}
        data-testid="period-choice"
        options={[
          { value: '7', label: t('funnel.last7') },
          { value: '30', label: t('funnel.last30') },
          { value: 'custom', label: t('funnel.custom') },
        ]}
        onChange={(kind) =>
          onChange(
            kind === 'custom'
              ? { kind, from: dayjs().subtract(13, 'day'), to: dayjs() }
              : { kind: kind as '7' | '30' },
          )
        }
      />
      {value.kind === 'custom' && (
        <DatePicker.RangePicker
          value={[value.from, value.to]}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
          onChange={(range) =>
            range?.[0] && range[1] && onChange({ kind: 'custom', from: range[0], to: range[1] })
          }
        />
      )}
    </Space>
  );
};
