import { randomBytes } from 'node:crypto';
import {
  findContact,
  findGroup,
  findMembership,
  findSandboxUser,
  insertSandboxGroup,
  joinGroup,
  listGroupsWithCounts,
  listMemberships,
  type SandboxLink,
  type SandboxUser,
  updateMembership,
  upsertContact,
} from './sandbox.store.ts';
import { autoGroupNameOf, isMuted, pickGroupWithRoom, refuse, rollDice } from './sandbox.ts';
import { appendLinkGroup, openLinkRow } from './sandbox-links.store.ts';
import { insertMessage } from './sandbox-messages.store.ts';
import type { SandboxWorld } from './sandbox-runtime.ts';

/**
 * The sandbox as a platform server: what happens when one of its users acts. Each function runs
 * inside runInSandbox and raises the events a real platform would deliver to Orchard.
 */

export type OpenLinkOutcome = {
  addedStaff?: { staffId: string };
  joinedGroup?: { groupId: string; name: string };
  createdGroup?: boolean;
};

const personOf = (user: SandboxUser) => ({ externalId: user.id, name: user.name });

export const openLink = async (
  world: SandboxWorld,
  input: { member: SandboxUser; token: string },
): Promise<OpenLinkOutcome> => {
  const link = await openLinkRow(world.db, world.account, input.token);
  if (!link) throw refuse('unknown_target', 'Link not found');
  return link.kind === 'contact'
    ? addStaffByLink(world, input.member, link)
    : joinGroupByLink(world, input.member, link);
};

const addStaffByLink = async (world: SandboxWorld, member: SandboxUser, link: SandboxLink) => {
  // Like a WeCom contact-me code with several staff: the platform picks one at random.
  const staffId = link.staffUserIds[Math.floor(world.random() * link.staffUserIds.length)];
  const staff = staffId ? await findSandboxUser(world.db, world.account, staffId, 'staff') : undefined;
  if (!staff) throw refuse('unknown_target', 'The link leads to no staff account');
  const welcomeCode = `wc-${randomBytes(16).toString('base64url')}`;
  await upsertContact(world.db, {
    staffUserId: staff.id,
    memberUserId: member.id,
    state: link.state,
    welcomeCode,
    now: world.now,
  });
  await insertMessage(
    world.db,
    world.account,
    {
      chatKind: 'private',
      memberUserId: member.id,
      staffUserId: staff.id,
      senderKind: 'system',
      kind: 'system',
      text: `${member.name} added ${staff.name}`,
    },
    world.now,
  );
  world.emit({
    type: 'member.added_staff',
    member: personOf(member),
    staffExternalId: staff.id,
    entryState: link.state ?? undefined,
    welcomeToken: world.account.settings.welcomeMode === 'token' ? welcomeCode : undefined,
  });
  return { addedStaff: { staffId: staff.id } };
};

const joinGroupByLink = async (
  world: SandboxWorld,
  member: SandboxUser,
  link: SandboxLink,
): Promise<OpenLinkOutcome> => {
  const memberships = await listMemberships(world.db, member.id, link.groupIds);
  if (memberships.some((m) => m.isBanned)) throw refuse('banned', 'The member is banned from this group');
  const groups = await listGroupsWithCounts(world.db, world.account, {
    groupIds: link.groupIds,
    forUpdate: true,
  });
  const current = groups.find((g) => memberships.some((m) => m.groupId === g.id && m.leftAt === null));
  if (current) return { joinedGroup: { groupId: current.id, name: current.name } };

  let target: { id: string; name: string } | undefined = pickGroupWithRoom(groups);
  let createdGroup = false;
  if (!target) {
    if (!link.autoCreateGroup) throw refuse('group_full', 'Group full');
    const last = groups.at(-1);
    const group = await insertSandboxGroup(world.db, world.account, {
      name: autoGroupNameOf(link.groupNameTemplate ?? last?.name ?? 'Group', link.groupIds.length),
      capacity: last?.capacity ?? world.account.settings.groupCapacity,
      ownerUserId: last?.ownerUserId ?? null,
      now: world.now,
    });
    await appendLinkGroup(world.db, link.id, group.id);
    world.emit({
      type: 'group.created',
      groupExternalId: group.id,
      name: group.name,
      ownerExternalId: group.ownerUserId ?? undefined,
    });
    target = group;
    createdGroup = true;
  }
  await joinGroup(world.db, target.id, member.id, world.now);
  await insertSystemMessage(world, target.id, `${member.name} joined the group`);
  world.emit({
    type: 'member.joined_group',
    member: personOf(member),
    groupExternalId: target.id,
    entryState: link.state ?? undefined,
    via: 'link',
  });
  return { joinedGroup: { groupId: target.id, name: target.name }, createdGroup };
};

