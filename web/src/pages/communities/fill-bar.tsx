import { Progress, Tooltip } from 'antd';
import { fillPercent } from '../../components/format.ts';

/** Members against capacity; orange from 90 %, when a roll-over is near. */
export const FillBar = ({ count, capacity }: { count: number; capacity: number }) => {
  const percent = fillPercent(count, capacity);
  return (
    <Tooltip title={`${count} / ${capacity}`}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 140 }}>
        <Progress
          percent={percent}
          size="small"
          showInfo={false}
          strokeColor={percent >= 90 ? '#fa8c16' : '#2f7d4a'}
          style={{ flex: 1, margin: 0 }}
        />
        <span style={{ fontVariantNumeric: 'tabular-nums', fontSize: 12, color: '#595959' }}>
          {count}/{capacity}
        </span>
      </div>
    </Tooltip>
  );
};
