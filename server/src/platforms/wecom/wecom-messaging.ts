import type { EntryLink, EntryLinkSpec, MessageContent, MessageTarget, SendResult } from '../platform.ts';
import { PlatformError } from '../platform.ts';
import type {
  MassDeliveryStatus,
  MassRecipients,
  MassSendReport,
  MomentInput,
  MomentResult,
} from '../platform-operations.ts';
import type { WecomClient } from './wecom-client.ts';
import { toGroupWelcomeTemplate, toWecomContent } from './wecom-content.ts';
import {
  addContactWay,
  addGroupWelcomeTemplate,
  addJoinWay,
  addMomentTask,
  addMsgTemplate,
  delGroupWelcomeTemplate,
  getGroupChat,
  getGroupmsgSendResult,
  getGroupmsgTask,
  getJoinWay,
  getMomentTaskResult,
  sendWelcomeMsg,
} from './wecom-endpoints.ts';
import { wecomErrcodes } from './wecom-errors.ts';

/** What Orchard sends through WeCom: welcomes, staff-confirmed mass sends, moments, entry links. */

const refuse = (message: string) =>
  new PlatformError('invalid_request', `WeCom: ${message}`, { temporary: false });

/** `send_welcome_msg` with the add event's WelcomeCode: once, within 20 s, text and up to 9 attachments. */
export const sendWecomWelcome = async (
  client: WecomClient,
  input: { welcomeToken?: string; content: MessageContent },
): Promise<SendResult> => {
  const code = input.welcomeToken;
  if (!code) {
    throw new PlatformError('not_supported', 'WeCom welcomes need the WelcomeCode of the add event', {
      temporary: false,
    });
  }
  await client.call(sendWelcomeMsg, { welcome_code: code, ...toWecomContent(input.content) });
  return { externalId: `welcome:${code}` };
};

/**
 * A mass-send task (add_msg_template). It is not a message yet: the sender must confirm it in their
 * WeCom client; its msgid is polled for the result (mass-sends/). Groups go to their owner as sender.
 */
export const createWecomMassTask = async (
  client: WecomClient,
  input: { senderExternalId: string; recipients: MassRecipients; content: MessageContent },
): Promise<SendResult> => {
  const content = toWecomContent(input.content);
  const { recipients } = input;
  const result =
    recipients.kind === 'members'
      ? await client.call(addMsgTemplate, {
          chat_type: 'single',
          external_userid: recipients.memberExternalIds,
          sender: input.senderExternalId,
          ...content,
        })
      : await client.call(addMsgTemplate, {
          chat_type: 'group',
          chat_id_list: recipients.groupExternalIds,
          sender: input.senderExternalId,
          ...content,
        });
  return { externalId: result.msgid };
};

/** `send` on WeCom: a one-recipient mass-send task (WeCom cannot send to a customer or group directly). */
export const sendWecomTask = async (
  client: WecomClient,
  target: MessageTarget,
  content: MessageContent,
): Promise<SendResult> => {
  if (target.kind === 'member') {
    if (!target.staffExternalId)
      throw refuse('a message to a customer goes through a staff member (staffExternalId)');
    return createWecomMassTask(client, {
      senderExternalId: target.staffExternalId,
      recipients: { kind: 'members', memberExternalIds: [target.memberExternalId] },
      content,
    });
  }
  const { group_chat } = await client.call(getGroupChat, { chat_id: target.groupExternalId });
  return createWecomMassTask(client, {
    senderExternalId: group_chat.owner,
    recipients: { kind: 'groups', groupExternalIds: [target.groupExternalId] },
    content,
  });
};

const deliveryStatus: Record<number, MassDeliveryStatus> = {
  0: 'pending',
  1: 'sent',
  2: 'not_contact',
  3: 'over_quota',
};

