import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pointsAccounts, pointsLedger } from '../../db/schema/index.ts';
import type { LedgerRow, NewLedgerEntry } from './points.store.ts';

export type Standing = { balance: number; lifetimePoints: number; spendCents: number };

type Entry = NewLedgerEntry & { createdAt: Date };

const insertEntry = (e: Entry): SQL => sql`
  insert into ${pointsLedger} (tenant_id, member_id, kind, points, reason, source, idempotency_key, expires_at,
    reverses_id, data, actor_staff_id, source_event_id, campaign_id, created_at)
  values (${e.tenantId}, ${e.memberId}, ${e.kind}, ${e.points}, ${e.reason}, ${e.source}, ${e.idempotencyKey},
    ${e.expiresAt ?? null}, ${e.reversesId ?? null}, ${JSON.stringify(e.data ?? {})}::jsonb, ${e.actorStaffId ?? null},
    ${e.sourceEventId ?? null}, ${e.campaignId ?? null}, ${e.createdAt})
  on conflict do nothing
  returning id, tenant_id, member_id, points`;

type Written = {
  entryId: string | number | null;
  balance: number | null;
  lifetimePoints: number;
  spendCents: number;
};

const rowOf = (result: unknown): Written | undefined => (result as { rows: Written[] }).rows[0];

const entryOf = (e: Entry, id: string | number): LedgerRow => ({
  id: Number(id),
  tenantId: e.tenantId,
  memberId: e.memberId,
  kind: e.kind,
  points: e.points,
  reason: e.reason,
  source: e.source,
  idempotencyKey: e.idempotencyKey,
  expiresAt: e.expiresAt ?? null,
  reversesId: e.reversesId ?? null,
  data: e.data ?? {},
  actorStaffId: e.actorStaffId ?? null,
  sourceEventId: e.sourceEventId ?? null,
  campaignId: e.campaignId ?? null,
  createdAt: e.createdAt,
});

const standingOf = (row: Written): Standing => ({
  balance: row.balance ?? 0,
  lifetimePoints: row.lifetimePoints,
  spendCents: row.spendCents,
});

/**
 * Append a credit and add it to the member's balance row (created on first use), in ONE statement: the entry's
 * insert is a CTE the account upsert reads, so nothing happens to the balance unless the idempotency key was
 * new. Null when it was not (the first entry stands).
 */
export const appendCredit = async (
  db: Db,
  entry: Entry,
  delta: { lifetimeDelta: number; spendCents: number },
): Promise<{ entry: LedgerRow; standing: Standing } | null> => {
  const row = rowOf(
    await db.execute(sql`
      with entry as (${insertEntry(entry)})
      insert into ${pointsAccounts} as a (member_id, tenant_id, balance, lifetime_points, spend_cents, updated_at)
      select member_id, tenant_id, points, greatest(0, ${delta.lifetimeDelta}::int), ${delta.spendCents}::bigint,
        ${entry.createdAt} from entry
      on conflict (member_id) do update set balance = a.balance + excluded.balance,
        lifetime_points = greatest(0, a.lifetime_points + ${delta.lifetimeDelta}::int),
        spend_cents = a.spend_cents + excluded.spend_cents, updated_at = excluded.updated_at
      returning (select id from entry) as "entryId", balance, lifetime_points as "lifetimePoints",
        spend_cents::float8 as "spendCents"`),
  );
  return row?.entryId != null ? { entry: entryOf(entry, row.entryId), standing: standingOf(row) } : null;
};

/**
 * Append a debit and take it from the balance if the balance holds it, in ONE statement. The UPDATE is guarded
 * (`balance >= n`): a concurrent debit of the same member waits for this row's lock and then re-checks the guard
 * on the balance it left, so two spends can never overdraw. `replay` when the key was used; `short` when the
 * balance is short (the entry was written by this statement: the caller must roll back, and throws to).
 */
export const appendDebit = async (
  db: Db,
  entry: Entry,
  delta: { lifetimeDelta: number },
): Promise<
  { status: 'written'; entry: LedgerRow; standing: Standing } | { status: 'replay' } | { status: 'short' }
> => {
  const row = rowOf(
    await db.execute(sql`
      with entry as (${insertEntry(entry)}),
      account as (
        update ${pointsAccounts} as a set balance = a.balance + e.points,
          lifetime_points = greatest(0, a.lifetime_points + ${delta.lifetimeDelta}::int), updated_at = ${entry.createdAt}
        from entry e
        where a.member_id = e.member_id and a.tenant_id = e.tenant_id and a.balance >= -e.points
        returning a.balance, a.lifetime_points, a.spend_cents)
      select (select id from entry) as "entryId", account.balance, account.lifetime_points as "lifetimePoints",
        account.spend_cents::float8 as "spendCents"
      from (select 1) one left join account on true`),
  );
  if (!row || row.entryId == null) return { status: 'replay' };
  if (row.balance == null) return { status: 'short' };
  return { status: 'written', entry: entryOf(entry, row.entryId), standing: standingOf(row) };
};
