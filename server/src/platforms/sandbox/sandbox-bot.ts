import { randomBytes } from 'node:crypto';
import type {
  EntryLink,
  EntryLinkSpec,
  MessageContent,
  MessageTarget,
  ModerationAction,
} from '../platform.ts';
import {
  findContact,
  findFirstContact,
  findGroup,
  findMembership,
  findSandboxUser,
  insertBan,
  insertSandboxGroup,
  listGroupsWithCounts,
  markWelcomeUsed,
  type SandboxLink,
  updateMembership,
} from './sandbox.store.ts';
import { checkWelcomeCode, linkUrlOf, refuse, rollDice } from './sandbox.ts';
import { insertLink } from './sandbox-links.store.ts';
import { findMessage, insertMessage, markMessageDeleted } from './sandbox-messages.store.ts';
import type { SandboxWorld } from './sandbox-runtime.ts';
import { insertSystemMessage } from './sandbox-world.ts';

/** What Orchard (through the adapter) does on the sandbox: the bot's side of the platform API. */

type Chat =
  | { chatKind: 'group'; groupId: string }
  | { chatKind: 'private'; memberUserId: string; staffUserId: string };

export const chatKeyOf = (target: MessageTarget): string =>
  target.kind === 'group' ? `group:${target.groupExternalId}` : `member:${target.memberExternalId}`;

/** Where a message to this target lands; a member is reached through a contact (the given staff or the first). */
export const resolveChat = async (world: SandboxWorld, target: MessageTarget): Promise<Chat> => {
  if (target.kind === 'group') {
    const group = await findGroup(world.db, world.account, target.groupExternalId);
    if (!group) throw refuse('unknown_target', 'Group not found');
    if (group.dismissedAt) throw refuse('group_dismissed', 'The group was dismissed');
    return { chatKind: 'group', groupId: group.id };
  }
  const member = await findSandboxUser(world.db, world.account, target.memberExternalId, 'member');
  if (!member) throw refuse('unknown_target', 'Member not found');
  const contact = target.staffExternalId
    ? await findContact(world.db, target.staffExternalId, member.id)
    : await findFirstContact(world.db, member.id);
  if (!contact || contact.removedAt)
    throw refuse('no_contact', 'The member has not added this staff account');
  return { chatKind: 'private', memberUserId: member.id, staffUserId: contact.staffUserId };
};

const hasContent = (content: MessageContent) =>
  Boolean(content.text) || (content.attachments?.length ?? 0) > 0;

export const sendAsBot = async (world: SandboxWorld, target: MessageTarget, content: MessageContent) => {
  if (!hasContent(content)) throw refuse('invalid_spec', 'A message needs text or an attachment');
  const chat = await resolveChat(world, target);
  const id = await insertMessage(
    world.db,
    world.account,
    {
      ...chat,
      senderKind: 'bot',
      kind: 'text',
      text: content.text ?? null,
      attachments: content.attachments ?? [],
    },
    world.now,
  );
  return { externalId: String(id) };
};

export const sendDiceAsBot = async (world: SandboxWorld, target: MessageTarget, emoji: string) => {
  const chat = await resolveChat(world, target);
  const value = rollDice(emoji, world.random);
  const id = await insertMessage(
    world.db,
    world.account,
    { ...chat, senderKind: 'bot', kind: 'dice', text: emoji, diceValue: value },
    world.now,
  );
  return { externalId: String(id), value };
};

export type WelcomeInput = {
  welcomeToken?: string;
  memberExternalId: string;
  staffExternalId: string;
  content: MessageContent;
};

/** In 'token' mode the welcome code works once, within the deadline (WeCom send_welcome_msg). */
export const sendWelcomeAsBot = async (world: SandboxWorld, input: WelcomeInput) => {
  const { settings } = world.account;
  if (!hasContent(input.content)) throw refuse('invalid_spec', 'A welcome needs text or an attachment');
  const member = await findSandboxUser(world.db, world.account, input.memberExternalId, 'member');
  if (!member) throw refuse('unknown_target', 'Member not found');
  const contact = await findContact(world.db, input.staffExternalId, member.id);
  if (!contact || contact.removedAt)
    throw refuse('no_contact', 'The member has not added this staff account');
  if (settings.welcomeMode === 'token') {
    if ((input.content.attachments?.length ?? 0) > 9) throw refuse('invalid_spec', 'At most 9 attachments');
    const check = checkWelcomeCode(contact, input.welcomeToken ?? '', world.now, settings.welcomeDeadlineMs);
    if (check === 'used') throw refuse('41051', 'The welcome code was already used');
    if (check !== 'ok')
      throw refuse('41050', `The welcome code is ${check === 'expired' ? 'expired' : 'invalid'}`);
    const isSpent = await markWelcomeUsed(world.db, contact, input.welcomeToken ?? '', world.now);
    if (!isSpent) throw refuse('41051', 'The welcome code was already used');
  }
  const id = await insertMessage(
    world.db,
    world.account,
    {
      chatKind: 'private',
      memberUserId: contact.memberUserId,
      staffUserId: contact.staffUserId,
      senderKind: 'bot',
      kind: 'welcome',
      text: input.content.text ?? null,
      attachments: input.content.attachments ?? [],
    },
    world.now,
  );
  return { externalId: String(id) };
};

