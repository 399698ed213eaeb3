import { z } from 'zod';
import {
  attachmentSchema,
  type JoinRequestAnswer,
  type MessageContent,
  type MessageTarget,
  type ModerationAction,
  type PlatformAdapter,
  PlatformError,
} from '../platforms/platform.ts';
import type { MassRecipients } from '../platforms/platform-operations.ts';

/**
 * What an outbound row means: each kind, its payload, and the adapter call that performs it. Pure: no
 * database here, and the adapter is passed in.
 */

const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), groupExternalId: z.string().min(1) }),
  z.object({
    kind: z.literal('member'),
    memberExternalId: z.string().min(1),
    staffExternalId: z.string().optional(),
  }),
]);
const contentSchema = z.object({
  text: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
});
const moderationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('delete'), groupExternalId: z.string(), messageExternalId: z.string() }),
  z.object({
    type: z.literal('mute'),
    groupExternalId: z.string(),
    memberExternalId: z.string(),
    untilMs: z.number(),
  }),
  z.object({ type: z.literal('remove'), groupExternalId: z.string(), memberExternalId: z.string() }),
  z.object({ type: z.literal('ban'), groupExternalId: z.string(), memberExternalId: z.string() }),
]);

export const outboundPayloadSchemas = {
  send: z.object({ target: targetSchema, content: contentSchema }),
  welcome: z.object({
    welcomeToken: z.string().optional(),
    memberExternalId: z.string().min(1),
    staffExternalId: z.string().min(1),
    content: contentSchema,
    /** The platform's welcome deadline (ISO): past it the row is cancelled, never sent late. */
    notAfter: z.iso.datetime().optional(),
  }),
  moderate: z.object({ action: moderationSchema }),
  dice: z.object({ target: targetSchema, emoji: z.string().min(1) }),
  join_request: z.object({
    groupExternalId: z.string().min(1),
    memberExternalId: z.string().min(1),
    decision: z.enum(['approve', 'decline']),
  }),
  /** A group welcome the platform shows by itself (WeCom group_welcome_template/add); see welcome/. */
  group_welcome_template: z.object({ content: contentSchema }),
  /** A template registered before, no longer wanted (WeCom group_welcome_template/del); see welcome/. */
  group_welcome_template_delete: z.object({ templateExternalId: z.string().min(1) }),
  /** A mass-send task a staff member confirms (WeCom add_msg_template); see mass-sends/. */
  mass_send: z.object({
    senderExternalId: z.string().min(1),
    recipients: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('members'), memberExternalIds: z.array(z.string().min(1)).min(1) }),
      z.object({ kind: z.literal('groups'), groupExternalIds: z.array(z.string().min(1)).min(1) }),
    ]),
    content: contentSchema,
  }),
};

export type OutboundKind = keyof typeof outboundPayloadSchemas;

/** An outbound action as code creates it. The types come from platform.ts so callers need no zod. */
export type OutboundMessage =
  | { kind: 'send'; payload: { target: MessageTarget; content: MessageContent } }
  | {
      kind: 'welcome';
      payload: {
        welcomeToken?: string;
        memberExternalId: string;
        staffExternalId: string;
        content: MessageContent;
        notAfter?: string;
      };
    }
  | { kind: 'moderate'; payload: { action: ModerationAction } }
  | { kind: 'dice'; payload: { target: MessageTarget; emoji: string } }
  | { kind: 'join_request'; payload: JoinRequestAnswer }
  | { kind: 'group_welcome_template'; payload: { content: MessageContent } }
  | { kind: 'group_welcome_template_delete'; payload: { templateExternalId: string } }
  | {
      kind: 'mass_send';
      payload: { senderExternalId: string; recipients: MassRecipients; content: MessageContent };
    };

export const isOutboundKind = (kind: string): kind is OutboundKind => kind in outboundPayloadSchemas;

