import { AppError, notFound } from '../../errors.ts';
import { loadMemberLoyalty } from '../levels/levels.store.ts';
import type { LevelChange } from '../levels/levels.ts';
import { settleMemberLevel } from '../levels/settle-level.ts';
import type { RewardTx } from '../reward-tx.ts';
import { appendCredit, appendDebit, type Standing } from './ledger-writes.store.ts';
import {
  findAccount,
  findLedgerEntry,
  findLedgerEntryByKey,
  type LedgerRow,
  lockAccount,
} from './points.store.ts';
import { applyMultiplier, expiryOf, lifetimeDeltaOf, type PointsSource } from './points.ts';

/**
 * The points use cases: grant (earn), spend, adjust, reverse. Each appends one ledger entry under its idempotency
 * key and moves the member's balance row in the same statement, in the caller's transaction; the same key again
 * changes nothing and returns the first entry. A refused debit throws, so the caller's transaction (and the
 * entry it appended) rolls back.
 */

export type PointsResult = {
  entry: LedgerRow;
  /** False when the idempotency key had been used: nothing changed, `entry` is the first one. */
  isNew: boolean;
  balance: number;
  levelChange: LevelChange | null;
};

type EntryBase = {
  memberId: string;
  source: PointsSource;
  reason: string;
  /** Unique per brand; derive it from the cause (`invite:<inviteId>`), never from the clock. */
  idempotencyKey: string;
  data?: Record<string, unknown>;
  actorStaffId?: string | null;
  /** The campaign that gives them (a fission reward), for its ROI. */
  campaignId?: string | null;
};

export type PointsGrant = EntryBase & {
  /** Before the level multiplier; 0 records the cause (an order's spend) without points. */
  points: number;
  /** Earnings are multiplied by the member's level (default); manual and imported points are not. */
  isMultiplied?: boolean;
  /** An order amount this grant adds to the member's spend (the spend level basis). */
  spendCents?: number;
};

const replayOf = async (rt: RewardTx, idempotencyKey: string, memberId: string): Promise<PointsResult> => {
  const entry = await findLedgerEntryByKey(rt.tx, rt.tenantId, idempotencyKey);
  if (!entry) throw new AppError('conflict', 'The idempotency key is being used by another request');
  if (entry.memberId !== memberId) {
    throw new AppError('conflict', 'The idempotency key was already used for another member');
  }
  const account = await findAccount(rt.tx, rt.tenantId, memberId);
  return { entry, isNew: false, balance: account?.balance ?? 0, levelChange: null };
};

const entryFields = (rt: RewardTx, input: EntryBase) => ({
  tenantId: rt.tenantId,
  memberId: input.memberId,
  reason: input.reason,
  source: input.source,
  idempotencyKey: input.idempotencyKey,
  actorStaffId: input.actorStaffId ?? null,
  sourceEventId: rt.sourceEventId ?? null,
  campaignId: input.campaignId ?? null,
  createdAt: rt.now,
});

type Loyalty = Awaited<ReturnType<typeof loadMemberLoyalty>>;

const settle = (rt: RewardTx, memberId: string, entry: LedgerRow, standing: Standing, loyalty: Loyalty) =>
  settleMemberLevel(rt, { memberId, standing, ...loyalty, cause: `points:${entry.id}` });

const credit = async (
  rt: RewardTx,
  input: PointsGrant & { kind: 'earn' | 'adjust' | 'reverse'; reversesId?: number; lifetimeDelta?: number },
): Promise<PointsResult> => {
  if (!Number.isInteger(input.points) || input.points < 0) {
    throw new AppError('bad_request', 'points must be a whole number, 0 or more');
  }
  const loyalty = await loadMemberLoyalty(rt.tx, rt.tenantId, input.memberId);
  const { brand, levels, currentLevelId } = loyalty;
  const multiplier =
    input.isMultiplied === false
      ? 100
      : (levels.find((l) => l.id === currentLevelId)?.pointsMultiplierPercent ?? 100);
  const points = applyMultiplier(input.points, multiplier);
  const written = await appendCredit(
    rt.tx,
    {
      ...entryFields(rt, input),
      kind: input.kind,
      points,
      expiresAt: points > 0 ? expiryOf(brand.rules.points.expiry, rt.now, brand.timeZone) : null,
      reversesId: input.reversesId ?? null,
      data: multiplier === 100 ? (input.data ?? {}) : { ...input.data, basePoints: input.points, multiplier },
    },
    {
      lifetimeDelta: input.lifetimeDelta ?? lifetimeDeltaOf(input.kind, points),
      spendCents: input.spendCents ?? 0,
    },
  );
  if (!written) return replayOf(rt, input.idempotencyKey, input.memberId);
  const levelChange = await settle(rt, input.memberId, written.entry, written.standing, loyalty);
  return { entry: written.entry, isNew: true, balance: written.standing.balance, levelChange };
};

