import { z } from 'zod';

/**
 * A sandbox account's settings. The defaults are generous; narrow them to imitate a real platform
 * (Telegram: 30/s and 20 per chat per minute, welcome 'message'; WeCom: welcome 'token' within 20 s).
 */
export const sandboxSettingsSchema = z.object({
  rateLimits: z
    .object({
      perSecond: z.number().int().min(1).max(1_000_000).default(1000),
      perChatPerMinute: z.number().int().min(1).max(1_000_000).default(600),
      massPerMemberPerMonth: z.number().int().min(1).optional(),
    })
    .prefault({}),
  /** 'token' rehearses WeCom's WelcomeCode path (once, within the deadline); 'message' behaves like Telegram. */
  welcomeMode: z.enum(['token', 'message']).default('token'),
  welcomeDeadlineMs: z.number().int().min(1000).max(86_400_000).default(20_000),
  /** The capacity of groups the sandbox opens itself (auto-created groups without a full sibling to copy). */
  groupCapacity: z.number().int().min(2).max(100_000).default(500),
});

export type SandboxSettings = z.infer<typeof sandboxSettingsSchema>;

/** Stored settings were validated on create; fall back to the defaults if a row was edited by hand. */
export const readSandboxSettings = (stored: Record<string, unknown>): SandboxSettings => {
  const parsed = sandboxSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : sandboxSettingsSchema.parse({});
};
