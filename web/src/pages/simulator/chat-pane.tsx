import { LogoutOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Input, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { SandboxGroup, SandboxMessage, SandboxStaffAccount } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ChatMessages } from './chat-messages.tsx';
import type { Chat } from './simulator-api.ts';

/** The open chat: its messages (polled) and a composer that posts as the acting member. */
export const ChatPane = ({
  chat,
  group,
  messages,
  memberId,
  staffAccounts,
  onSend,
  onDice,
  onLeave,
  sending,
}: {
  chat: Chat | null;
  group: SandboxGroup | undefined;
  messages: SandboxMessage[];
  memberId: string | undefined;
  staffAccounts: SandboxStaffAccount[];
  onSend: (text: string, staffId?: string) => void;
  onDice: () => void;
  onLeave: () => void;
  sending: boolean;
}) => {
  const t = useT();
  const [text, setText] = useState('');
  // In private chats the member writes to one staff account: the last one they talked to, or the one picked.
  const lastStaff = [...messages].reverse().find((m) => m.staffId)?.staffId ?? undefined;
  const [pickedStaff, setPickedStaff] = useState<string | undefined>();
  const staffId = pickedStaff ?? lastStaff;
  const isPrivate = chat?.kind === 'private';
  const canSend = memberId !== undefined && chat !== null && (!isPrivate || staffId !== undefined);
  const send = () => {
    if (!canSend || !text.trim()) return;
    onSend(text.trim(), isPrivate ? staffId : undefined);
    setText('');
  };
  const title =
    chat === null ? t('simulator.pickChat') : isPrivate ? t('simulator.privateChats') : (group?.name ?? '…');
  return (
    <Card
      size="small"
      title={
        <Space>
          {title}
          {group && !isPrivate && (
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              {t('simulator.groupMembers', { n: group.memberCount, capacity: group.capacity })}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        chat?.kind === 'group' &&
        memberId && (
          <Popconfirm title={t('simulator.leaveConfirm')} onConfirm={onLeave}>
            <Button size="small" icon={<LogoutOutlined />} danger>
              {t('simulator.leave')}
            </Button>
          </Popconfirm>
        )
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: 560 } }}
    >
      <div style={{ flex: 1, minHeight: 0 }}>
        <ChatMessages messages={chat ? messages : []} memberId={memberId} />
      </div>
      {isPrivate && (
        <Select
          size="small"
          placeholder={t('simulator.pickStaff')}
          value={staffId}
          onChange={setPickedStaff}
          options={staffAccounts.map((s) => ({ value: s.id, label: s.name }))}
        />
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={text}
          disabled={!canSend}
          placeholder={memberId ? t('simulator.typeMessage') : t('simulator.pickMemberFirst')}
          onChange={(event) => setText(event.target.value)}
          onPressEnter={send}
          maxLength={4000}
          data-testid="sim-composer"
        />
        {chat?.kind === 'group' && (
          <Tooltip title={t('simulator.rollDice')}>
            <Button disabled={!canSend} onClick={onDice} data-testid="sim-dice">
              {t('simulator.dice')}
            </Button>
          </Tooltip>
        )}
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!canSend}
          loading={sending}
          onClick={send}
          data-testid="sim-send"
        >
          {t('simulator.send')}
        </Button>
      </Space.Compact>
    </Card>
  );
};
