import { Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { SandboxMessage } from '../../api/types.ts';
import { formatTime } from '../../components/format.ts';
import { useT } from '../../i18n/i18n.tsx';

const diceFaces = ['⚀', '⚁', '⚂', '⚃', '⚄', '⚅'];

const Bubble = ({ message, isMine }: { message: SandboxMessage; isMine: boolean }) => {
  const t = useT();
  const isOrchard = message.senderKind === 'bot' || message.senderKind === 'staff';
  const background = isMine ? '#d9f7be' : isOrchard ? '#e6f4ff' : '#ffffff';
  const body =
    message.kind === 'dice' ? (
      <span style={{ fontSize: 28, lineHeight: 1 }} title={String(message.diceValue)}>
        {diceFaces[(message.diceValue ?? 1) - 1]} <small style={{ fontSize: 13 }}>{message.diceValue}</small>
      </span>
    ) : (
      <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{message.text}</span>
    );
  return (
    <div style={{ display: 'flex', justifyContent: isMine ? 'flex-end' : 'flex-start', marginBottom: 10 }}>
      <div style={{ maxWidth: '78%' }}>
        <div
          style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 2, textAlign: isMine ? 'right' : 'left' }}
        >
          {message.senderName ?? t(`sender.${message.senderKind}`)}
          {isOrchard && <span style={{ color: '#2f7d4a' }}> · {t(`sender.${message.senderKind}`)}</span>}
          {message.kind === 'welcome' && (
            <span style={{ color: '#2f7d4a' }}> · {t('simulator.welcome')}</span>
          )}
          <span> · {formatTime(message.createdAt).slice(11)}</span>
        </div>
        <div
          style={{
            background,
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            padding: '6px 10px',
            opacity: message.isDeleted ? 0.55 : 1,
            textDecoration: message.isDeleted ? 'line-through' : undefined,
          }}
        >
          {body}
          {message.attachments.length > 0 && (
            <div style={{ marginTop: 4, fontSize: 12, color: '#595959' }}>
              📎 {t('simulator.attachments', { n: message.attachments.length })}
            </div>
          )}
        </div>
        {message.isDeleted && (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('simulator.deleted')}
          </Typography.Text>
        )}
      </div>
    </div>
  );
};

/** A chat as its members see it, newest at the bottom; keeps the view pinned to the end as messages arrive. */
export const ChatMessages = ({ messages, memberId }: { messages: SandboxMessage[]; memberId?: string }) => {
  const t = useT();
  const end = useRef<HTMLDivElement>(null);
  const last = messages.at(-1)?.id;
  useEffect(() => {
    if (last) end.current?.scrollIntoView({ block: 'end' });
  }, [last]);
  return (
    <div
      data-testid="chat-messages"
      style={{ height: '100%', overflowY: 'auto', padding: 16, background: '#f5f5f5', borderRadius: 6 }}
    >
      {messages.length === 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center', marginTop: 40 }}>
          {t('simulator.noMessages')}
        </Typography.Text>
      )}
      {messages.map((message) =>
        message.kind === 'system' || message.senderKind === 'system' ? (
          <div
            key={message.id}
            style={{ textAlign: 'center', margin: '8px 0', fontSize: 12, color: '#8c8c8c' }}
          >
            {message.text}
          </div>
        ) : (
          <Bubble
            key={message.id}
            message={message}
            isMine={message.senderKind === 'member' && message.senderId === memberId}
          />
        ),
      )}
      <div ref={end} />
    </div>
  );
};
