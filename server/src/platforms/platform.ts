import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { MassQuotaRule, PlatformOperations } from './platform-operations.ts';

/**
 * The one adapter type every chat platform implements (sandbox, WeCom, Telegram).
 * Designed against all three: features ask `capabilities`, never the platform's name.
 */

// ---------- normalized inbound events ----------

/** A person on the platform as the event names them; the pipeline maps it to an Orchard member. */
export const personRefSchema = z.object({
  externalId: z.string().min(1),
  name: z.string().optional(),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const chatRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), groupExternalId: z.string().min(1) }),
  z.object({ kind: z.literal('private'), staffExternalId: z.string().min(1) }),
]);
export type ChatRef = z.infer<typeof chatRefSchema>;

export const attachmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), url: z.string().min(1) }),
  z.object({
    type: z.literal('link'),
    url: z.string().min(1),
    title: z.string(),
    description: z.string().optional(),
  }),
  z.object({ type: z.literal('miniprogram'), appId: z.string(), page: z.string(), title: z.string() }),
  z.object({ type: z.literal('file'), url: z.string().min(1), name: z.string() }),
  z.object({ type: z.literal('coupon'), templateId: z.string(), title: z.string().optional() }),
]);
export type Attachment = z.infer<typeof attachmentSchema>;

const base = {
  /** Unique per platform account; a redelivery carries the same id. */
  externalId: z.string().min(1),
  occurredAt: z.coerce.date(),
};

export const platformEventSchema = z.discriminatedUnion('type', [
  /** A customer added a staff account (WeCom add_external_contact, Telegram /start, sandbox contact link). */
  z.object({
    ...base,
    type: z.literal('member.added_staff'),
    member: personRefSchema,
    staffExternalId: z.string(),
    /** The attribution state of the entry link (WeCom `State`, Telegram /start payload). */
    entryState: z.string().optional(),
    /** A one-time token for the platform's welcome mechanism (WeCom WelcomeCode). */
    welcomeToken: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('member.removed_staff'),
    member: personRefSchema,
    staffExternalId: z.string(),
    /** Who ended it: the customer deleted the staff account, or the staff deleted the customer. */
    by: z.enum(['member', 'staff']),
  }),
  z.object({
    ...base,
    type: z.literal('member.joined_group'),
    member: personRefSchema,
    groupExternalId: z.string(),
    entryState: z.string().optional(),
    via: z.enum(['link', 'invited', 'request', 'unknown']).default('unknown'),
    inviterExternalId: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('member.left_group'),
    member: personRefSchema,
    groupExternalId: z.string(),
    reason: z.enum(['left', 'removed']),
  }),
  z.object({
    ...base,
    type: z.literal('message'),
    member: personRefSchema,
    chat: chatRefSchema,
    messageExternalId: z.string(),
    text: z.string().default(''),
    attachments: z.array(attachmentSchema).default([]),
  }),
  z.object({
    ...base,
    type: z.literal('dice'),
    member: personRefSchema,
    chat: chatRefSchema,
    messageExternalId: z.string(),
    emoji: z.string().default('🎲'),
    value: z.number().int().min(1).max(64),
  }),
  z.object({
    ...base,
    type: z.literal('join_request'),
    member: personRefSchema,
    groupExternalId: z.string(),
    entryState: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('group.created'),
    groupExternalId: z.string(),
    name: z.string(),
    ownerExternalId: z.string().optional(),
  }),
  z.object({ ...base, type: z.literal('group.dismissed'), groupExternalId: z.string() }),
  /**
   * The platform says something changed but not what (WeCom callbacks carry ids, not details): Orchard
   * reads it back in a job (platform-sync/). `memberExternalId` names the customer a change is about;
   * it is not a `member`, so the event creates no member before the platform has been read.
   */
  z.object({
    ...base,
    type: z.literal('platform.changed'),
    scope: z.enum(['group', 'contact', 'tags']),
    groupExternalId: z.string().optional(),
    memberExternalId: z.string().optional(),
    staffExternalId: z.string().optional(),
    reason: z.string().optional(),
  }),
  z.object({
    ...base,
    type: z.literal('order'),
    member: personRefSchema,
    orderExternalId: z.string(),
    amountCents: z.number().int(),
    currency: z.string().default('CNY'),
  }),
]);
export type PlatformEvent = z.infer<typeof platformEventSchema>;
export type PlatformEventType = PlatformEvent['type'];

