import { randomUUID } from 'node:crypto';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { memberIdentities, members, staffAccounts } from '../db/schema/index.ts';
import type { PersonRef } from '../platforms/platform.ts';
import type { ResolvedIdentity, ResolvedMember, ResolvedStaffAccount } from './middleware.ts';

/** Who one event names: a member (to upsert) and/or a staff account (to look up). */
export type ParticipantRef = {
  tenantId: string;
  platformAccountId: string;
  member?: PersonRef;
  staffExternalId?: string;
  occurredAt: Date;
};

export type Participants = {
  memberOf: (
    platformAccountId: string,
    externalId: string,
  ) => { member: ResolvedMember; identity: ResolvedIdentity } | undefined;
  staffOf: (platformAccountId: string, externalId: string) => ResolvedStaffAccount | undefined;
};

type Wanted = {
  tenantId: string;
  platformAccountId: string;
  externalId: string;
  name?: string;
  seenAt: Date;
  /** The earliest event of the batch naming them: a new member exists from then, not from when the worker ran. */
  firstSeenAt: Date;
};
type Found = { member: ResolvedMember; identity: ResolvedIdentity };

const keyOf = (platformAccountId: string, externalId: string) => `${platformAccountId}\n${externalId}`;

/**
 * `(account = a and external_id = any(…)) or …`: one condition for a batch that spans a few accounts.
 * An array parameter per account rather than one parameter per id keeps big batches cheap to send.
 */
const byAccount = (
  accountColumn: PgColumn,
  externalColumn: PgColumn,
  pairs: Iterable<[string, string]>,
): SQL => {
  const groups = new Map<string, Set<string>>();
  for (const [account, external] of pairs)
    groups.set(account, (groups.get(account) ?? new Set()).add(external));
  return or(
    ...[...groups].map(([account, ids]) =>
      and(eq(accountColumn, account), sql`${externalColumn} = any(${sql.param([...ids])}::text[])`),
    ),
  )!;
};

/**
 * Resolve the members and staff accounts named by a batch of events with a handful of statements,
 * whatever the batch size: one member per identity (created on first sight), the identity's display
 * name kept current, and `members.last_seen_at` moved forward to the latest event.
 */
export const resolveParticipants = async (tx: Db, refs: ParticipantRef[]): Promise<Participants> => {
  const wanted = new Map<string, Wanted>();
  for (const ref of refs) {
    if (!ref.member) continue;
    const key = keyOf(ref.platformAccountId, ref.member.externalId);
    const previous = wanted.get(key);
    wanted.set(key, {
      tenantId: ref.tenantId,
      platformAccountId: ref.platformAccountId,
      externalId: ref.member.externalId,
      name: ref.member.name ?? previous?.name,
      seenAt: previous && previous.seenAt > ref.occurredAt ? previous.seenAt : ref.occurredAt,
      firstSeenAt: previous && previous.firstSeenAt < ref.occurredAt ? previous.firstSeenAt : ref.occurredAt,
    });
  }
  const found = await findMembers(tx, [...wanted.values()]);
  const missing = [...wanted.entries()].filter(([key]) => !found.has(key)).map(([, w]) => w);
  const existing = [...wanted.entries()].filter(([key]) => found.has(key));
  if (missing.length > 0) {
    for (const [key, value] of await createMembers(tx, missing)) found.set(key, value);
  }
  await refreshMembers(
    tx,
    existing.map(([key, w]) => ({ wanted: w, found: found.get(key)! })),
  );
  const staff = await findStaffAccounts(tx, refs);
  return {
    memberOf: (account, external) => found.get(keyOf(account, external)),
    staffOf: (account, external) => staff.get(keyOf(account, external)),
  };
};

const findMembers = async (tx: Db, wanted: Wanted[]): Promise<Map<string, Found>> => {
  const result = new Map<string, Found>();
  if (wanted.length === 0) return result;
  const rows = await tx
    .select({
      identityId: memberIdentities.id,
      platformAccountId: memberIdentities.platformAccountId,
      externalId: memberIdentities.externalId,
      displayName: memberIdentities.displayName,
      memberId: members.id,
      memberName: members.name,
    })
    .from(memberIdentities)
    .innerJoin(members, eq(members.id, memberIdentities.memberId))
    .where(
      byAccount(
        memberIdentities.platformAccountId,
        memberIdentities.externalId,
        wanted.map((w) => [w.platformAccountId, w.externalId]),
      ),
    );
  for (const row of rows) {
    result.set(keyOf(row.platformAccountId, row.externalId), {
      member: { id: row.memberId, name: row.memberName, isNew: false },
      identity: { id: row.identityId, externalId: row.externalId, displayName: row.displayName },
    });
  }
  return result;
};

/**
 * New people: a member and an identity each. Another worker may create the same identity at the same
 * moment; the unique index makes one of us lose, and the loser drops its spare member and uses the winner's.
 */
