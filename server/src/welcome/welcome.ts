import type { Capabilities, MessageContent } from '../platforms/platform.ts';

/** Pure rules of welcome messages: placeholders, which welcome applies, when and how it may be sent. */

export type WelcomeVars = {
  /** The member (1:1), or the newcomers' names joined (group). */
  nickname: string;
  store?: string | null;
  staff?: string | null;
  group?: string | null;
};

/** Joins within this many seconds share one group welcome; at most this many names in one. */
export const groupBatchDefaults = { seconds: 5, maxNames: 10 } as const;

/**
 * Fill `{nickname}`, `{store}`, `{staff}`, `{group}` and WeCom's `%NICKNAME%`. A placeholder without a value
 * becomes empty rather than showing braces to a customer; unknown `{words}` are left alone.
 */
export const fillPlaceholders = (text: string, vars: WelcomeVars): string =>
  text
    .replaceAll('%NICKNAME%', vars.nickname)
    .replace(/\{(nickname|store|staff|group)\}/g, (_, key: keyof WelcomeVars) => vars[key] ?? '');

/** "Ann", "Ann and Bo", "Ann, Bo and Cy": how a group welcome names several newcomers. */
export const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export const renderWelcome = (content: MessageContent, vars: WelcomeVars): MessageContent => ({
  ...(content.text !== undefined ? { text: fillPlaceholders(content.text, vars) } : {}),
  ...(content.attachments?.length ? { attachments: content.attachments } : {}),
});

/** The first welcome that is set, from the most specific level to the brand default. */
export const pickWelcome = (
  levels: (MessageContent | null | undefined)[],
): { content: MessageContent; level: number } | undefined => {
  const level = levels.findIndex((l) => l !== null && l !== undefined);
  return level === -1 ? undefined : { content: levels[level]!, level };
};

export type PrivateWelcomePlan =
  | { action: 'send'; welcomeToken?: string; notAfter?: Date; maxAttachments?: number }
  | { action: 'skip'; reason: 'no_welcome_token' };

/**
 * How a 1:1 welcome goes out. A token platform (WeCom) takes it only with the event's one-time code, within the
 * deadline counted from the add: without a code there is no welcome (never a plain message instead), and the
 * outbox cancels it past the deadline. A message platform (Telegram, sandbox in message mode) just sends it.
 */
export const planPrivateWelcome = (input: {
  mode: Capabilities['welcome'];
  welcomeToken?: string;
  occurredAt: Date;
}): PrivateWelcomePlan => {
  if (input.mode.mode === 'message') return { action: 'send' };
  if (!input.welcomeToken) return { action: 'skip', reason: 'no_welcome_token' };
  return {
    action: 'send',
    welcomeToken: input.welcomeToken,
    notAfter: new Date(input.occurredAt.getTime() + input.mode.deadlineMs),
    maxAttachments: input.mode.maxAttachments,
  };
};
