import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Row, Select } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ChatList } from './chat-list.tsx';
import { ChatPane } from './chat-pane.tsx';
import { LinksPanel } from './links-panel.tsx';
import { MemberPanel } from './member-panel.tsx';
import { type Chat, useChatMessages, useSandboxLists, useSimulatorActions } from './simulator-api.ts';

/**
 * The sandbox as its members see it: act as a member (open a link, join, post, roll a dice, leave) and watch
 * Orchard answer in the chat within a second or so, through the same pipeline a real platform feeds.
 */
export const SimulatorPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accounts = usePlatformAccounts();
  const sandboxAccounts = (accounts.data ?? []).filter((a) => a.platform === 'sandbox');
  const [pickedAccount, setPickedAccount] = useState<string | undefined>();
  const accountId = pickedAccount ?? sandboxAccounts[0]?.id;
  const [memberId, setMemberId] = useState<string | undefined>();
  const [chat, setChat] = useState<Chat | null>(null);
  const lists = useSandboxLists(accountId);
  const actions = useSimulatorActions(accountId);
  const messages = useChatMessages(accountId, chat, memberId);
  const groups = lists.groups.data ?? [];

  if (accounts.isSuccess && sandboxAccounts.length === 0) {
    return (
      <PageContainer title={t('simulator.title')} subtitle={t('simulator.subtitle')}>
        <EmptyHint
          description={t('simulator.noAccount')}
          action={
            <Button type="primary" onClick={() => navigate('/settings/platforms')}>
              {t('simulator.connectSandbox')}
            </Button>
          }
        />
      </PageContainer>
    );
  }

  const openLink = (link: string) => {
    if (!memberId) return;
    actions.openLink.mutate(
      { memberId, link },
      {
        onSuccess: (result) => {
          if (result.joinedGroup) {
            message.success(t('simulator.joined', { name: result.joinedGroup.name }));
            setChat({ kind: 'group', groupId: result.joinedGroup.groupId });
          } else if (result.addedStaff) {
            message.success(t('simulator.addedStaff'));
            setChat({ kind: 'private' });
          }
        },
        onError: (error) => showError(error),
      },
    );
  };

  return (
    <PageContainer
      title={t('simulator.title')}
      subtitle={t('simulator.subtitle')}
      extra={
        sandboxAccounts.length > 1 && (
          <Select
            value={accountId}
            onChange={(id) => {
              setPickedAccount(id);
              setMemberId(undefined);
              setChat(null);
            }}
            options={sandboxAccounts.map((a) => ({ value: a.id, label: a.name }))}
            style={{ width: 200 }}
          />
        )
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6} style={{ display: 'grid', gap: 16, alignContent: 'start' }}>
          <MemberPanel
            members={lists.members.data ?? []}
            memberId={memberId}
            onPick={(id) => {
              setMemberId(id);
              void queryClient.invalidateQueries({ queryKey: ['sandboxMessages'] });
            }}
            creating={actions.createMember.isPending}
            onCreate={(name) =>
              actions.createMember.mutate(name, {
                onSuccess: (user) => {
                  setMemberId(user.id);
                  message.success(t('simulator.memberCreated', { name: user.name }));
                },
                onError: (error) => showError(error),
              })
            }
          />
          <ChatList groups={groups} chat={chat} onOpen={setChat} />
        </Col>
        <Col xs={24} lg={17} xl={12}>
          <ChatPane
            chat={chat}
            group={chat?.kind === 'group' ? groups.find((g) => g.id === chat.groupId) : undefined}
            messages={messages.data ?? []}
            memberId={memberId}
            staffAccounts={lists.staff.data ?? []}
            sending={actions.post.isPending}
            onSend={(text, staffId) =>
              memberId &&
              actions.post.mutate(
                { memberId, text, ...(chat?.kind === 'group' ? { groupId: chat.groupId } : { staffId }) },
                { onError: (error) => showError(error) },
              )
            }
            onDice={() =>
              memberId &&
              chat?.kind === 'group' &&
              actions.post.mutate(
                { memberId, groupId: chat.groupId, dice: true },
                { onError: (error) => showError(error) },
              )
            }
            onLeave={() =>
              memberId &&
              chat?.kind === 'group' &&
              actions.leave.mutate(
                { memberId, groupId: chat.groupId },
                {
                  onSuccess: () => message.info(t('simulator.left')),
                  onError: (error) => showError(error),
                },
              )
            }
          />
        </Col>
        <Col xs={24} xl={6}>
          <LinksPanel
            links={lists.links.data ?? []}
            canOpen={memberId !== undefined}
            opening={actions.openLink.isPending}
            onOpen={openLink}
          />
        </Col>
      </Row>
    </PageContainer>
  );
};