export const insertSystemMessage = (world: SandboxWorld, groupId: string, text: string) =>
  insertMessage(
    world.db,
    world.account,
    { chatKind: 'group', groupId, senderKind: 'system', kind: 'system', text },
    world.now,
  );

/** A member's group membership that allows speaking; refuses like the platform would. */
const requireSpeakingMember = async (world: SandboxWorld, member: SandboxUser, groupId: string) => {
  const group = await findGroup(world.db, world.account, groupId);
  if (!group) throw refuse('unknown_target', 'Group not found');
  if (group.dismissedAt) throw refuse('group_dismissed', 'The group was dismissed');
  const membership = await findMembership(world.db, group.id, member.id);
  if (!membership || membership.leftAt) throw refuse('not_in_group', 'The member is not in this group');
  if (isMuted(membership.mutedUntil, world.now)) throw refuse('muted', 'The member is muted in this group');
  return group;
};

export type PostInput = {
  member: SandboxUser;
  chat: { groupId: string } | { staffId: string };
  content: { text: string } | { dice: true; emoji: string };
};

export const postMessage = async (
  world: SandboxWorld,
  input: PostInput,
): Promise<{ messageId: string; diceValue?: number }> => {
  const { member, content } = input;
  let where:
    | { chatKind: 'group'; groupId: string }
    | { chatKind: 'private'; memberUserId: string; staffUserId: string };
  let chat: { kind: 'group'; groupExternalId: string } | { kind: 'private'; staffExternalId: string };
  if ('groupId' in input.chat) {
    const group = await requireSpeakingMember(world, member, input.chat.groupId);
    where = { chatKind: 'group', groupId: group.id };
    chat = { kind: 'group', groupExternalId: group.id };
  } else {
    const contact = await findContact(world.db, input.chat.staffId, member.id);
    if (!contact || contact.removedAt)
      throw refuse('no_contact', 'The member has not added this staff account');
    where = { chatKind: 'private', memberUserId: member.id, staffUserId: contact.staffUserId };
    chat = { kind: 'private', staffExternalId: contact.staffUserId };
  }
  const base = { ...where, senderKind: 'member' as const, senderUserId: member.id };
  if ('dice' in content) {
    const value = rollDice(content.emoji, world.random);
    const id = await insertMessage(
      world.db,
      world.account,
      { ...base, kind: 'dice', text: content.emoji, diceValue: value },
      world.now,
    );
    const messageExternalId = String(id);
    world.emit({
      type: 'dice',
      member: personOf(member),
      chat,
      messageExternalId,
      emoji: content.emoji,
      value,
    });
    return { messageId: messageExternalId, diceValue: value };
  }
  const id = await insertMessage(
    world.db,
    world.account,
    { ...base, kind: 'text', text: content.text },
    world.now,
  );
  const messageExternalId = String(id);
  world.emit({
    type: 'message',
    member: personOf(member),
    chat,
    messageExternalId,
    text: content.text,
    attachments: [],
  });
  return { messageId: messageExternalId };
};

export const leaveGroup = async (world: SandboxWorld, input: { member: SandboxUser; groupId: string }) => {
  const group = await findGroup(world.db, world.account, input.groupId);
  if (!group) throw refuse('unknown_target', 'Group not found');
  const membership = await findMembership(world.db, group.id, input.member.id);
  if (!membership || membership.leftAt) throw refuse('not_in_group', 'The member is not in this group');
  await updateMembership(world.db, group.id, input.member.id, { leftAt: world.now });
  await insertSystemMessage(world, group.id, `${input.member.name} left the group`);
  world.emit({
    type: 'member.left_group',
    member: personOf(input.member),
    groupExternalId: group.id,
    reason: 'left',
  });
  return { groupId: group.id };
};

/** A staff member opens a group in their client; the platform tells Orchard (WeCom change_external_chat create). */
export const createGroupAsStaff = async (
  world: SandboxWorld,
  input: { name: string; capacity?: number; owner?: SandboxUser },
) => {
  const group = await insertSandboxGroup(world.db, world.account, {
    name: input.name,
    capacity: input.capacity ?? world.account.settings.groupCapacity,
    ownerUserId: input.owner?.id ?? null,
    now: world.now,
  });
  world.emit({
    type: 'group.created',
    groupExternalId: group.id,
    name: group.name,
    ownerExternalId: input.owner?.id,
  });
  return group;
};