// ---------- outbound ----------

export type MessageTarget =
  | { kind: 'group'; groupExternalId: string }
  | { kind: 'member'; memberExternalId: string; staffExternalId?: string };

export type MessageContent = { text?: string; attachments?: Attachment[] };

export type SendResult = { externalId: string };

/** What became of one message of a `sendMany`: what `send` would have returned, or what it would have thrown. */
export type SendOutcome = { ok: true; externalId: string } | { ok: false; error: unknown };

export type EntryLinkSpec =
  | { kind: 'contact'; state: string; staffExternalIds: string[] }
  | {
      kind: 'group';
      state: string;
      groupExternalIds: string[];
      /** Open a new group when every listed group is full (WeCom auto_create_room). */
      autoCreateGroup?: { nameTemplate: string };
      /** Where the platform supports them (Telegram invite links): a cap on joins, an expiry, approval. */
      memberLimit?: number;
      expiresAt?: Date;
      requiresApproval?: boolean;
    };
export type EntryLink = { externalId: string; url: string };

export type ModerationAction =
  | { type: 'delete'; groupExternalId: string; messageExternalId: string }
  | { type: 'mute'; groupExternalId: string; memberExternalId: string; untilMs: number }
  | { type: 'remove'; groupExternalId: string; memberExternalId: string }
  | { type: 'ban'; groupExternalId: string; memberExternalId: string };

/** What a platform allows. Features read this; they never branch on the platform's name. */
export type Capabilities = {
  /** Can Orchard send to a group or a member right now (false on WeCom: mass sends need staff confirmation). */
  canSendDirect: boolean;
  /** How a welcome on add is delivered: a one-time token within a deadline, or a plain message. */
  welcome: { mode: 'token'; deadlineMs: number; maxAttachments: number } | { mode: 'message' };
  groupWelcome: 'template' | 'message';
  /**
   * The attachment kinds the platform carries to members. A `coupon` in the list means it shows Orchard's coupon
   * itself (a card); where it is missing (WeCom, Telegram) a member's coupon travels as a link to their coupon
   * page (the member link). Other kinds missing here are left out of what Orchard composes (welcomes).
   */
  attachments: Attachment['type'][];
  entryLinks: {
    contact: boolean;
    group: boolean;
    autoCreateGroup: boolean;
    maxStateLength: number;
    /**
     * Who a contact link leads to: a staff member's own account (WeCom contact-me, the sandbox), so the link
     * itself decides the staff; or the platform account's bot (Telegram `/start`), so Orchard assigns staff
     * when the member arrives. Absent means 'staff_account'.
     */
    contactVia?: 'staff_account' | 'bot';
    /** How many groups one group link may list (WeCom join way: 5; Telegram invite link: 1); absent: no limit. */
    maxGroupsPerLink?: number;
  };
  moderation: { delete: boolean; mute: boolean; remove: boolean; ban: boolean };
  canCreateGroup: boolean;
  canReadGroupMessages: boolean;
  canSendDice: boolean;
  tags: 'platform' | 'orchard';
  moments: boolean;
  joinRequests: boolean;
  groupCapacity: number;
  rateLimits: {
    /** Sends per second across the whole account. */
    perSecond: number;
    /** Sends per minute into one chat. */
    perChatPerMinute: number;
    /** Mass messages one customer may receive per month, where the platform caps it. */
    massPerMemberPerMonth?: number;
  };
  /** The exact per-recipient mass-send rule where the platform caps it (see mass-sends/). */
  massQuota?: MassQuotaRule;
};