export const createLinkAsBot = async (
  world: SandboxWorld,
  spec: EntryLinkSpec,
): Promise<EntryLink & { link: SandboxLink }> => {
  if (spec.state.length > 30) throw refuse('invalid_spec', 'The state is longer than 30 characters');
  const token = randomBytes(12).toString('base64url');
  const base = { token, state: spec.state || null, now: world.now };
  if (spec.kind === 'contact') {
    if (spec.staffExternalIds.length === 0)
      throw refuse('invalid_spec', 'A contact link needs a staff account');
    for (const staffId of spec.staffExternalIds) {
      if (!(await findSandboxUser(world.db, world.account, staffId, 'staff'))) {
        throw refuse('unknown_target', `Staff account ${staffId} not found`);
      }
    }
    const link = await insertLink(world.db, world.account, {
      ...base,
      kind: 'contact',
      staffUserIds: [...new Set(spec.staffExternalIds)],
    });
    return { externalId: link.id, url: linkUrlOf(token), link };
  }
  const groupIds = [...new Set(spec.groupExternalIds)];
  if (groupIds.length === 0 && !spec.autoCreateGroup)
    throw refuse('invalid_spec', 'A group link needs a group');
  const groups = await listGroupsWithCounts(world.db, world.account, { groupIds });
  if (groups.length !== groupIds.length) throw refuse('unknown_target', 'Group not found');
  const link = await insertLink(world.db, world.account, {
    ...base,
    kind: 'group',
    groupIds,
    autoCreateGroup: Boolean(spec.autoCreateGroup),
    groupNameTemplate: spec.autoCreateGroup?.nameTemplate ?? null,
  });
  return { externalId: link.id, url: linkUrlOf(token), link };
};

export const createGroupAsBot = async (
  world: SandboxWorld,
  input: { name: string; ownerStaffExternalId?: string; capacity?: number },
) => {
  const owner = input.ownerStaffExternalId
    ? await findSandboxUser(world.db, world.account, input.ownerStaffExternalId, 'staff')
    : undefined;
  if (input.ownerStaffExternalId && !owner) throw refuse('unknown_target', 'Owner staff account not found');
  // Groups created through the API raise no event (WeCom: calls made through the API trigger no callback).
  const group = await insertSandboxGroup(world.db, world.account, {
    name: input.name,
    capacity: input.capacity ?? world.account.settings.groupCapacity,
    ownerUserId: owner?.id ?? null,
    now: world.now,
  });
  return { externalId: group.id };
};

export const moderateAsBot = async (world: SandboxWorld, action: ModerationAction): Promise<void> => {
  const group = await findGroup(world.db, world.account, action.groupExternalId);
  if (!group) throw refuse('unknown_target', 'Group not found');
  if (action.type === 'delete') {
    const messageId = /^\d{1,15}$/.test(action.messageExternalId) ? Number(action.messageExternalId) : -1;
    const message = await findMessage(world.db, world.account, messageId);
    if (!message || message.groupId !== group.id) throw refuse('unknown_target', 'Message not found');
    await markMessageDeleted(world.db, message.id, world.now);
    return;
  }
  const member = await findSandboxUser(world.db, world.account, action.memberExternalId, 'member');
  if (!member) throw refuse('unknown_target', 'Member not found');
  const membership = await findMembership(world.db, group.id, member.id);
  const isInGroup = membership !== undefined && membership.leftAt === null;
  if (action.type === 'mute') {
    if (!isInGroup) throw refuse('not_in_group', 'The member is not in this group');
    await updateMembership(world.db, group.id, member.id, { mutedUntil: new Date(action.untilMs) });
    return;
  }
  if (action.type === 'remove' && !isInGroup) throw refuse('not_in_group', 'The member is not in this group');
  if (action.type === 'ban' && !isInGroup) {
    await insertBan(world.db, group.id, member.id, world.now);
    return;
  }
  await updateMembership(world.db, group.id, member.id, {
    leftAt: world.now,
    ...(action.type === 'ban' ? { isBanned: true } : {}),
  });
  await insertSystemMessage(world, group.id, `${member.name} was removed from the group`);
  // Real platforms report a removal like any departure (WeCom QuitScene 1, Telegram chat_member kicked).
  world.emit({
    type: 'member.left_group',
    member: { externalId: member.id, name: member.name },
    groupExternalId: group.id,
    reason: 'removed',
  });
};
