import { z } from '@hono/zod-openapi';

const accountId = z.uuid().openapi({ description: 'A sandbox platform account of this brand' });
const name = z.string().trim().min(1).max(100);

export const accountQuery = z.object({
  platformAccountId: z.uuid().openapi({ param: { name: 'platformAccountId', in: 'query' } }),
});

export const messagesQuery = accountQuery.extend({
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' }, description: 'nextCursor of the previous page' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(200)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

export const privateMessagesQuery = messagesQuery.extend({
  staffId: z
    .uuid()
    .optional()
    .openapi({
      param: { name: 'staffId', in: 'query' },
      description: 'Only the chat with this staff account',
    }),
});

export const groupParams = z.object({
  groupId: z.string().openapi({ param: { name: 'groupId', in: 'path' } }),
});
export const memberParams = z.object({
  memberId: z.string().openapi({ param: { name: 'memberId', in: 'path' } }),
});

export const createMemberInput = z.object({ platformAccountId: accountId, name });
export const userSchema = z.object({ id: z.string(), name: z.string() }).openapi('SandboxUser');

export const createStaffAccountInput = z.object({
  platformAccountId: accountId,
  staffId: z.uuid().openapi({ description: 'The Orchard staff member this sandbox account belongs to' }),
  name: name.optional().openapi({ description: "Defaults to the staff member's name" }),
});
export const staffAccountSchema = z
  .object({ id: z.string(), name: z.string(), staffId: z.uuid().nullable() })
  .openapi('SandboxStaffAccount');

export const createGroupInput = z.object({
  platformAccountId: accountId,
  name,
  capacity: z.number().int().min(1).max(100_000).optional(),
  ownerStaffId: z.string().optional().openapi({ description: 'A sandbox staff account id' }),
});
export const groupSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    capacity: z.number(),
    memberCount: z.number(),
    ownerId: z.string().nullable(),
    isDismissed: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('SandboxGroup');

const state = z.string().max(30).default('');
export const createLinkInput = z.discriminatedUnion('kind', [
  z.object({
    platformAccountId: accountId,
    kind: z.literal('contact'),
    state,
    staffIds: z.array(z.string()).min(1).max(100),
  }),
  z.object({
    platformAccountId: accountId,
    kind: z.literal('group'),
    state,
    groupIds: z.array(z.string()).max(100).default([]),
    autoCreateGroup: z.object({ nameTemplate: name }).optional(),
  }),
]);
export const linkSchema = z
  .object({
    id: z.string(),
    token: z.string(),
    url: z.string(),
    kind: z.enum(['contact', 'group']),
    state: z.string().nullable(),
    staffIds: z.array(z.string()),
    groupIds: z.array(z.string()),
    autoCreateGroup: z.boolean(),
    groupNameTemplate: z.string().nullable(),
    openCount: z.number(),
    createdAt: z.string(),
  })
  .openapi('SandboxLink');

export const openLinkInput = z.object({
  platformAccountId: accountId,
  memberId: z.string(),
  link: z.string().min(1).max(500).openapi({
    description:
      "The token, or a URL ending in it; a channel code's public link is followed to the link Orchard picks",
  }),
});
export const openLinkResult = z
  .object({
    addedStaff: z.object({ staffId: z.string() }).optional(),
    joinedGroup: z.object({ groupId: z.string(), name: z.string() }).optional(),
    createdGroup: z.boolean().optional(),
  })
  .openapi('SandboxOpenLinkResult');

export const postMessageInput = z
  .object({
    platformAccountId: accountId,
    memberId: z.string(),
    groupId: z.string().optional(),
    staffId: z
      .string()
      .optional()
      .openapi({ description: 'Post in the private chat with this staff account' }),
    text: z.string().min(1).max(4000).optional(),
    dice: z.literal(true).optional(),
    emoji: z.string().min(1).max(8).default('🎲'),
  })
  .refine((v) => (v.groupId === undefined) !== (v.staffId === undefined), {
    message: 'exactly one of groupId and staffId is required',
    path: ['groupId'],
  })
  .refine((v) => v.dice === true || v.text !== undefined, {
    message: 'text or dice is required',
    path: ['text'],
  });
export const postMessageResult = z
  .object({ messageId: z.string(), diceValue: z.number().optional() })
  .openapi('SandboxPostResult');

export const leaveGroupInput = z.object({
  platformAccountId: accountId,
  memberId: z.string(),
  groupId: z.string(),
});

export const messageSchema = z
  .object({
    id: z.string(),
    chat: z.enum(['group', 'private']),
    groupId: z.string().nullable(),
    memberId: z.string().nullable(),
    staffId: z.string().nullable(),
    senderKind: z.enum(['member', 'staff', 'bot', 'system']),
    senderId: z.string().nullable(),
    senderName: z.string().nullable(),
    kind: z.enum(['text', 'dice', 'welcome', 'system']),
    text: z.string().nullable(),
    attachments: z.array(z.unknown()),
    diceValue: z.number().nullable(),
    isDeleted: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('SandboxMessage');
export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  nextCursor: z.string().nullable(),
});
