import { z } from 'zod';
import { endpoint } from './wecom-client.ts';

/**
 * The WeCom APIs Orchard calls (customer contact, 客户联系), with the shape of their requests and of
 * their successful answers. Fields Orchard does not read are left to zod's default (stripped).
 */

const ok = z.object({ errcode: z.number().optional() });

export type WecomText = { content: string };
export type WecomAttachment =
  | { msgtype: 'image'; image: { pic_url?: string; media_id?: string } }
  | { msgtype: 'link'; link: { title: string; url: string; desc?: string; picurl?: string } }
  | {
      msgtype: 'miniprogram';
      miniprogram: { title: string; pic_media_id: string; appid: string; page: string };
    }
  | { msgtype: 'video'; video: { media_id: string } }
  | { msgtype: 'file'; file: { media_id: string } };

export const getFollowUserList = endpoint<Record<string, never>, { follow_user: string[] }>(
  'GET',
  'externalcontact/get_follow_user_list',
  z.object({ follow_user: z.array(z.string()).default([]) }),
);

export const sendWelcomeMsg = endpoint<
  { welcome_code: string; text?: WecomText; attachments?: WecomAttachment[] },
  z.infer<typeof ok>
>('POST', 'externalcontact/send_welcome_msg', ok);

export const addContactWay = endpoint<
  { type: 1 | 2; scene: 1 | 2; state?: string; user?: string[]; skip_verify?: boolean; remark?: string },
  { config_id: string; qr_code: string }
>('POST', 'externalcontact/add_contact_way', z.object({ config_id: z.string(), qr_code: z.string() }));

export const addJoinWay = endpoint<
  {
    scene: 1 | 2;
    chat_id_list: string[];
    state?: string;
    remark?: string;
    auto_create_room?: 0 | 1;
    room_base_name?: string;
    room_base_id?: number;
  },
  { config_id: string }
>('POST', 'externalcontact/groupchat/add_join_way', z.object({ config_id: z.string() }));

export const getJoinWay = endpoint<
  { config_id: string },
  { join_way: { config_id: string; qr_code: string } }
>(
  'POST',
  'externalcontact/groupchat/get_join_way',
  z.object({ join_way: z.object({ config_id: z.string(), qr_code: z.string() }) }),
);

export const addGroupWelcomeTemplate = endpoint<
  { text?: WecomText; image?: { pic_url: string }; link?: { title: string; url: string; desc?: string } },
  { template_id: string }
>('POST', 'externalcontact/group_welcome_template/add', z.object({ template_id: z.string() }));

export const delGroupWelcomeTemplate = endpoint<{ template_id: string }, z.infer<typeof ok>>(
  'POST',
  'externalcontact/group_welcome_template/del',
  ok,
);

export const addMsgTemplate = endpoint<
  {
    chat_type: 'single' | 'group';
    external_userid?: string[];
    chat_id_list?: string[];
    sender: string;
    text?: WecomText;
    attachments?: WecomAttachment[];
  },
  { msgid: string; fail_list: string[] }
>(
  'POST',
  'externalcontact/add_msg_template',
  z.object({ msgid: z.string(), fail_list: z.array(z.string()).default([]) }),
);

const sendResultItem = z.object({
  external_userid: z.string().optional(),
  chat_id: z.string().optional(),
  userid: z.string(),
  /** 0 not sent yet, 1 sent, 2 not a contact any more, 3 already received another mass message (quota). */
  status: z.number().int(),
  send_time: z.number().int().optional(),
});
export type WecomSendResultItem = z.infer<typeof sendResultItem>;

export const getGroupmsgSendResult = endpoint<
  { msgid: string; userid: string; limit?: number; cursor?: string },
  { send_list: WecomSendResultItem[]; next_cursor?: string }
>(
  'POST',
  'externalcontact/get_groupmsg_send_result',
  z.object({ send_list: z.array(sendResultItem).default([]), next_cursor: z.string().optional() }),
);

export const getGroupmsgTask = endpoint<
  { msgid: string; limit?: number; cursor?: string },
  { task_list: { userid: string; status: number; send_time?: number }[]; next_cursor?: string }
>(
  'POST',
  'externalcontact/get_groupmsg_task',
  z.object({
    task_list: z
      .array(
        z.object({ userid: z.string(), status: z.number().int(), send_time: z.number().int().optional() }),
      )
      .default([]),
    next_cursor: z.string().optional(),
  }),
);

export const addMomentTask = endpoint<
  {
    text?: WecomText;
    attachments?: WecomAttachment[];
    visible_range?: { sender_list?: { user_list: string[] }; external_contact_list?: { tag_list: string[] } };
  },
  { jobid: string }
