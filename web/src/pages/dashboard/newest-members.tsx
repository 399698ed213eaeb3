import { Skeleton, Typography } from 'antd';
import type { Member } from '../../api/types.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { useT } from '../../i18n/i18n.tsx';

/**
 * The newest members as plain rows: a Table here would cost the first page its heaviest styles for six lines.
 */
export const NewestMembers = ({
  members,
  storeNames,
}: {
  members: Member[] | undefined;
  storeNames: Map<string, string>;
}) => {
  const t = useT();
  if (!members) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (members.length === 0) return <EmptyHint description={t('dashboard.noMembers')} />;
  return (
    <div>
      {members.map((member) => (
        <div
          key={member.id}
          style={{
            display: 'flex',
            gap: 12,
            padding: '9px 0',
            borderBottom: '1px solid #f0f0f0',
            alignItems: 'baseline',
          }}
        >
          <Typography.Text strong style={{ flex: 1, minWidth: 0 }} ellipsis>
            {member.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ width: 120 }} ellipsis>
            {member.storeId ? storeNames.get(member.storeId) : '—'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}>
            {formatTime(member.createdAt)}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
};