export const fetchWecomMassReport = async (
  client: WecomClient,
  input: { taskExternalId: string; senderExternalId: string },
): Promise<MassSendReport> => {
  const task = await client.call(getGroupmsgTask, { msgid: input.taskExternalId, limit: 1000 });
  const isConfirmed = task.task_list.some((t) => t.userid === input.senderExternalId && t.status === 2);
  const recipients: MassSendReport['recipients'] = [];
  let cursor: string | undefined;
  do {
    const page = await client.call(getGroupmsgSendResult, {
      msgid: input.taskExternalId,
      userid: input.senderExternalId,
      limit: 1000,
      cursor,
    });
    for (const item of page.send_list) {
      const externalId = item.external_userid ?? item.chat_id;
      if (!externalId) continue;
      recipients.push({
        kind: item.external_userid ? 'member' : 'group',
        externalId,
        status: deliveryStatus[item.status] ?? 'pending',
        ...(item.send_time ? { sentAt: new Date(item.send_time * 1000) } : {}),
      });
    }
    cursor = page.next_cursor || undefined;
  } while (cursor);
  return { isConfirmed, recipients };
};

export const setWecomGroupWelcome = async (client: WecomClient, content: MessageContent) => {
  const { template_id } = await client.call(addGroupWelcomeTemplate, toGroupWelcomeTemplate(content));
  return { externalId: template_id };
};

/** A template that is not there any more (deleted in the admin console, or by an earlier try) is gone already. */
export const deleteWecomGroupWelcome = async (client: WecomClient, templateId: string): Promise<void> => {
  try {
    await client.call(delGroupWelcomeTemplate, { template_id: templateId });
  } catch (error) {
    if (error instanceof PlatformError && error.options.platformCode === wecomErrcodes.invalidParameter)
      return;
    throw error;
  }
};

export const postWecomMoment = async (client: WecomClient, input: MomentInput) => {
  const { jobid } = await client.call(addMomentTask, {
    ...toWecomContent({ text: input.text, attachments: input.attachments }),
    visible_range: {
      ...(input.senderExternalIds ? { sender_list: { user_list: input.senderExternalIds } } : {}),
      ...(input.platformTagIds ? { external_contact_list: { tag_list: input.platformTagIds } } : {}),
    },
  });
  return { externalId: jobid };
};

export const fetchWecomMomentResult = async (client: WecomClient, jobid: string): Promise<MomentResult> => {
  const answer = await client.call(getMomentTaskResult, { jobid });
  if (answer.status !== 3) return { status: 'processing' };
  const result = answer.result;
  if (!result?.moment_id || (result.errcode ?? 0) !== 0) {
    return { status: 'failed', reason: `errcode ${result?.errcode ?? 'unknown'}` };
  }
  return {
    status: 'created',
    momentExternalId: result.moment_id,
    invalidSenderExternalIds: result.invalid_sender_list?.user_list ?? [],
  };
};

/** WeCom's `state` is at most 30 characters. */
export const MAX_STATE_LENGTH = 30;

export const createWecomEntryLink = async (client: WecomClient, spec: EntryLinkSpec): Promise<EntryLink> => {
  if (spec.state.length > MAX_STATE_LENGTH)
    throw refuse(`state must be at most ${MAX_STATE_LENGTH} characters`);
  if (spec.kind === 'contact') {
    if (spec.staffExternalIds.length === 0) throw refuse('a contact way needs at least one staff member');
    const way = await client.call(addContactWay, {
      type: spec.staffExternalIds.length > 1 ? 2 : 1,
      scene: 2,
      state: spec.state,
      user: spec.staffExternalIds,
      skip_verify: true,
    });
    return { externalId: way.config_id, url: way.qr_code };
  }
  if (spec.groupExternalIds.length < 1 || spec.groupExternalIds.length > 5) {
    throw refuse('a group join way lists 1 to 5 groups');
  }
  const { config_id } = await client.call(addJoinWay, {
    scene: 2,
    chat_id_list: spec.groupExternalIds,
    state: spec.state,
    ...(spec.autoCreateGroup
      ? {
          auto_create_room: 1,
          room_base_name: spec.autoCreateGroup.nameTemplate.slice(0, 40),
          room_base_id: 1,
        }
      : { auto_create_room: 0 }),
  });
  const { join_way } = await client.call(getJoinWay, { config_id });
  return { externalId: config_id, url: join_way.qr_code };
};
