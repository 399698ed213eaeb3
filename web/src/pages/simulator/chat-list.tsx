import { MessageOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { SandboxGroup } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { Chat } from './simulator-api.ts';

const ChatRow = ({
  icon,
  label,
  extra,
  isActive,
  onClick,
}: {
  icon: ReactNode;
  label: string;
  extra?: string;
  isActive: boolean;
  onClick: () => void;
}) => (
  <button
    type="button"
    onClick={onClick}
    style={{
      display: 'flex',
      alignItems: 'center',
      gap: 10,
      width: '100%',
      padding: '8px 12px',
      border: 0,
      borderRadius: 6,
      cursor: 'pointer',
      textAlign: 'left',
      background: isActive ? '#e8f3ec' : 'transparent',
      color: isActive ? '#2f7d4a' : 'inherit',
      fontWeight: isActive ? 500 : 400,
    }}
  >
    {icon}
    <span style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {label}
    </span>
    {extra && (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {extra}
      </Typography.Text>
    )}
  </button>
);

/** The sandbox's groups (with their fill) and the acting member's private chats with staff. */
export const ChatList = ({
  groups,
  chat,
  onOpen,
}: {
  groups: SandboxGroup[];
  chat: Chat | null;
  onOpen: (chat: Chat) => void;
}) => {
  const t = useT();
  return (
    <Card size="small" title={t('simulator.chats')} styles={{ body: { padding: 6 } }}>
      <ChatRow
        icon={<MessageOutlined />}
        label={t('simulator.privateChats')}
        isActive={chat?.kind === 'private'}
        onClick={() => onOpen({ kind: 'private' })}
      />
      {groups
        .filter((g) => !g.isDismissed)
        .map((g) => (
          <ChatRow
            key={g.id}
            icon={<TeamOutlined />}
            label={g.name}
            extra={`${g.memberCount}/${g.capacity}`}
            isActive={chat?.kind === 'group' && chat.groupId === g.id}
            onClick={() => onOpen({ kind: 'group', groupId: g.id })}
          />
        ))}
    </Card>
  );
};
