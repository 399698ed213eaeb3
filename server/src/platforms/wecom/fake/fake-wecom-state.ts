/**
 * The fake WeCom's world: staff, customers and their contact relations, customer groups, corp tags,
 * welcome codes, mass-send tasks and moments. Plain data that the fake's API handlers and the test's
 * simulated people both change. Times are milliseconds on the test's clock.
 */

export type FakeContact = {
  externalUserId: string;
  name: string;
  /** Staff userid → the relation: when it began, its attribution state and its corp tags. */
  follows: Map<string, { createdAtMs: number; state?: string; tagIds: Set<string> }>;
  /** Mass messages received, as times (the platform's own per-customer quota). */
  massReceivedAtMs: number[];
};

export type FakeGroupMember = {
  userid: string;
  type: 1 | 2;
  joinTimeMs: number;
  joinScene: 1 | 2 | 3;
  name?: string;
  state?: string;
  invitor?: string;
};

export type FakeGroup = {
  chatId: string;
  name: string;
  owner: string;
  createdAtMs: number;
  status: 'active' | 'dismissed';
  members: FakeGroupMember[];
  massReceivedAtMs: number[];
};

export type FakeMassRecipient = {
  externalUserId?: string;
  chatId?: string;
  /** 0 waiting for the staff member, 1 sent, 2 not a contact, 3 quota reached. */
  status: 0 | 1 | 2 | 3;
  sentAtMs?: number;
};

export type FakeMassTask = {
  msgid: string;
  sender: string;
  chatType: 'single' | 'group';
  text?: string;
  attachments: unknown[];
  confirmedAtMs?: number;
  recipients: FakeMassRecipient[];
};

export type FakeState = {
  staff: Map<string, { name: string }>;
  contacts: Map<string, FakeContact>;
  groups: Map<string, FakeGroup>;
  tagGroups: { groupId: string; name: string; tags: { id: string; name: string }[] }[];
  welcomeCodes: Map<string, { userid: string; externalUserId: string; expiresAtMs: number; isUsed: boolean }>;
  welcomes: {
    welcomeCode: string;
    externalUserId: string;
    userid: string;
    text?: string;
    attachments: unknown[];
  }[];
  contactWays: { configId: string; state?: string; users: string[]; qrCode: string }[];
  joinWays: {
    configId: string;
    state?: string;
    chatIds: string[];
    autoCreateRoom: boolean;
    qrCode: string;
  }[];
  groupWelcomeTemplates: { templateId: string; text?: string }[];
  massTasks: Map<string, FakeMassTask>;
  moments: Map<string, { jobid: string; text?: string; senders: string[]; polls: number; momentId: string }>;
  /** How many mass messages one customer or group receives per calendar month (WeCom: the month's days). */
  massPerMonth: number;
  sequence: number;
};

export const createFakeState = (options: { massPerMonth?: number } = {}): FakeState => ({
  staff: new Map(),
  contacts: new Map(),
  groups: new Map(),
  tagGroups: [],
  welcomeCodes: new Map(),
  welcomes: [],
  contactWays: [],
  joinWays: [],
  groupWelcomeTemplates: [],
  massTasks: new Map(),
  moments: new Map(),
  massPerMonth: options.massPerMonth ?? 31,
  sequence: 0,
});

export const nextId = (state: FakeState, prefix: string): string => `${prefix}${++state.sequence}`;

/** WeCom's 20-second window for a WelcomeCode. */
export const WELCOME_CODE_TTL_MS = 20_000;

const sameMonth = (aMs: number, bMs: number) => {
  const a = new Date(aMs);
  const b = new Date(bMs);
  return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
};

/** The staff member presses send: each recipient gets it, unless no longer a contact or over the quota. */
export const confirmMassTask = (state: FakeState, task: FakeMassTask, nowMs: number): void => {
  task.confirmedAtMs = nowMs;
  for (const recipient of task.recipients) {
    if (recipient.status !== 0) continue;
    const receiver = recipient.externalUserId
      ? state.contacts.get(recipient.externalUserId)
      : state.groups.get(recipient.chatId ?? '');
    const isReachable = recipient.externalUserId
      ? (receiver as FakeContact | undefined)?.follows.has(task.sender) === true
      : (receiver as FakeGroup | undefined)?.status === 'active';
    if (!receiver || !isReachable) {
      recipient.status = 2;
      continue;
    }
    const thisMonth = receiver.massReceivedAtMs.filter((at) => sameMonth(at, nowMs)).length;
    if (thisMonth >= state.massPerMonth) {
      recipient.status = 3;
      continue;
    }
    receiver.massReceivedAtMs.push(nowMs);
    recipient.status = 1;
    recipient.sentAtMs = nowMs;
  }
};
