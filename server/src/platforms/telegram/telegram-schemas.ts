import { z } from 'zod';

/**
 * The parts of the Telegram Bot API that Orchard reads, as zod schemas. Partial on purpose: only the fields
 * used are named, the rest are stripped, so a field Telegram adds tomorrow never breaks parsing.
 * Reference: https://core.telegram.org/bots/api#available-types
 */

export const tgUserSchema = z.object({
  id: z.number().int(),
  is_bot: z.boolean().default(false),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
export type TgUser = z.infer<typeof tgUserSchema>;

export const tgChatSchema = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
});
export type TgChat = z.infer<typeof tgChatSchema>;

export const tgEntitySchema = z.object({
  type: z.string(),
  offset: z.number().int(),
  length: z.number().int(),
  /** Only for `text_link`: the address hidden behind the text. */
  url: z.string().optional(),
});

const tgPhotoSizeSchema = z.object({ file_id: z.string(), width: z.number(), height: z.number() });
const fileRefSchema = z.object({ file_id: z.string() });

export const tgMessageSchema = z.object({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: tgChatSchema,
  /** Absent in channels and for anonymous group admins (who post as the chat). */
  from: tgUserSchema.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(tgEntitySchema).optional(),
  caption_entities: z.array(tgEntitySchema).optional(),
  photo: z.array(tgPhotoSizeSchema).optional(),
  document: z.object({ file_id: z.string(), file_name: z.string().optional() }).optional(),
  dice: z.object({ emoji: z.string(), value: z.number().int() }).optional(),
  /** Media Orchard does not look into; their presence still makes a message (a sticker flood is a flood). */
  sticker: fileRefSchema.optional(),
  animation: fileRefSchema.optional(),
  video: fileRefSchema.optional(),
  video_note: fileRefSchema.optional(),
  voice: fileRefSchema.optional(),
  audio: fileRefSchema.optional(),
  /** The legacy join signal: a service message without the invite link (see telegram-updates.ts). */
  new_chat_members: z.array(tgUserSchema).optional(),
  left_chat_member: tgUserSchema.optional(),
});
export type TgMessage = z.infer<typeof tgMessageSchema>;

export const tgInviteLinkSchema = z.object({
  /** Links created by someone else come back masked ("https://t.me/+AbC…"). */
  invite_link: z.string(),
  creator: tgUserSchema,
  creates_join_request: z.boolean().default(false),
  is_primary: z.boolean().default(false),
  is_revoked: z.boolean().default(false),
  name: z.string().optional(),
  expire_date: z.number().int().optional(),
  member_limit: z.number().int().optional(),
});
export type TgInviteLink = z.infer<typeof tgInviteLinkSchema>;

export const tgChatMemberSchema = z.object({
  status: z.enum(['creator', 'administrator', 'member', 'restricted', 'left', 'kicked']),
  user: tgUserSchema,
  /** Only for 'restricted': whether the restricted user is still in the chat. */
  is_member: z.boolean().optional(),
});
export type TgChatMember = z.infer<typeof tgChatMemberSchema>;

export const tgChatMemberUpdatedSchema = z.object({
  chat: tgChatSchema,
  /** Who made the change: the member themself, or the admin who added, approved or removed them. */
  from: tgUserSchema,
  date: z.number().int(),
  old_chat_member: tgChatMemberSchema,
  new_chat_member: tgChatMemberSchema,
  invite_link: tgInviteLinkSchema.optional(),
  via_join_request: z.boolean().optional(),
  via_chat_folder_invite_link: z.boolean().optional(),
});
export type TgChatMemberUpdated = z.infer<typeof tgChatMemberUpdatedSchema>;

export const tgChatJoinRequestSchema = z.object({
  chat: tgChatSchema,
  from: tgUserSchema,
  user_chat_id: z.number().int(),
  date: z.number().int(),
  invite_link: tgInviteLinkSchema.optional(),
});
export type TgChatJoinRequest = z.infer<typeof tgChatJoinRequestSchema>;

/** An Update carries exactly one of the optional fields; the ones Orchard subscribes to are named. */
export const tgUpdateSchema = z.object({
  update_id: z.number().int(),
  message: tgMessageSchema.optional(),
  chat_member: tgChatMemberUpdatedSchema.optional(),
  my_chat_member: tgChatMemberUpdatedSchema.optional(),
  chat_join_request: tgChatJoinRequestSchema.optional(),
});
export type TgUpdate = z.infer<typeof tgUpdateSchema>;

/** What a webhook delivery or a getUpdates item must at least be, before its content is looked at. */
export const tgUpdateEnvelopeSchema = z.looseObject({ update_id: z.number().int() });

export const tgWebhookInfoSchema = z.object({
  url: z.string(),
  pending_update_count: z.number().int(),
  last_error_date: z.number().int().optional(),
  last_error_message: z.string().optional(),
  allowed_updates: z.array(z.string()).optional(),
});

export const tgBotUserSchema = tgUserSchema.extend({
  username: z.string(),
  can_join_groups: z.boolean().optional(),
  can_read_all_group_messages: z.boolean().optional(),
});

/** The update kinds Orchard asks for; Telegram sends chat_member and chat_join_request only when named. */
export const allowedUpdates = ['message', 'chat_member', 'my_chat_member', 'chat_join_request'] as const;
