import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberTags, tags } from '../db/schema/index.ts';
import { chunksOf } from '../lib/chunks.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';

/** Tag ids for names (ungrouped tags), creating the missing ones: codes and rules name tags by text. */
export const ensureTags = async (db: Db, tenantId: string, names: string[]): Promise<Map<string, string>> => {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (unique.length === 0) return new Map();
  await db
    .insert(tags)
    .values(unique.map((name) => ({ tenantId, name })))
    .onConflictDoNothing();
  const rows = await db
    .select({ id: tags.id, name: tags.name })
    .from(tags)
    .where(and(eq(tags.tenantId, tenantId), isNull(tags.groupId), inArray(tags.name, unique)));
  return new Map(rows.map((r) => [r.name, r.id]));
};

/**
 * Apply tags to members; already-present pairs are left alone. Each new pair lands on the member's timeline.
 * Returns how many pairs were new.
 */
export const tagMembers = async (
  db: Db,
  input: {
    tenantId: string;
    memberIds: string[];
    tagIds: string[];
    source: string;
    occurredAt: Date;
    sourceEventId?: number;
  },
): Promise<number> => {
  if (input.memberIds.length === 0 || input.tagIds.length === 0) return 0;
  let count = 0;
  // Chunked so a bulk call stays under PostgreSQL's 65,535 bind parameters per statement.
  for (const memberIds of chunksOf(
    input.memberIds,
    Math.max(1, Math.floor(PAIRS_PER_STATEMENT / input.tagIds.length)),
  )) {
    const added = await db
      .insert(memberTags)
      .values(
        memberIds.flatMap((memberId) =>
          input.tagIds.map((tagId) => ({ tenantId: input.tenantId, memberId, tagId, source: input.source })),
        ),
      )
      .onConflictDoNothing()
      .returning({ memberId: memberTags.memberId, tagId: memberTags.tagId });
    await recordTagEvents(db, 'tag.added', added, input);
    count += added.length;
  }
  return count;
};

/** Take tags off members; absent pairs are ignored. Each removed pair lands on the timeline. Returns how many. */
export const untagMembers = async (
  db: Db,
  input: { tenantId: string; memberIds: string[]; tagIds: string[]; source: string; occurredAt: Date },
): Promise<number> => {
  if (input.memberIds.length === 0 || input.tagIds.length === 0) return 0;
  let count = 0;
  for (const memberIds of chunksOf(input.memberIds, PAIRS_PER_STATEMENT)) {
    const removed = await db
      .delete(memberTags)
      .where(
        and(
          eq(memberTags.tenantId, input.tenantId),
          inArray(memberTags.memberId, memberIds),
          inArray(memberTags.tagId, input.tagIds),
        ),
      )
      .returning({ memberId: memberTags.memberId, tagId: memberTags.tagId });
    await recordTagEvents(db, 'tag.removed', removed, input);
    count += removed.length;
  }
  return count;
};

const PAIRS_PER_STATEMENT = 5_000;

const recordTagEvents = async (
  db: Db,
  type: 'tag.added' | 'tag.removed',
  pairs: { memberId: string; tagId: string }[],
  input: { tenantId: string; source: string; occurredAt: Date; sourceEventId?: number },
) => {
  await recordMemberEvents(
    db,
    pairs.map((a) => ({
      tenantId: input.tenantId,
      memberId: a.memberId,
      type,
      occurredAt: input.occurredAt,
      data: { tagId: a.tagId, source: input.source },
      sourceEventId: input.sourceEventId,
      discriminator: a.tagId,
    })),
  );
};