const createMembers = async (tx: Db, missing: Wanted[]): Promise<Map<string, Found>> => {
  // Sorted so concurrent workers take index locks in the same order.
  const rows = [...missing]
    .sort((a, b) =>
      keyOf(a.platformAccountId, a.externalId).localeCompare(keyOf(b.platformAccountId, b.externalId)),
    )
    .map((w) => ({ ...w, memberId: randomUUID(), identityId: randomUUID() }));
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
  await tx.execute(sql`
    insert into ${members} (id, tenant_id, name, last_seen_at, created_at)
    select id, tenant_id, name, last_seen_at, least(first_seen_at, now())
    from unnest(${column((r) => r.memberId)}::uuid[], ${column((r) => r.tenantId)}::uuid[],
      ${column((r) => r.name ?? r.externalId)}::text[], ${column((r) => r.seenAt.toISOString())}::timestamptz[],
      ${column((r) => r.firstSeenAt.toISOString())}::timestamptz[])
      as t(id, tenant_id, name, last_seen_at, first_seen_at)`);
  const inserted = await tx.execute(sql`
    insert into ${memberIdentities} (id, tenant_id, member_id, platform_account_id, external_id, display_name)
    select * from unnest(${column((r) => r.identityId)}::uuid[], ${column((r) => r.tenantId)}::uuid[],
      ${column((r) => r.memberId)}::uuid[], ${column((r) => r.platformAccountId)}::uuid[],
      ${column((r) => r.externalId)}::text[], ${column((r) => r.name ?? null)}::text[])
    on conflict (platform_account_id, external_id) do nothing
    returning id`);
  const insertedIds = new Set((inserted as { rows: { id: string }[] }).rows.map((r) => r.id));
  const result = new Map<string, Found>();
  for (const r of rows.filter((r) => insertedIds.has(r.identityId))) {
    result.set(keyOf(r.platformAccountId, r.externalId), {
      member: { id: r.memberId, name: r.name ?? r.externalId, isNew: true },
      identity: { id: r.identityId, externalId: r.externalId, displayName: r.name ?? null },
    });
  }
  const lost = rows.filter((r) => !insertedIds.has(r.identityId));
  if (lost.length > 0) {
    await tx.delete(members).where(
      inArray(
        members.id,
        lost.map((r) => r.memberId),
      ),
    );
    const winners = await findMembers(tx, lost);
    await refreshMembers(
      tx,
      lost.flatMap((w) => {
        const winner = winners.get(keyOf(w.platformAccountId, w.externalId));
        return winner ? [{ wanted: w, found: winner }] : [];
      }),
    );
    for (const [key, value] of winners) result.set(key, value);
  }
  return result;
};

/**
 * Known people: keep the identity's display name current and move last_seen_at forward (never back), to
 * the minute: a member who talks all day is not rewritten at every message (what reads it, the lifecycle
 * stages and the member list, counts in days).
 */
const refreshMembers = async (tx: Db, items: { wanted: Wanted; found: Found }[]): Promise<void> => {
  const renamed = items
    .filter(({ wanted, found }) => wanted.name !== undefined && wanted.name !== found.identity.displayName)
    .sort((a, b) => a.found.identity.id.localeCompare(b.found.identity.id));
  if (renamed.length > 0) {
    await tx.execute(sql`
      update ${memberIdentities} as mi set display_name = v.name
      from unnest(${sql.param(renamed.map((r) => r.found.identity.id))}::uuid[],
        ${sql.param(renamed.map((r) => r.wanted.name))}::text[]) as v(id, name)
      where mi.id = v.id`);
    for (const { wanted, found } of renamed) found.identity.displayName = wanted.name ?? null;
  }
  const seen = [...items].sort((a, b) => a.found.member.id.localeCompare(b.found.member.id));
  if (seen.length > 0) {
    await tx.execute(sql`
      update ${members} as m set last_seen_at = v.seen
      from unnest(${sql.param(seen.map((s) => s.found.member.id))}::uuid[],
        ${sql.param(seen.map((s) => s.wanted.seenAt.toISOString()))}::timestamptz[]) as v(id, seen)
      where m.id = v.id and (m.last_seen_at is null or m.last_seen_at < v.seen - interval '1 minute')`);
  }
};

const findStaffAccounts = async (
  tx: Db,
  refs: ParticipantRef[],
): Promise<Map<string, ResolvedStaffAccount>> => {
  const result = new Map<string, ResolvedStaffAccount>();
  const pairs = refs.flatMap((r): [string, string][] =>
    r.staffExternalId ? [[r.platformAccountId, r.staffExternalId]] : [],
  );
  if (pairs.length === 0) return result;
  const rows = await tx
    .select({
      id: staffAccounts.id,
      staffId: staffAccounts.staffId,
      platformAccountId: staffAccounts.platformAccountId,
      externalId: staffAccounts.externalId,
    })
    .from(staffAccounts)
    .where(byAccount(staffAccounts.platformAccountId, staffAccounts.externalId, pairs));
  for (const row of rows) {
    result.set(keyOf(row.platformAccountId, row.externalId), {
      id: row.id,
      staffId: row.staffId,
      externalId: row.externalId,
    });
  }
  return result;
};
