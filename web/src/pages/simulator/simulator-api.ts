import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

/** How often the open chat is read while the page is visible: often enough for the demo to feel live. */
export const chatPollMs = 1000;

export type Chat = { kind: 'group'; groupId: string } | { kind: 'private' };

export const useSandboxLists = (platformAccountId: string | undefined) => {
  const query = { platformAccountId: platformAccountId ?? '' };
  const enabled = platformAccountId !== undefined;
  return {
    members: useQuery({
      queryKey: ['sandboxListMembers', platformAccountId],
      enabled,
      queryFn: async () => (await unwrap(api.GET('/api/v1/sandbox/members', { params: { query } }))).items,
    }),
    groups: useQuery({
      queryKey: ['sandboxListGroups', platformAccountId],
      enabled,
      refetchInterval: 3000,
      queryFn: async () => (await unwrap(api.GET('/api/v1/sandbox/groups', { params: { query } }))).items,
    }),
    links: useQuery({
      queryKey: ['sandboxListLinks', platformAccountId],
      enabled,
      refetchInterval: 5000,
      queryFn: async () => (await unwrap(api.GET('/api/v1/sandbox/links', { params: { query } }))).items,
    }),
    staff: useQuery({
      queryKey: ['sandboxListStaffAccounts', platformAccountId],
      enabled,
      queryFn: async () =>
        (await unwrap(api.GET('/api/v1/sandbox/staff-accounts', { params: { query } }))).items,
    }),
  };
};

/** The open chat's messages, polled every second; a group shows to anyone, a private chat to its member. */
export const useChatMessages = (
  platformAccountId: string | undefined,
  chat: Chat | null,
  memberId?: string,
) =>
  useQuery({
    queryKey: ['sandboxMessages', platformAccountId, chat, memberId],
    enabled:
      platformAccountId !== undefined && chat !== null && (chat.kind === 'group' || memberId !== undefined),
    refetchInterval: chatPollMs,
    queryFn: async () => {
      const query = { platformAccountId: platformAccountId!, limit: 500 };
      if (chat?.kind === 'group') {
        return (
          await unwrap(
            api.GET('/api/v1/sandbox/groups/{groupId}/messages', {
              params: { path: { groupId: chat.groupId }, query },
            }),
          )
        ).items;
      }
      return (
        await unwrap(
          api.GET('/api/v1/sandbox/members/{memberId}/messages', {
            params: { path: { memberId: memberId! }, query },
          }),
        )
      ).items;
    },
  });

export const useSimulatorActions = (platformAccountId: string | undefined) => {
  const queryClient = useQueryClient();
  const accountId = platformAccountId ?? '';
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['sandboxMessages'] }),
      queryClient.invalidateQueries({ queryKey: ['sandboxListGroups'] }),
      queryClient.invalidateQueries({ queryKey: ['sandboxListLinks'] }),
    ]);
  return {
    createMember: useMutation({
      mutationFn: (name: string) =>
        unwrap(api.POST('/api/v1/sandbox/members', { body: { platformAccountId: accountId, name } })),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sandboxListMembers'] }),
    }),
    openLink: useMutation({
      mutationFn: (input: { memberId: string; link: string }) =>
        unwrap(api.POST('/api/v1/sandbox/links/open', { body: { platformAccountId: accountId, ...input } })),
      onSuccess: refresh,
    }),
    post: useMutation({
      mutationFn: (input: {
        memberId: string;
        groupId?: string;
        staffId?: string;
        text?: string;
        dice?: true;
      }) =>
        unwrap(api.POST('/api/v1/sandbox/messages', { body: { platformAccountId: accountId, ...input } })),
      onSuccess: refresh,
    }),
    leave: useMutation({
      mutationFn: (input: { memberId: string; groupId: string }) =>
        unwrap(
          api.POST('/api/v1/sandbox/groups/leave', { body: { platformAccountId: accountId, ...input } }),
        ),
      onSuccess: refresh,
    }),
  };
};
