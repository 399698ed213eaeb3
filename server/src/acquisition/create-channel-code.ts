import { randomBytes, randomInt } from 'node:crypto';
import type { Scope } from '../access/auth-context.ts';
import type { AppDeps } from '../app/deps.ts';
import { findAccountProblems, findStoreProblems, throwIfProblems } from '../communities/community-guards.ts';
import type { Db } from '../db/client.ts';
import type { ErrorDetail } from '../errors.ts';
import type { Capabilities } from '../platforms/platform.ts';
import {
  type CodeTargetInput,
  type CreateChannelCodeInput,
  createChannelCodeInput,
} from './acquisition.schemas.ts';
import {
  type ChannelCodeInsert,
  type ChannelCodeRow,
  type CodeStaffInput,
  insertChannelCode,
} from './channel-codes.store.ts';
import { findCapabilityProblems, findPartnerProblems, findTargetProblems } from './code-guards.ts';

/** A compact attribution state: `c_` and 8 base-36 characters (WeCom allows 30). */
const newState = () => `c_${Array.from({ length: 8 }, () => randomInt(36).toString(36)).join('')}`;
const newToken = () => randomBytes(9).toString('base64url');

export type CreateChannelCodeOptions = {
  tenantId: string;
  /** The caller's scope; a feature creating codes for the brand passes `{ kind: 'brand' }`. */
  scope: Scope;
  input: CreateChannelCodeInput;
  /** Who creates it: 'channel' for operators; other features name themselves (fission: 'invite'). */
  purpose?: string;
  /** The member whose personal code this is (fission invite links), attributed as the referrer. */
  referrerMemberId?: string | null;
  /** Run inside the caller's transaction (adapters must already be loaded: pass their capabilities). */
  db?: Db;
  capabilities?: Capabilities;
};

/** The staff rows of a target, in order: primaries (with their cap, or the code's default) then backups. */
export const codeStaffOf = (target: CodeTargetInput): CodeStaffInput[] =>
  target.kind === 'group'
    ? []
    : [
        ...target.staff.map((s) => ({
          staffId: s.staffId,
          isBackup: false,
          dailyCap: s.dailyCap === undefined ? (target.dailyCap ?? null) : s.dailyCap,
        })),
        ...target.backupStaffIds.map((staffId) => ({ staffId, isBackup: true, dailyCap: null })),
      ];

/** The columns a target sets. */
export const targetColumnsOf = (target: CodeTargetInput) =>
  target.kind === 'group'
    ? { targetKind: 'group' as const, seriesId: target.seriesId, strategy: null, schedule: [] }
    : { targetKind: 'staff' as const, seriesId: null, strategy: target.strategy, schedule: target.schedule };

export const findExpiryProblems = (expiresAt: string | null | undefined, now: Date): ErrorDetail[] =>
  expiresAt && new Date(expiresAt).getTime() <= now.getTime()
    ? [{ path: 'expiresAt', message: 'must be in the future' }]
    : [];

/**
 * Create a channel code: every reference checked first (a 400 naming each problem), then the code and its staff
 * in one transaction. No platform call happens here: platform links are made on first scan, so nothing is left
 * half-created on the platform either. Callable by other features (fission makes one per inviting member).
 */
export const createChannelCode = async (
  deps: AppDeps,
  options: CreateChannelCodeOptions,
): Promise<ChannelCodeRow> => {
  const db = options.db ?? deps.db;
  const input = createChannelCodeInput.parse(options.input);
  const { tenantId, scope } = options;
  throwIfProblems(await findAccountProblems(db, tenantId, input.platformAccountId));
  const capabilities =
    options.capabilities ?? (await deps.platforms.adapterFor(tenantId, input.platformAccountId)).capabilities;
  throwIfProblems([
    ...(await findStoreProblems(db, { tenantId, scope }, input.storeId)),
    ...(await findPartnerProblems(db, { tenantId, source: input.source, partnerId: input.partnerId })),
    ...findCapabilityProblems(capabilities, input.target),
    ...(await findTargetProblems(db, {
      tenantId,
      scope,
      platformAccountId: input.platformAccountId,
      capabilities,
      target: input.target,
    })),
    ...findExpiryProblems(input.expiresAt, deps.now()),
  ]);
  const now = deps.now();
  const values: ChannelCodeInsert = {
    tenantId,
    storeId: input.storeId ?? null,
    platformAccountId: input.platformAccountId,
    name: input.name,
    source: input.source,
    purpose: options.purpose ?? 'channel',
    referrerMemberId: options.referrerMemberId ?? null,
    partnerId: input.partnerId ?? null,
    token: newToken(),
    state: newState(),
    ...targetColumnsOf(input.target),
    tagNames: [...new Set(input.tagNames)],
    welcome: input.welcome ?? null,
    headline: input.headline ?? null,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    totalCap: input.totalCap ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const staff = codeStaffOf(input.target);
  return options.db
    ? insertChannelCode(options.db, values, staff)
    : deps.db.transaction((tx) => insertChannelCode(tx, values, staff));
};