/** Earn points (check-in, invite, game, order…), multiplied by the member's level. The function fission calls. */
export const grantPoints = (rt: RewardTx, grant: PointsGrant): Promise<PointsResult> =>
  credit(rt, { ...grant, kind: 'earn' });

export type PointsDebit = EntryBase & {
  points: number;
  kind?: 'spend' | 'adjust' | 'reverse';
  reversesId?: number;
  lifetimeDelta?: number;
};

/** Take points (mall, make-up card, negative adjustment); throws insufficient_points when the balance is short. */
export const spendPoints = async (rt: RewardTx, input: PointsDebit): Promise<PointsResult> => {
  if (!Number.isInteger(input.points) || input.points <= 0) {
    throw new AppError('bad_request', 'points must be a whole number above 0');
  }
  const kind = input.kind ?? 'spend';
  const lifetimeDelta = input.lifetimeDelta ?? lifetimeDeltaOf(kind, -input.points);
  const written = await appendDebit(
    rt.tx,
    {
      ...entryFields(rt, input),
      kind,
      points: -input.points,
      reversesId: input.reversesId ?? null,
      data: input.data ?? {},
    },
    { lifetimeDelta },
  );
  if (written.status === 'replay') return replayOf(rt, input.idempotencyKey, input.memberId);
  if (written.status === 'short') {
    throw new AppError('insufficient_points', `Not enough points: ${input.points} needed`);
  }
  const { entry, standing } = written;
  if (lifetimeDelta === 0) return { entry, isNew: true, balance: standing.balance, levelChange: null };
  // Taking back earnings lowers lifetime points, and with them possibly the level.
  const loyalty = await loadMemberLoyalty(rt.tx, rt.tenantId, input.memberId);
  const levelChange = await settle(rt, input.memberId, entry, standing, loyalty);
  return { entry, isNew: true, balance: standing.balance, levelChange };
};

/** A staff member's (or an import's) correction: needs a reason; not multiplied; a debit cannot overdraw. */
export const adjustPoints = (
  rt: RewardTx,
  input: EntryBase & { points: number; source: 'manual' | 'import' },
): Promise<PointsResult> =>
  input.points > 0
    ? credit(rt, { ...input, kind: 'adjust', isMultiplied: false })
    : spendPoints(rt, { ...input, points: -input.points, kind: 'adjust' });

/**
 * Undo an entry once (key `reverse:<id>`): a spend is refunded as a new lot; an earning is taken back, as far as
 * the balance still holds it (points already spent stay spent), and leaves the member's lifetime points.
 */
export const reversePoints = async (
  rt: RewardTx,
  input: { entryId: number; reason: string; actorStaffId?: string | null },
): Promise<PointsResult> => {
  const original = await findLedgerEntry(rt.tx, rt.tenantId, input.entryId);
  if (!original) throw notFound('Ledger entry');
  if (original.kind === 'reverse' || original.kind === 'expire' || original.points === 0) {
    throw new AppError(
      'bad_request',
      `A ${original.kind} entry of ${original.points} points cannot be reversed`,
    );
  }
  const base = {
    memberId: original.memberId,
    source: original.source as PointsSource,
    reason: input.reason,
    idempotencyKey: `reverse:${original.id}`,
    reversesId: original.id,
    actorStaffId: input.actorStaffId ?? null,
    lifetimeDelta: lifetimeDeltaOf('reverse', -original.points, original.kind),
  };
  if (original.points < 0) {
    return credit(rt, { ...base, points: -original.points, kind: 'reverse', isMultiplied: false });
  }
  const account = await lockAccount(rt.tx, rt.tenantId, original.memberId);
  const available = Math.min(original.points, account?.balance ?? 0);
  const data = { reversedPoints: original.points };
  return available > 0
    ? spendPoints(rt, { ...base, points: available, kind: 'reverse', data })
    : credit(rt, { ...base, points: 0, kind: 'reverse', isMultiplied: false, data });
};
