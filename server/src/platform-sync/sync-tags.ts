import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { memberTags, platformTags, tagGroups, tags } from '../db/schema/index.ts';
import { findIdentityOnAccount } from '../members/identities.store.ts';
import type { PlatformAdapter } from '../platforms/platform.ts';
import type { PlatformTagGroup } from '../platforms/platform-operations.ts';
import { loadTagMapping, type SyncRequestRow } from './platform-sync.store.ts';
import { diffSets } from './platform-sync.ts';

/** Orchard's tags without a group go to a platform group of this name. */
export const DEFAULT_PLATFORM_TAG_GROUP = 'Orchard';

/** The Orchard tag of each platform tag: a tag of the same name in a tag group of the same name. */
const mapTagGroups = async (db: Db, row: SyncRequestRow, groups: PlatformTagGroup[]) => {
  for (const group of groups) {
    await db.insert(tagGroups).values({ tenantId: row.tenantId, name: group.name }).onConflictDoNothing();
    const [orchardGroup] = await db
      .select({ id: tagGroups.id })
      .from(tagGroups)
      .where(and(eq(tagGroups.tenantId, row.tenantId), eq(tagGroups.name, group.name)));
    if (group.tags.length === 0) continue;
    await db
      .insert(tags)
      .values(group.tags.map((t) => ({ tenantId: row.tenantId, groupId: orchardGroup!.id, name: t.name })))
      .onConflictDoNothing();
    const found = await db
      .select({ id: tags.id, name: tags.name })
      .from(tags)
      .where(
        and(
          eq(tags.tenantId, row.tenantId),
          eq(tags.groupId, orchardGroup!.id),
          inArray(
            tags.name,
            group.tags.map((t) => t.name),
          ),
        ),
      );
    const idOf = new Map(found.map((t) => [t.name, t.id]));
    await db
      .insert(platformTags)
      .values(
        group.tags.map((t) => ({
          tenantId: row.tenantId,
          platformAccountId: row.platformAccountId,
          externalId: t.externalId,
          tagId: idOf.get(t.name)!,
        })),
      )
      .onConflictDoNothing();
  }
};

/**
 * The platform's tags into Orchard (WeCom get_corp_tag_list): each platform tag group becomes a tag group
 * of the same name and each tag a tag in it, mapped by id. Tags the platform deleted lose their mapping;
 * the Orchard tags stay (operators may still use them).
 */
export const pullPlatformTags = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.listPlatformTags) return;
  const groups = await adapter.listPlatformTags();
  const externalIds = groups.flatMap((g) => g.tags.map((t) => t.externalId));
  await deps.db.transaction(async (tx) => {
    await mapTagGroups(tx, row, groups);
    await tx
      .delete(platformTags)
      .where(
        and(
          eq(platformTags.platformAccountId, row.platformAccountId),
          externalIds.length > 0 ? notInArray(platformTags.externalId, externalIds) : undefined,
        ),
      );
  });
};

/**
 * One member's Orchard tags onto the platform (WeCom add_corp_tag for tags it lacks, then mark_tag on
 * each staff member's relation). Orchard decides for mapped tags: a mapped tag the member no longer has
 * is taken off on the platform. `row.key` is the member's Orchard id.
 */
export const pushMemberTags = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.fetchContact || !adapter.markPlatformTags || !adapter.createPlatformTags) return;
  const memberExternalId = await findIdentityOnAccount(deps.db, {
    tenantId: row.tenantId,
    platformAccountId: row.platformAccountId,
    memberId: row.key,
  });
  if (!memberExternalId) return;
  const owned = await deps.db
    .select({ tagId: memberTags.tagId, name: tags.name, groupName: tagGroups.name })
    .from(memberTags)
    .innerJoin(tags, eq(tags.id, memberTags.tagId))
    .leftJoin(tagGroups, eq(tagGroups.id, tags.groupId))
    .where(and(eq(memberTags.tenantId, row.tenantId), eq(memberTags.memberId, row.key)));
  const mapping = await loadTagMapping(deps.db, row.platformAccountId);
  const externalOf = new Map([...mapping].map(([externalId, tagId]) => [tagId, externalId]));
  // Tags the platform does not have yet, created group by group.
  const missing = new Map<string, typeof owned>();
  for (const tag of owned.filter((t) => !externalOf.has(t.tagId))) {
    const group = tag.groupName ?? DEFAULT_PLATFORM_TAG_GROUP;
    missing.set(group, [...(missing.get(group) ?? []), tag]);
  }
  for (const [groupName, list] of missing) {
    const created = await adapter.createPlatformTags({ groupName, names: list.map((t) => t.name) });
    const byName = new Map(created.tags.map((t) => [t.name, t.externalId]));
    const values = list.flatMap((t) => {
      const externalId = byName.get(t.name);
      if (!externalId) return [];
      externalOf.set(t.tagId, externalId);
      return [
        { tenantId: row.tenantId, platformAccountId: row.platformAccountId, externalId, tagId: t.tagId },
      ];
    });
    if (values.length > 0) await deps.db.insert(platformTags).values(values).onConflictDoNothing();
  }
  const wanted = owned.flatMap((t) => (externalOf.has(t.tagId) ? [externalOf.get(t.tagId)!] : []));
  const mappedIds = new Set(externalOf.values());
  const contact = await adapter.fetchContact(memberExternalId);
  for (const relation of contact.relations) {
    const current = relation.platformTagIds.filter((id) => mappedIds.has(id));
    const { add, remove } = diffSets(current, wanted);
    if (add.length === 0 && remove.length === 0) continue;
    await adapter.markPlatformTags({
      staffExternalId: relation.staffExternalId,
      memberExternalId,
      add,
      remove,
    });
  }
};
