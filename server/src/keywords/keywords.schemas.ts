import { z } from '@hono/zod-openapi';
import { keywordMatchModes } from '../db/schema/index.ts';
import { attachmentSchema } from '../platforms/platform.ts';

const scopeInput = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('all') }),
    z.object({ kind: z.literal('private') }),
    z.object({ kind: z.literal('series'), id: z.uuid() }),
    z.object({ kind: z.literal('store'), id: z.uuid() }),
    z.object({ kind: z.literal('community'), id: z.uuid() }),
  ])
  .openapi('KeywordScope', {
    description: 'All group chats, a community series, a store, one community, or private chats',
  });
export type KeywordScopeInput = z.infer<typeof scopeInput>;

const replyInput = z
  .object({
    text: z.string().trim().min(1).max(4000).optional(),
    attachments: z.array(attachmentSchema).max(9).optional(),
  })
  .refine((r) => r.text !== undefined || (r.attachments?.length ?? 0) > 0, {
    message: 'a reply needs text or attachments',
    path: ['text'],
  });

const fields = {
  name: z.string().trim().min(1).max(100),
  matchMode: z.enum(keywordMatchModes),
  pattern: z
    .string()
    .min(1)
    .max(200)
    .openapi({ description: 'Keyword, or a regular expression (matchMode regex)' }),
  scope: scopeInput,
  reply: replyInput,
  tagNames: z.array(z.string().trim().min(1).max(50)).max(20),
  cooldownSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .openapi({ description: 'A rule answers at most once per group (or private chat) in this window' }),
  priority: z.number().int().min(-1000).max(1000),
  isEnabled: z.boolean(),
};

export const createKeywordRuleInput = z
  .object({
    ...fields,
    tagNames: fields.tagNames.default([]),
    cooldownSeconds: fields.cooldownSeconds.default(300),
    priority: fields.priority.default(0),
    isEnabled: fields.isEnabled.default(true),
  })
  .openapi('CreateKeywordRuleInput');
export type CreateKeywordRuleInput = z.infer<typeof createKeywordRuleInput>;

export const updateKeywordRuleInput = z.object(fields).partial().openapi('UpdateKeywordRuleInput');
export type UpdateKeywordRuleInput = z.infer<typeof updateKeywordRuleInput>;

export const keywordRuleSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    matchMode: z.enum(keywordMatchModes),
    pattern: z.string(),
    scope: z.object({ kind: z.string(), id: z.string().nullable() }),
    storeId: z.uuid().nullable(),
    reply: z.object({ text: z.string().optional(), attachments: z.array(attachmentSchema).optional() }),
    tagNames: z.array(z.string()),
    cooldownSeconds: z.number(),
    priority: z.number(),
    isEnabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('KeywordRule');
export type KeywordRuleView = z.infer<typeof keywordRuleSchema>;
