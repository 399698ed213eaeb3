import { createRoute, z } from '@hono/zod-openapi';
import { bearer, jsonBody, jsonResponse } from '../../access/access.schemas.ts';
import { requireAuth } from '../../access/require-auth.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import { codeTokenOfLink } from '../../acquisition/acquisition.ts';
import { followChannelCodeLink } from '../../acquisition/open-code-link.ts';
import { notFound } from '../../errors.ts';
import { createRouter } from '../../http/app.ts';
import { findGroup, insertSandboxUser, listGroupsWithCounts, listSandboxUsers } from './sandbox.store.ts';
import { linkTokenOf } from './sandbox.ts';
import { createLinkAsBot } from './sandbox-bot.ts';
import { listLinks } from './sandbox-links.store.ts';
import { listMessages } from './sandbox-messages.store.ts';
import { createGroupAsStaff, leaveGroup, openLink, postMessage } from './sandbox-world.ts';
import * as s from './simulator.schemas.ts';
import { actInSandbox, requireSandboxUser, resolveSandboxAccount } from './simulator.ts';
import { createSandboxStaffAccount, listSandboxStaffAccounts } from './simulator-staff.ts';
import { groupViewOf, linkViewOf, messagePageOf } from './simulator-views.ts';

/**
 * The simulator: act as the sandbox's users (members join, talk, leave) and look at what its chats show.
 * Any signed-in caller of the brand may drive it; creating a staff account binds Orchard staff, so that
 * one is for owners and operators.
 */
const authed = { security: bearer, middleware: [requireAuth], tags: ['sandbox'] };
const post = <I extends z.ZodType, O extends z.ZodType>(
  path: string,
  operationId: string,
  input: I,
  output: O,
) =>
  createRoute({
    ...authed,
    method: 'post',
    path,
    operationId,
    request: { body: jsonBody(input) },
    responses: { 200: jsonResponse('Done', output) },
  });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const list = <O extends z.ZodType>(path: string, operationId: string, output: O) =>
  createRoute({
    ...authed,
    method: 'get',
    path,
    operationId,
    request: { query: s.accountQuery },
    responses: { 200: jsonResponse('The list', output) },
  });

const routes = {
  createMember: post('/sandbox/members', 'sandboxCreateMember', s.createMemberInput, s.userSchema),
  listMembers: list('/sandbox/members', 'sandboxListMembers', items(s.userSchema)),
  createStaff: post(
    '/sandbox/staff-accounts',
    'sandboxCreateStaffAccount',
    s.createStaffAccountInput,
    s.staffAccountSchema,
  ),
  listStaff: list('/sandbox/staff-accounts', 'sandboxListStaffAccounts', items(s.staffAccountSchema)),
  createGroup: post('/sandbox/groups', 'sandboxCreateGroup', s.createGroupInput, s.groupSchema),
  listGroups: list('/sandbox/groups', 'sandboxListGroups', items(s.groupSchema)),
  createLink: post('/sandbox/links', 'sandboxCreateLink', s.createLinkInput, s.linkSchema),
  listLinks: list('/sandbox/links', 'sandboxListLinks', items(s.linkSchema)),
  openLink: post('/sandbox/links/open', 'sandboxOpenLink', s.openLinkInput, s.openLinkResult),
  postMessage: post('/sandbox/messages', 'sandboxPostMessage', s.postMessageInput, s.postMessageResult),
  leaveGroup: post(
    '/sandbox/groups/leave',
    'sandboxLeaveGroup',
    s.leaveGroupInput,
    z.object({ groupId: z.string() }),
  ),
  groupMessages: createRoute({
    ...authed,
    method: 'get',
    path: '/sandbox/groups/{groupId}/messages',
    operationId: 'sandboxListGroupMessages',
    summary: 'Everything the group shows, oldest first',
    request: { params: s.groupParams, query: s.messagesQuery },
    responses: { 200: jsonResponse('Messages', s.messagePageSchema) },
  }),
  privateMessages: createRoute({
    ...authed,
    method: 'get',
    path: '/sandbox/members/{memberId}/messages',
    operationId: 'sandboxListPrivateMessages',
    summary: "What the member's private chats with staff show, oldest first",
    request: { params: s.memberParams, query: s.privateMessagesQuery },
    responses: { 200: jsonResponse('Messages', s.messagePageSchema) },
  }),
};

