import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import type { Db } from '../db/client.ts';
import { members, memberTags, stores, tags } from '../db/schema/index.ts';
import { olderThanCursor } from '../http/pagination.ts';
import { formatCsvRow } from './csv.ts';
import { type MemberFilter, memberFilterSql } from './member-filter.ts';
import { assertFilterTags } from './members.store.ts';

/** The import's columns first, so an exported file imports back; the rest is read-only context. */
export const exportColumns = [
  'name',
  'phone',
  'store',
  'tags',
  'external_id',
  'id',
  'stage',
  'joined_at',
] as const;

const PAGE = 1_000;

/**
 * The filtered members as CSV, produced page by page (keyset, newest first) so a large brand streams out
 * without holding every member in memory.
 */
export const exportMembers = async (
  db: Db,
  options: { tenantId: string; scope: Scope; filter: MemberFilter },
): Promise<ReadableStream<Uint8Array>> => {
  const { tenantId, scope, filter } = options;
  await assertFilterTags(db, tenantId, filter);
  const storeCodes = new Map(
    (
      await db.select({ id: stores.id, code: stores.code }).from(stores).where(eq(stores.tenantId, tenantId))
    ).map((s) => [s.id, s.code]),
  );
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${formatCsvRow([...exportColumns])}`));
        return;
      }
      const page = await db
        .select()
        .from(members)
        .where(
          and(
            memberFilterSql(tenantId, scope, filter),
            cursor ? olderThanCursor(members, cursor) : undefined,
          ),
        )
        .orderBy(desc(members.createdAt), desc(members.id))
        .limit(PAGE);
      if (page.length === 0) {
        controller.close();
        return;
      }
      cursor = page.at(-1)!.id;
      const tagRows = await db
        .select({ memberId: memberTags.memberId, name: tags.name })
        .from(memberTags)
        .innerJoin(tags, eq(tags.id, memberTags.tagId))
        .where(
          and(
            eq(memberTags.tenantId, tenantId),
            inArray(
              memberTags.memberId,
              page.map((m) => m.id),
            ),
          ),
        )
        .orderBy(asc(tags.sortOrder), asc(tags.name));
      const tagsOf = new Map<string, string[]>();
      for (const t of tagRows) tagsOf.set(t.memberId, [...(tagsOf.get(t.memberId) ?? []), t.name]);
      const lines = page.map((m) =>
        formatCsvRow([
          m.name,
          m.phone,
          m.storeId ? storeCodes.get(m.storeId) : '',
          (tagsOf.get(m.id) ?? []).join(';'),
          m.externalRef,
          m.id,
          m.stage,
          m.createdAt.toISOString(),
        ]),
      );
      controller.enqueue(encoder.encode(lines.join('')));
      if (page.length < PAGE) controller.close();
    },
  });
};
