import { z } from '@hono/zod-openapi';
import { platformKinds } from '../db/schema/index.ts';

export const capabilitiesSchema = z
  .object({
    canSendDirect: z.boolean(),
    welcome: z.union([
      z.object({ mode: z.literal('token'), deadlineMs: z.number(), maxAttachments: z.number() }),
      z.object({ mode: z.literal('message') }),
    ]),
    groupWelcome: z.enum(['template', 'message']),
    attachments: z.array(z.enum(['image', 'link', 'miniprogram', 'file', 'coupon'])),
    entryLinks: z.object({
      contact: z.boolean(),
      group: z.boolean(),
      autoCreateGroup: z.boolean(),
      maxStateLength: z.number(),
      contactVia: z.enum(['staff_account', 'bot']).optional(),
      maxGroupsPerLink: z.number().optional(),
    }),
    moderation: z.object({ delete: z.boolean(), mute: z.boolean(), remove: z.boolean(), ban: z.boolean() }),
    canCreateGroup: z.boolean(),
    canReadGroupMessages: z.boolean(),
    canSendDice: z.boolean(),
    tags: z.enum(['platform', 'orchard']),
    moments: z.boolean(),
    joinRequests: z.boolean(),
    groupCapacity: z.number(),
    rateLimits: z.object({
      perSecond: z.number(),
      perChatPerMinute: z.number(),
      massPerMemberPerMonth: z.number().optional(),
    }),
    massQuota: z
      .object({
        period: z.enum(['day', 'week', 'month']),
        limit: z.union([z.number(), z.literal('days_in_month')]),
        utcOffsetMinutes: z.number(),
      })
      .optional(),
  })
  .openapi('Capabilities');

export const platformAccountSchema = z
  .object({
    id: z.uuid(),
    platform: z.enum(platformKinds),
    name: z.string(),
    status: z.enum(['active', 'disabled']),
    settings: z.record(z.string(), z.unknown()),
    hasSecrets: z.boolean(),
    webhookUrl: z.string().openapi({ description: 'Where the platform delivers events: …/webhooks/{id}' }),
    capabilities: capabilitiesSchema.nullable(),
    createdAt: z.string(),
  })
  .openapi('PlatformAccount');

export const createdPlatformAccountSchema = platformAccountSchema
  .extend({
    webhookSecret: z
      .string()
      .optional()
      .openapi({ description: 'Sandbox only: the secret that signs webhook deliveries. Shown once.' }),
  })
  .openapi('CreatedPlatformAccount');

export const createPlatformAccountInput = z.object({
  platform: z.enum(platformKinds),
  name: z.string().trim().min(1).max(100),
  settings: z.record(z.string(), z.unknown()).optional().openapi({
    description:
      'Sandbox: { rateLimits: { perSecond, perChatPerMinute }, welcomeMode: token|message, welcomeDeadlineMs, groupCapacity }. Telegram: { mode: webhook|polling, apiRoot, autoRetry: { maxAttempts, maxDelaySeconds }, pollTimeoutSeconds }',
  }),
  secrets: z.record(z.string().max(100), z.string().max(10_000)).optional().openapi({
    description:
      'Sealed at rest and never returned (sandbox: webhookSecret, generated if absent; Telegram: botToken, webhookSecret generated if absent).',
  }),
});