/** Parse a stored row back into a typed message; a row that no longer parses can never be delivered. */
export const parseOutbound = (kind: string, payload: unknown): OutboundMessage => {
  if (!isOutboundKind(kind)) throw new PlatformError('invalid_request', `Unknown outbound kind "${kind}"`);
  const parsed = outboundPayloadSchemas[kind].safeParse(payload);
  if (!parsed.success)
    throw new PlatformError('invalid_request', `Invalid ${kind} payload: ${parsed.error.message}`);
  return { kind, payload: parsed.data } as OutboundMessage;
};

/** The chat a message lands in, for the per-chat rate limit; moderation and join answers count against the account only. */
export const chatKeyOf = (message: OutboundMessage): string | null => {
  switch (message.kind) {
    case 'send':
    case 'dice':
      return targetKey(message.payload.target);
    case 'welcome':
      return `m:${message.payload.memberExternalId}`;
    case 'moderate':
    case 'join_request':
    case 'mass_send':
    case 'group_welcome_template':
    case 'group_welcome_template_delete':
      return null;
  }
};

const targetKey = (target: MessageTarget): string =>
  target.kind === 'group' ? `g:${target.groupExternalId}` : `m:${target.memberExternalId}`;

const unsupported = (what: string): PlatformError =>
  new PlatformError('not_supported', `This platform cannot ${what}`, { temporary: false });

/** Perform one outbound action through the adapter. Returns the platform's id of what was created, if any. */
export const performOutbound = async (
  adapter: PlatformAdapter,
  message: OutboundMessage,
): Promise<{ externalId: string | null }> => {
  switch (message.kind) {
    case 'send':
      return adapter.send(message.payload.target, message.payload.content);
    case 'welcome': {
      const { notAfter: _deadline, ...welcome } = message.payload;
      return adapter.sendWelcome(welcome);
    }
    case 'moderate': {
      if (!adapter.moderate) throw unsupported('moderate');
      await adapter.moderate(message.payload.action);
      return { externalId: null };
    }
    case 'dice': {
      if (!adapter.sendDice) throw unsupported('send dice');
      const result = await adapter.sendDice(message.payload.target, message.payload.emoji);
      return { externalId: result.externalId };
    }
    case 'join_request': {
      if (!adapter.answerJoinRequest) throw unsupported('answer join requests');
      await adapter.answerJoinRequest(message.payload);
      return { externalId: null };
    }
    case 'mass_send': {
      if (!adapter.sendMass) throw unsupported('create mass-send tasks');
      return adapter.sendMass(message.payload);
    }
    case 'group_welcome_template': {
      if (!adapter.setGroupWelcome) throw unsupported('register group welcome templates');
      return adapter.setGroupWelcome(message.payload.content);
    }
    case 'group_welcome_template_delete': {
      if (!adapter.deleteGroupWelcome) throw unsupported('delete group welcome templates');
      await adapter.deleteGroupWelcome(message.payload.templateExternalId);
      return { externalId: null };
    }
  }
};

/**
 * Why a row can no longer be sent, if it cannot: a welcome past its platform deadline (WeCom's WelcomeCode
 * works for 20 s). Such a row is cancelled with this reason rather than sent late in another form.
 */
export const findExpiryOf = (message: OutboundMessage, now: Date): string | undefined => {
  if (message.kind !== 'welcome' || !message.payload.notAfter) return undefined;
  const deadline = new Date(message.payload.notAfter);
  return now.getTime() > deadline.getTime()
    ? `welcome deadline passed at ${deadline.toISOString()}: dropped, not sent late`
    : undefined;
};

export type DeliveryFailure = { isTemporary: boolean; retryAfterMs?: number };

/**
 * Whether a failed call may succeed later. A PlatformError says so itself; anything else (a dropped
 * connection, a timeout) is treated as temporary, and the attempt limit still ends it.
 */
export const classifyDeliveryError = (error: unknown): DeliveryFailure => {
  if (error instanceof PlatformError) {
    return { isTemporary: error.isTemporary, retryAfterMs: error.options.retryAfterMs };
  }
  return { isTemporary: true };
};
