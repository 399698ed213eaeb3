import type { Db } from '../../db/client.ts';
import { pageOf } from '../../http/pagination.ts';
import { listLevelRows } from '../levels/levels.store.ts';
import { levelValueOf } from '../levels/levels.ts';
import { loadBrandLoyalty } from '../settings/settings.store.ts';
import { findAccountWithLevel, findNextExpiry, type LedgerRow, listLedgerEntries } from './points.store.ts';
import { expiringPoints } from './points.ts';

export type PointsSummary = {
  balance: number;
  lifetimePoints: number;
  spendCents: number;
  makeupCards: number;
  level: {
    id: string;
    name: string;
    rank: number;
    pointsMultiplierPercent: number;
    hasMemberOnlyAccess: boolean;
  } | null;
  /** The next level up and how far it is, in the brand's basis (points or cents). */
  nextLevel: { id: string; name: string; threshold: number; remaining: number } | null;
  expiring: { points: number; at: string } | null;
};

/** A member's points, level and next expiry: what their page and the staff's member view show. */
export const summarizeMemberPoints = async (
  db: Db,
  input: { tenantId: string; memberId: string; now: Date },
): Promise<PointsSummary> => {
  const [account, brand, levels, expiry] = [
    await findAccountWithLevel(db, input.tenantId, input.memberId),
    await loadBrandLoyalty(db, input.tenantId),
    await listLevelRows(db, input.tenantId),
    await findNextExpiry(db, input),
  ];
  const standing = { lifetimePoints: account?.lifetimePoints ?? 0, spendCents: account?.spendCents ?? 0 };
  const value = levelValueOf(brand.rules.levels.basis, standing);
  const current = account?.level ?? null;
  const next = levels.find(
    (l) => l.rank > (current?.rank ?? Number.NEGATIVE_INFINITY) && l.threshold > value,
  );
  const expiringNow = expiry ? expiringPoints(expiry) : 0;
  return {
    balance: account?.balance ?? 0,
    ...standing,
    makeupCards: account?.makeupCards ?? 0,
    level: current,
    nextLevel: next
      ? { id: next.id, name: next.name, threshold: next.threshold, remaining: next.threshold - value }
      : null,
    expiring: expiry && expiringNow > 0 ? { points: expiringNow, at: expiry.at.toISOString() } : null,
  };
};

export const ledgerEntryViewOf = (row: LedgerRow) => ({
  id: row.id,
  kind: row.kind,
  points: row.points,
  reason: row.reason,
  source: row.source,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  reversesId: row.reversesId,
  createdAt: row.createdAt.toISOString(),
});
export type LedgerEntryView = ReturnType<typeof ledgerEntryViewOf>;

/** Newest first; the cursor is the last entry's id. */
export const pageLedger = async (
  db: Db,
  input: { tenantId: string; memberId: string; limit: number; cursor?: string },
) => {
  const beforeId = input.cursor && /^\d+$/.test(input.cursor) ? Number(input.cursor) : undefined;
  const rows = await listLedgerEntries(db, { ...input, beforeId });
  return pageOf(rows, input.limit, (row) => String(row.id), ledgerEntryViewOf);
};