/**
 * Whether a staff member needs their own account on the platform account to take arrivals there (WeCom
 * contact-me, the sandbox), or the bot takes them and Orchard assigns any staff member (Telegram).
 */
export const needsStaffAccount = (capabilities: Capabilities): boolean =>
  (capabilities.entryLinks.contactVia ?? 'staff_account') === 'staff_account';

export type WebhookRequest = {
  method: string;
  headers: Headers;
  query: URLSearchParams;
  body: string;
};

/** What a webhook handler returns: events to store, and the exact response the platform expects. */
export type WebhookResult = {
  events: PlatformEvent[];
  response: { status: number; body: string; contentType?: string };
};

export type JoinRequestAnswer = {
  groupExternalId: string;
  memberExternalId: string;
  decision: 'approve' | 'decline';
};

export type PlatformAdapter = PlatformOperations & {
  readonly platform: string;
  readonly capabilities: Capabilities;
  /** Verify a webhook delivery (signature, replay window) and parse it; throws PlatformError('invalid_request'). */
  handleWebhook: (request: WebhookRequest) => Promise<WebhookResult>;
  send: (target: MessageTarget, content: MessageContent) => Promise<SendResult>;
  /**
   * Many sends in one call, where the platform has one (the sandbox writes them in one statement). One
   * outcome per message, in order; a message that fails does not fail the others. Without it the outbox
   * calls `send` once per message.
   */
  sendMany?: (messages: { target: MessageTarget; content: MessageContent }[]) => Promise<SendOutcome[]>;
  /**
   * Only for a platform that lives in Orchard's own database (the sandbox): the same adapter writing in the
   * caller's transaction. The outbox then locks, sends and records a run in one commit (outbox/
   * deliver-outbound.ts). Its writes must not fail that transaction: each runs in a savepoint of its own.
   */
  inTransaction?: (tx: Db) => PlatformAdapter;
  /** Deliver a welcome through the platform's mechanism (`welcomeToken` from member.added_staff). */
  sendWelcome: (input: {
    welcomeToken?: string;
    memberExternalId: string;
    staffExternalId: string;
    content: MessageContent;
  }) => Promise<SendResult>;
  createEntryLink?: (spec: EntryLinkSpec) => Promise<EntryLink>;
  moderate?: (action: ModerationAction) => Promise<void>;
  createGroup?: (input: { name: string; ownerStaffExternalId?: string; capacity?: number }) => Promise<{
    externalId: string;
  }>;
  sendDice?: (target: MessageTarget, emoji: string) => Promise<SendResult & { value: number }>;
  /** Approve or decline a request to join a group (where `capabilities.joinRequests`). */
  answerJoinRequest?: (answer: JoinRequestAnswer) => Promise<void>;
  /**
   * Pull events instead of receiving webhooks (Telegram getUpdates in polling mode); present only when the
   * account is set up to poll. The worker stores the events and the returned cursor in one transaction and
   * passes that cursor to the next call, which acknowledges what came before it.
   */
  pollUpdates?: (input: { cursor: string | null; signal?: AbortSignal }) => Promise<{
    events: PlatformEvent[];
    cursor: string | null;
  }>;
};

// ---------- errors ----------

/**
 * The one error adapters throw. `temporary` says whether a retry may succeed; `retryAfterMs` is the
 * platform's own hint (Telegram 429 retry_after, WeCom frequency limits).
 */
export class PlatformError extends Error {
  constructor(
    readonly code: 'invalid_request' | 'rate_limited' | 'unavailable' | 'rejected' | 'not_supported',
    message: string,
    readonly options: { temporary: boolean; retryAfterMs?: number; platformCode?: string | number } = {
      temporary: false,
    },
  ) {
    super(message);
    this.name = 'PlatformError';
  }
  get isTemporary(): boolean {
    return this.options.temporary;
  }
}
