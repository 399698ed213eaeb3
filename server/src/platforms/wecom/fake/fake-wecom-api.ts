import { type FakeState, nextId } from './fake-wecom-state.ts';

/**
 * The fake's API handlers, one per WeCom path, answering as WeCom does: `{ errcode: 0, … }` or an error
 * code. Loosely typed on purpose: the fake reads requests as WeCom would, and Orchard's client parses
 * the answers with its own zod schemas, so a wrong shape here fails Orchard's tests, as it should.
 */

type Json = Record<string, unknown>;
export type FakeRequest = { query: URLSearchParams; body: Json; nowMs: number };
export type FakeHandler = (state: FakeState, request: FakeRequest) => Json;

const fail = (errcode: number, errmsg = 'fake error'): Json => ({ errcode, errmsg });
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const seconds = (ms: number) => Math.floor(ms / 1000);

/** Offset cursors: the fake's lists are small and stable during a test. */
const page = <T>(items: T[], body: Json, maxLimit: number) => {
  const offset = Number(body.cursor ?? 0) || 0;
  const limit = Math.min(Number(body.limit ?? maxLimit) || maxLimit, maxLimit);
  const slice = items.slice(offset, offset + limit);
  return { slice, next_cursor: offset + limit < items.length ? String(offset + limit) : '' };
};

const textOf = (body: Json) => (body.text as { content?: string } | undefined)?.content;

export const fakeHandlers: Record<string, FakeHandler> = {
  'externalcontact/get_follow_user_list': (state) => ({ follow_user: [...state.staff.keys()] }),

  'externalcontact/send_welcome_msg': (state, { body, nowMs }) => {
    const code = state.welcomeCodes.get(String(body.welcome_code));
    if (!code || code.isUsed || code.expiresAtMs < nowMs) return fail(41050, 'invalid welcome_code');
    const attachments = Array.isArray(body.attachments) ? body.attachments : [];
    if (attachments.length > 9) return fail(40097, 'too many attachments');
    code.isUsed = true;
    state.welcomes.push({
      welcomeCode: String(body.welcome_code),
      externalUserId: code.externalUserId,
      userid: code.userid,
      text: textOf(body),
      attachments,
    });
    return {};
  },

  'externalcontact/add_contact_way': (state, { body }) => {
    const users = strings(body.user);
    if (users.some((u) => !state.staff.has(u))) return fail(60111, 'userid not found');
    const configId = nextId(state, 'cw');
    const qrCode = `https://wework.qpic.cn/fake/contact/${configId}`;
    state.contactWays.push({ configId, state: body.state as string | undefined, users, qrCode });
    return { config_id: configId, qr_code: qrCode };
  },

  'externalcontact/groupchat/add_join_way': (state, { body }) => {
    const chatIds = strings(body.chat_id_list);
    if (chatIds.length === 0 || chatIds.length > 5)
      return fail(40058, 'chat_id_list must hold 1 to 5 groups');
    if (chatIds.some((id) => !state.groups.has(id))) return fail(40050, 'chat not found');
    const configId = nextId(state, 'jw');
    const qrCode = `https://wework.qpic.cn/fake/join/${configId}`;
    state.joinWays.push({
      configId,
      state: body.state as string | undefined,
      chatIds,
      autoCreateRoom: body.auto_create_room === 1,
      qrCode,
    });
    return { config_id: configId };
  },

  'externalcontact/groupchat/get_join_way': (state, { body }) => {
    const way = state.joinWays.find((w) => w.configId === body.config_id);
    if (!way) return fail(40058, 'config_id not found');
    return { join_way: { config_id: way.configId, qr_code: way.qrCode, chat_id_list: way.chatIds } };
  },

  'externalcontact/group_welcome_template/add': (state, { body }) => {
    const templateId = nextId(state, 'gwt');
    state.groupWelcomeTemplates.push({ templateId, text: textOf(body) });
    return { template_id: templateId };
  },

  'externalcontact/group_welcome_template/del': (state, { body }) => {
    const index = state.groupWelcomeTemplates.findIndex((t) => t.templateId === body.template_id);
    if (index < 0) return fail(40058, 'template_id not found');
    state.groupWelcomeTemplates.splice(index, 1);
    return {};
  },

  'externalcontact/add_msg_template': (state, { body }) => {
    const sender = String(body.sender ?? '');
    if (!state.staff.has(sender)) return fail(60111, 'sender not found');
    const chatType = body.chat_type === 'group' ? 'group' : 'single';
    const failList: string[] = [];
    const recipients =
      chatType === 'single'
        ? strings(body.external_userid).flatMap((id) => {
            if (state.contacts.get(id)?.follows.has(sender))
              return [{ externalUserId: id, status: 0 as const }];
            failList.push(id);
            return [];
          })
        : strings(body.chat_id_list).flatMap((id) => {
            if (state.groups.get(id)?.owner === sender) return [{ chatId: id, status: 0 as const }];
            failList.push(id);
            return [];
          });
    if (recipients.length === 0) return fail(41048, 'no recipient');
    const msgid = nextId(state, 'msg');
    const attachments = Array.isArray(body.attachments) ? body.attachments : [];
    state.massTasks.set(msgid, { msgid, sender, chatType, text: textOf(body), attachments, recipients });
    return { msgid, fail_list: failList };
  },

  'externalcontact/get_groupmsg_task': (state, { body }) => {
    const task = state.massTasks.get(String(body.msgid));
    if (!task) return fail(41063, 'msgid not found');
    const sent = task.confirmedAtMs !== undefined;
    return {
      task_list: [
        {
          userid: task.sender,
          status: sent ? 2 : 0,
          ...(sent ? { send_time: seconds(task.confirmedAtMs!) } : {}),
        },
      ],
    };
  },

  'externalcontact/get_groupmsg_send_result': (state, { body }) => {
    const task = state.massTasks.get(String(body.msgid));
    if (!task) return fail(41063, 'msgid not found');
    if (body.userid !== task.sender) return { send_list: [] };
    const { slice, next_cursor } = page(task.recipients, body, 1000);
    return {
      next_cursor,
      send_list: slice.map((r) => ({
        ...(r.externalUserId ? { external_userid: r.externalUserId } : { chat_id: r.chatId }),
        userid: task.sender,
        status: r.status,
        ...(r.sentAtMs ? { send_time: seconds(r.sentAtMs) } : {}),
      })),
    };
  },

  'externalcontact/add_moment_task': (state, { body }) => {
    const range = body.visible_range as { sender_list?: { user_list?: string[] } } | undefined;
    const jobid = nextId(state, 'job');
    const senders = strings(range?.sender_list?.user_list);
    state.moments.set(jobid, {
      jobid,
      text: textOf(body),
      senders,
      polls: 0,
      momentId: nextId(state, 'moment'),
    });
    return { jobid };
  },

  'externalcontact/get_moment_task_result': (state, { query }) => {
    const job = state.moments.get(query.get('jobid') ?? '');
    if (!job) return fail(40058, 'jobid not found');
    // Processing on the first poll, done from the second: Orchard must poll, not assume.
    job.polls += 1;
    if (job.polls === 1) return { status: 2, type: 'add_moment_task' };
    const invalid = job.senders.filter((s) => !state.staff.has(s));
    return {
      status: 3,
      type: 'add_moment_task',
      result: { errcode: 0, moment_id: job.momentId, invalid_sender_list: { user_list: invalid } },
    };
  },
};
