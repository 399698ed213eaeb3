import type { Attachment, MessageContent, SendResult } from './platform.ts';

/**
 * Optional adapter operations beyond sending: what WeCom-like platforms offer (mass sends that staff
 * confirm, moments, platform tags, directory reads for syncing) and a connection check. An adapter
 * implements what its platform has; features test for the member and read `capabilities`.
 */

/** How many mass messages one customer (or group) may receive, per period, where the platform caps it. */
export type MassQuotaRule = {
  period: 'day' | 'week' | 'month';
  /** A number, or the month's day count (WeCom's default rule: one a day on average, counted per month). */
  limit: number | 'days_in_month';
  /** The platform counts periods in its own time zone (WeCom: China, +480). */
  utcOffsetMinutes: number;
};

export type MassRecipients =
  | { kind: 'members'; memberExternalIds: string[] }
  | { kind: 'groups'; groupExternalIds: string[] };

/** The state of one recipient of a staff-confirmed mass send. */
export type MassDeliveryStatus = 'pending' | 'sent' | 'not_contact' | 'over_quota';

export type MassSendReport = {
  /** Has the sender confirmed (pressed send) in their client? */
  isConfirmed: boolean;
  recipients: { kind: 'member' | 'group'; externalId: string; status: MassDeliveryStatus; sentAt?: Date }[];
};

export type GroupMemberSnapshot = {
  externalId: string;
  name?: string;
  isStaff: boolean;
  joinedAt: Date;
  via: 'invited' | 'link' | 'unknown';
  entryState?: string;
  inviterExternalId?: string;
};

export type GroupSnapshot = {
  groupExternalId: string;
  name: string;
  ownerExternalId?: string;
  createdAt: Date;
  status: 'active' | 'dismissed';
  members: GroupMemberSnapshot[];
};

export type ContactRelation = {
  staffExternalId: string;
  addedAt: Date;
  entryState?: string;
  /** Platform tag ids the staff member gave this customer. */
  platformTagIds: string[];
};

export type ContactSnapshot = { externalId: string; name: string; relations: ContactRelation[] };

export type PlatformTagGroup = {
  externalId: string;
  name: string;
  tags: { externalId: string; name: string }[];
};

export type MomentInput = {
  text?: string;
  attachments?: Attachment[];
  /** Staff whose customers see it (all staff when absent); each must confirm in their client. */
  senderExternalIds?: string[];
  /** Only customers with these platform tags. */
  platformTagIds?: string[];
};

export type MomentResult =
  | { status: 'processing' }
  | { status: 'created'; momentExternalId: string; invalidSenderExternalIds: string[] }
  | { status: 'failed'; reason: string };

export type ConnectionCheck = { name: string; isOk: boolean; detail: string };

export type Page<T> = { items: T[]; nextCursor?: string };

export type PlatformOperations = {
  /** Create a mass-send task the sender must confirm; returns the platform's task id. */
  sendMass?: (input: {
    senderExternalId: string;
    recipients: MassRecipients;
    content: MessageContent;
  }) => Promise<SendResult>;
  fetchMassSendReport?: (input: {
    taskExternalId: string;
    senderExternalId: string;
  }) => Promise<MassSendReport>;
  /** Set the welcome a group shows new members (a platform template with %NICKNAME%). */
  setGroupWelcome?: (content: MessageContent) => Promise<{ externalId: string }>;
  /** Delete a group welcome template `setGroupWelcome` registered; one already gone counts as deleted. */
  deleteGroupWelcome?: (templateExternalId: string) => Promise<void>;
  postMoment?: (input: MomentInput) => Promise<{ externalId: string }>;
  fetchMomentResult?: (externalId: string) => Promise<MomentResult>;
  fetchGroup?: (groupExternalId: string) => Promise<GroupSnapshot>;
  listGroups?: (cursor?: string) => Promise<Page<string>>;
  listStaffExternalIds?: () => Promise<string[]>;
  /** Contacts of these staff (≤100), a page at a time. */
  listContacts?: (input: { staffExternalIds: string[]; cursor?: string }) => Promise<Page<ContactSnapshot>>;
  fetchContact?: (externalId: string) => Promise<ContactSnapshot>;
  listPlatformTags?: () => Promise<PlatformTagGroup[]>;
  createPlatformTags?: (input: { groupName: string; names: string[] }) => Promise<PlatformTagGroup>;
  markPlatformTags?: (input: {
    staffExternalId: string;
    memberExternalId: string;
    add: string[];
    remove: string[];
  }) => Promise<void>;
  /** Call the platform with the account's credentials and say what works. */
  checkConnection?: () => Promise<ConnectionCheck[]>;
};
