import { z } from 'zod';
import type { MassQuotaRule } from '../platform-operations.ts';
import { ENCODING_AES_KEY_PATTERN } from './wecom-crypto.ts';

/**
 * A WeCom self-built app (自建应用) connected to Orchard: non-secret settings, stored as they are, and
 * secrets, sealed at rest (lib/secret-box) and never returned by the API or logged.
 */
export const wecomSettingsSchema = z.object({
  /** The company's id (企业ID), also the receive id of every callback. */
  corpId: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/, 'must be the WeCom corp id (企业ID), e.g. ww…'),
  /** The app's AgentId. */
  agentId: z.coerce.number().int().positive(),
  /** Where the WeCom API answers; a test points it at the fake server, a proxy may sit in between. */
  apiBaseUrl: z
    .url()
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .default('https://qyapi.weixin.qq.com'),
  /** Callbacks whose timestamp is further than this from now are refused as replays. */
  replayWindowSeconds: z.number().int().min(30).max(3_600).default(300),
  /**
   * The company's mass-send rule per customer and group. WeCom's default is as many a month as the month
   * has days; an admin may choose one a day or seven a week; older companies had four a month.
   */
  massQuota: z
    .object({
      period: z.enum(['day', 'week', 'month']).default('month'),
      limit: z.union([z.literal('days_in_month'), z.number().int().min(1).max(31)]).default('days_in_month'),
    })
    .refine((quota) => quota.limit !== 'days_in_month' || quota.period === 'month', {
      message: "'days_in_month' applies to a monthly period only",
      path: ['limit'],
    })
    .prefault({}),
});

export type WecomSettings = z.infer<typeof wecomSettingsSchema>;

export const wecomSecretsSchema = z.object({
  /** The app's Secret, exchanged for access tokens. */
  secret: z.string().trim().min(1).max(200),
  /** The callback Token set in the app's "receive messages" page (letters and digits, up to 32). */
  callbackToken: z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1 to 32 letters or digits'),
  /** The callback EncodingAESKey: exactly 43 letters or digits. */
  encodingAesKey: z.string().regex(ENCODING_AES_KEY_PATTERN, 'must be exactly 43 letters or digits'),
});

export type WecomSecrets = z.infer<typeof wecomSecretsSchema>;

/** China Standard Time: WeCom counts days and months there. */
const CHINA_UTC_OFFSET_MINUTES = 480;

export const massQuotaRuleOf = (settings: WecomSettings): MassQuotaRule => ({
  ...settings.massQuota,
  utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES,
});

/** The monthly figure capabilities report: exact for a fixed limit, the shortest month's for the day-count rule. */
export const massPerMonthOf = (rule: MassQuotaRule): number => {
  const limit = rule.limit === 'days_in_month' ? 28 : rule.limit;
  if (rule.period === 'day') return limit * 28;
  if (rule.period === 'week') return limit * 4;
  return limit;
};
