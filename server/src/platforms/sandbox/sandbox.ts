import type { Capabilities } from '../platform.ts';
import { PlatformError } from '../platform.ts';
import type { SandboxSettings } from './sandbox-settings.ts';

/** What the sandbox allows: everything, with limits and welcome behaviour taken from the account's settings. */
export const sandboxCapabilities = (settings: SandboxSettings): Capabilities => ({
  canSendDirect: true,
  welcome:
    settings.welcomeMode === 'token'
      ? { mode: 'token', deadlineMs: settings.welcomeDeadlineMs, maxAttachments: 9 }
      : { mode: 'message' },
  groupWelcome: 'message',
  attachments: ['image', 'link', 'miniprogram', 'file', 'coupon'],
  entryLinks: { contact: true, group: true, autoCreateGroup: true, maxStateLength: 30 },
  moderation: { delete: true, mute: true, remove: true, ban: true },
  canCreateGroup: true,
  canReadGroupMessages: true,
  canSendDice: true,
  tags: 'orchard',
  moments: false,
  // No adapter method approves a request yet, so the sandbox never asks for approval.
  joinRequests: false,
  groupCapacity: settings.groupCapacity,
  rateLimits: { ...settings.rateLimits },
});

/**
 * Why the sandbox refused something, as a platform code on the PlatformError. The welcome codes mirror
 * WeCom's errcodes (41050 invalid or expired, 41051 already used) so the WeCom path is rehearsed.
 */
export type SandboxRefusal =
  | 'unknown_target'
  | 'no_contact'
  | 'group_full'
  | 'group_dismissed'
  | 'not_in_group'
  | 'muted'
  | 'banned'
  | 'invalid_spec'
  | '41050'
  | '41051';

export const refuse = (platformCode: SandboxRefusal, message: string): PlatformError =>
  new PlatformError('rejected', message, { temporary: false, platformCode });

export const isRefusal = (error: unknown, platformCode?: SandboxRefusal): error is PlatformError =>
  error instanceof PlatformError &&
  error.code === 'rejected' &&
  (platformCode === undefined || error.options.platformCode === platformCode);

/** Dice ranges as Telegram draws them. */
export const diceRangeOf = (emoji: string): { min: number; max: number } => {
  if (emoji === '🎰') return { min: 1, max: 64 };
  if (emoji === '🏀' || emoji === '⚽') return { min: 1, max: 5 };
  return { min: 1, max: 6 };
};

/** `random` is in [0, 1) like Math.random; tests pass a fixed one. */
export const rollDice = (emoji: string, random: () => number): number => {
  const { min, max } = diceRangeOf(emoji);
  return min + Math.floor(random() * (max - min + 1));
};

/** A, B, … Z, AA, AB … — the suffix of the n-th group (0-based) a link opens. */
export const groupLetterOf = (index: number): string => {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(65 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
};

export const autoGroupNameOf = (template: string, index: number): string =>
  `${template.trim()} ${groupLetterOf(index)}`;

export type GroupRoom = { id: string; capacity: number; memberCount: number; isDismissed: boolean };

/** The first listed group that is open and has room (WeCom join ways fill their groups in order). */
export const pickGroupWithRoom = <G extends GroupRoom>(groups: G[]): G | undefined =>
  groups.find((g) => !g.isDismissed && g.memberCount < g.capacity);

export type WelcomeCheck = 'ok' | 'unknown' | 'used' | 'expired';

/** A welcome code is good once, within the deadline after the contact was added. */
export const checkWelcomeCode = (
  contact: { welcomeCode: string | null; welcomeUsedAt: Date | null; addedAt: Date } | undefined,
  code: string,
  now: Date,
  deadlineMs: number,
): WelcomeCheck => {
  if (!contact || contact.welcomeCode !== code) return 'unknown';
  if (contact.welcomeUsedAt) return 'used';
  if (now.getTime() - contact.addedAt.getTime() > deadlineMs) return 'expired';
  return 'ok';
};

/** A link is given as its bare token or as any URL ending in it (sandbox://link/<token>, …/s/<token>). */
export const linkTokenOf = (link: string): string => {
  const path = link.trim().split(/[?#]/)[0] ?? '';
  return path.split('/').filter(Boolean).at(-1) ?? '';
};

export const linkUrlOf = (token: string): string => `sandbox://link/${token}`;

export const isMuted = (mutedUntil: Date | null, now: Date): boolean =>
  mutedUntil !== null && mutedUntil.getTime() > now.getTime();