>('POST', 'externalcontact/add_moment_task', z.object({ jobid: z.string() }));

export const getMomentTaskResult = endpoint<
  { jobid: string },
  {
    status: number;
    result?: { errcode?: number; moment_id?: string; invalid_sender_list?: { user_list?: string[] } };
  }
>(
  'GET',
  'externalcontact/get_moment_task_result',
  z.object({
    /** 1 started, 2 processing, 3 done. */
    status: z.number().int(),
    result: z
      .object({
        errcode: z.number().optional(),
        moment_id: z.string().optional(),
        invalid_sender_list: z.object({ user_list: z.array(z.string()).optional() }).optional(),
      })
      .optional(),
  }),
);

const corpTag = z.object({
  id: z.string(),
  name: z.string(),
  order: z.number().optional(),
  deleted: z.boolean().optional(),
});
const corpTagGroup = z.object({
  group_id: z.string(),
  group_name: z.string(),
  order: z.number().optional(),
  deleted: z.boolean().optional(),
  tag: z.array(corpTag).default([]),
});
export type WecomTagGroup = z.infer<typeof corpTagGroup>;

export const getCorpTagList = endpoint<
  { tag_id?: string[]; group_id?: string[] },
  { tag_group: WecomTagGroup[] }
>('POST', 'externalcontact/get_corp_tag_list', z.object({ tag_group: z.array(corpTagGroup).default([]) }));

export const addCorpTag = endpoint<
  { group_id?: string; group_name?: string; tag: { name: string }[] },
  { tag_group: WecomTagGroup }
>('POST', 'externalcontact/add_corp_tag', z.object({ tag_group: corpTagGroup }));

export const markTag = endpoint<
  { userid: string; external_userid: string; add_tag?: string[]; remove_tag?: string[] },
  z.infer<typeof ok>
>('POST', 'externalcontact/mark_tag', ok);

const externalContact = z.object({ external_userid: z.string(), name: z.string().default('') });
const followUser = z.object({
  userid: z.string(),
  remark: z.string().optional(),
  createtime: z.number().int(),
  state: z.string().optional(),
  tags: z.array(z.object({ tag_id: z.string().optional(), type: z.number().int() })).default([]),
});

export const getExternalContact = endpoint<
  { external_userid: string; cursor?: string },
  { external_contact: z.infer<typeof externalContact>; follow_user: z.infer<typeof followUser>[] }
>(
  'GET',
  'externalcontact/get',
  z.object({ external_contact: externalContact, follow_user: z.array(followUser).default([]) }),
);

const followInfo = z.object({
  userid: z.string(),
  createtime: z.number().int(),
  state: z.string().optional(),
  tag_id: z.array(z.string()).default([]),
});

export const batchGetByUser = endpoint<
  { userid_list: string[]; cursor?: string; limit?: number },
  {
    external_contact_list: {
      external_contact: z.infer<typeof externalContact>;
      follow_info: z.infer<typeof followInfo>;
    }[];
    next_cursor?: string;
  }
>(
  'POST',
  'externalcontact/batch/get_by_user',
  z.object({
    external_contact_list: z
      .array(z.object({ external_contact: externalContact, follow_info: followInfo }))
      .default([]),
    next_cursor: z.string().optional(),
  }),
);

export const listGroupChats = endpoint<
  { status_filter?: number; cursor?: string; limit: number },
  { group_chat_list: { chat_id: string; status: number }[]; next_cursor?: string }
>(
  'POST',
  'externalcontact/groupchat/list',
  z.object({
    group_chat_list: z.array(z.object({ chat_id: z.string(), status: z.number().int() })).default([]),
    next_cursor: z.string().optional(),
  }),
);

const groupMember = z.object({
  userid: z.string(),
  /** 1 staff of the company, 2 external contact. */
  type: z.number().int(),
  join_time: z.number().int(),
  /** 1 invited directly, 2 invited by link, 3 scanned the group QR code. */
  join_scene: z.number().int(),
  invitor: z.object({ userid: z.string() }).optional(),
  name: z.string().optional(),
  state: z.string().optional(),
});
export type WecomGroupMember = z.infer<typeof groupMember>;

export const getGroupChat = endpoint<
  { chat_id: string; need_name?: 0 | 1 },
  {
    group_chat: {
      chat_id: string;
      name: string;
      owner: string;
      create_time: number;
      member_list: WecomGroupMember[];
    };
  }
>(
  'POST',
  'externalcontact/groupchat/get',
  z.object({
    group_chat: z.object({
      chat_id: z.string(),
      name: z.string().default(''),
      owner: z.string(),
      create_time: z.number().int(),
      member_list: z.array(groupMember).default([]),
    }),
  }),
);