export const simulatorRouter = createRouter()
  .openapi(routes.createMember, async (c) => {
    const { deps } = c.var;
    const input = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, input.platformAccountId);
    const user = await insertSandboxUser(deps.db, account, {
      kind: 'member',
      name: input.name,
      now: deps.now(),
    });
    return c.json({ id: user.id, name: user.name }, 200);
  })
  .openapi(routes.listMembers, async (c) => {
    const account = await resolveSandboxAccount(
      c.var.deps,
      c.var.auth,
      c.req.valid('query').platformAccountId,
    );
    const users = await listSandboxUsers(c.var.deps.db, account, 'member');
    return c.json({ items: users.map((u) => ({ id: u.id, name: u.name })) }, 200);
  })
  .openapi(routes.createStaff, async (c) => {
    requireRole(c.var.auth, ...ORG_ADMIN_ROLES);
    const { platformAccountId, ...input } = c.req.valid('json');
    const account = await resolveSandboxAccount(c.var.deps, c.var.auth, platformAccountId);
    return c.json(await createSandboxStaffAccount(c.var.deps, account, input), 200);
  })
  .openapi(routes.listStaff, async (c) => {
    const account = await resolveSandboxAccount(
      c.var.deps,
      c.var.auth,
      c.req.valid('query').platformAccountId,
    );
    return c.json({ items: await listSandboxStaffAccounts(c.var.deps, account) }, 200);
  })
  .openapi(routes.createGroup, async (c) => {
    const { deps } = c.var;
    const { platformAccountId, ownerStaffId, ...input } = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, platformAccountId);
    const owner = ownerStaffId ? await requireSandboxUser(deps, account, ownerStaffId, 'staff') : undefined;
    const group = await actInSandbox(deps, account, (world) =>
      createGroupAsStaff(world, { ...input, owner }),
    );
    return c.json(groupViewOf({ ...group, memberCount: 0, isDismissed: false }), 200);
  })
  .openapi(routes.listGroups, async (c) => {
    const account = await resolveSandboxAccount(
      c.var.deps,
      c.var.auth,
      c.req.valid('query').platformAccountId,
    );
    const groups = await listGroupsWithCounts(c.var.deps.db, account);
    return c.json({ items: groups.map(groupViewOf) }, 200);
  })
  .openapi(routes.createLink, async (c) => {
    const { deps } = c.var;
    const input = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, input.platformAccountId);
    const spec =
      input.kind === 'contact'
        ? { kind: 'contact' as const, state: input.state, staffExternalIds: input.staffIds }
        : {
            kind: 'group' as const,
            state: input.state,
            groupExternalIds: input.groupIds,
            autoCreateGroup: input.autoCreateGroup,
          };
    const { link } = await actInSandbox(deps, account, (world) => createLinkAsBot(world, spec));
    return c.json(linkViewOf(link), 200);
  })
  .openapi(routes.listLinks, async (c) => {
    const account = await resolveSandboxAccount(
      c.var.deps,
      c.var.auth,
      c.req.valid('query').platformAccountId,
    );
    return c.json({ items: (await listLinks(c.var.deps.db, account)).map(linkViewOf) }, 200);
  })
  .openapi(routes.openLink, async (c) => {
    const { deps } = c.var;
    const input = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, input.platformAccountId);
    const member = await requireSandboxUser(deps, account, input.memberId, 'member');
    // A channel code's public link is followed first, as the member's phone would: Orchard picks the target.
    const codeToken = codeTokenOfLink(input.link);
    const link = codeToken
      ? await followChannelCodeLink(deps, {
          tenantId: account.tenantId,
          platformAccountId: account.id,
          token: codeToken,
        })
      : input.link;
    const outcome = await actInSandbox(deps, account, (world) =>
      openLink(world, { member, token: linkTokenOf(link) }),
    );
    return c.json(outcome, 200);
  })
  .openapi(routes.postMessage, async (c) => {
    const { deps } = c.var;
    const input = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, input.platformAccountId);
    const member = await requireSandboxUser(deps, account, input.memberId, 'member');
    const chat = input.groupId !== undefined ? { groupId: input.groupId } : { staffId: input.staffId ?? '' };
    const content = input.dice ? { dice: true as const, emoji: input.emoji } : { text: input.text ?? '' };
    return c.json(
      await actInSandbox(deps, account, (world) => postMessage(world, { member, chat, content })),
      200,
    );
  })
  .openapi(routes.leaveGroup, async (c) => {
    const { deps } = c.var;
    const input = c.req.valid('json');
    const account = await resolveSandboxAccount(deps, c.var.auth, input.platformAccountId);
    const member = await requireSandboxUser(deps, account, input.memberId, 'member');
    return c.json(
      await actInSandbox(deps, account, (world) => leaveGroup(world, { member, groupId: input.groupId })),
      200,
    );
  })
  .openapi(routes.groupMessages, async (c) => {
    const { deps } = c.var;
    const query = c.req.valid('query');
    const account = await resolveSandboxAccount(deps, c.var.auth, query.platformAccountId);
    const group = await findGroup(deps.db, account, c.req.valid('param').groupId);
    if (!group) throw notFound('Group');
    const rows = await listMessages(
      deps.db,
      account,
      { groupId: group.id },
      { afterId: query.cursor, limit: query.limit },
    );
    return c.json(messagePageOf(rows, query.limit), 200);
  })
  .openapi(routes.privateMessages, async (c) => {
    const { deps } = c.var;
    const query = c.req.valid('query');
    const account = await resolveSandboxAccount(deps, c.var.auth, query.platformAccountId);
    const member = await requireSandboxUser(deps, account, c.req.valid('param').memberId, 'member');
    const chat = { memberUserId: member.id, staffUserId: query.staffId };
    const rows = await listMessages(deps.db, account, chat, { afterId: query.cursor, limit: query.limit });
    return c.json(messagePageOf(rows, query.limit), 200);
  });
