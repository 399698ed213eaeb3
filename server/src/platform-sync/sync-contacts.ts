import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { memberIdentities, members, memberTags } from '../db/schema/index.ts';
import { type PlatformAdapter, PlatformError } from '../platforms/platform.ts';
import type { ContactSnapshot } from '../platforms/platform-operations.ts';
import { tagMembers, untagMembers } from '../tags/tag-members.ts';
import { loadTagMapping, type SyncRequestRow } from './platform-sync.store.ts';
import { contactEventsOf, diffSets, platformTagIdsOf } from './platform-sync.ts';
import { ingestReadBack } from './sync-groups.ts';
import { pullPlatformTags } from './sync-tags.ts';

/** Tags that came from the platform; only these are taken off when the platform drops them. */
export const PLATFORM_TAG_SOURCE = 'platform_sync';

/** WeCom: the customer is no longer anyone's contact. */
const NOT_A_CONTACT = 84061;

/**
 * Bring members in line with what the platform says about them: their name (while Orchard only knows
 * their id) and the platform tags staff gave them, mapped to Orchard tags. Returns the platform tag ids
 * that have no Orchard tag yet. `isComplete` false (an import page may hold only some of a customer's
 * relations) only adds tags: taking one off needs the whole customer.
 */
export const applyContacts = async (
  db: Db,
  row: SyncRequestRow,
  contacts: ContactSnapshot[],
  options: { now: Date; isComplete: boolean },
): Promise<string[]> => {
  if (contacts.length === 0) return [];
  const identities = await db
    .select({ memberId: memberIdentities.memberId, externalId: memberIdentities.externalId })
    .from(memberIdentities)
    .where(
      and(
        eq(memberIdentities.platformAccountId, row.platformAccountId),
        inArray(
          memberIdentities.externalId,
          contacts.map((c) => c.externalId),
        ),
      ),
    );
  const memberOf = new Map(identities.map((i) => [i.externalId, i.memberId]));
  const mapping = await loadTagMapping(db, row.platformAccountId);
  const unmapped = new Set<string>();
  await db.transaction(async (tx) => {
    for (const contact of contacts) {
      const memberId = memberOf.get(contact.externalId);
      if (!memberId) continue;
      if (contact.name) {
        await tx
          .update(memberIdentities)
          .set({ displayName: contact.name })
          .where(
            and(
              eq(memberIdentities.platformAccountId, row.platformAccountId),
              eq(memberIdentities.externalId, contact.externalId),
            ),
          );
        // A member created from a callback is named by their id until the platform tells their name.
        await tx
          .update(members)
          .set({ name: contact.name })
          .where(and(eq(members.id, memberId), sql`${members.name} = ${contact.externalId}`));
      }
      const wantedPlatform = platformTagIdsOf(contact);
      for (const id of wantedPlatform) if (!mapping.has(id)) unmapped.add(id);
      const wanted = wantedPlatform.flatMap((id) => (mapping.has(id) ? [mapping.get(id)!] : []));
      const current = await tx
        .select({ tagId: memberTags.tagId })
        .from(memberTags)
        .where(and(eq(memberTags.memberId, memberId), eq(memberTags.source, PLATFORM_TAG_SOURCE)));
      const { add, remove } = diffSets(
        current.map((c) => c.tagId),
        wanted,
      );
      const change = {
        tenantId: row.tenantId,
        memberIds: [memberId],
        source: PLATFORM_TAG_SOURCE,
        occurredAt: options.now,
      };
      await tagMembers(tx, { ...change, tagIds: add });
      if (options.isComplete) await untagMembers(tx, { ...change, tagIds: remove });
    }
  });
  return [...unmapped];
};

/** One customer read back (WeCom externalcontact/get) after an add, an edit or a failed transfer. */
export const syncContact = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.fetchContact || !row.key) return;
  let contact: ContactSnapshot;
  try {
    contact = await adapter.fetchContact(row.key);
  } catch (error) {
    if (error instanceof PlatformError && error.options.platformCode === NOT_A_CONTACT) return;
    throw error;
  }
  const options = { now: deps.now(), isComplete: true };
  const unmapped = await applyContacts(deps.db, row, [contact], options);
  if (unmapped.length > 0) {
    // Tags Orchard has not seen yet: read the platform's tags, then apply them.
    await pullPlatformTags(deps, adapter, row);
    await applyContacts(deps.db, row, [contact], options);
  }
};

/**
 * Every customer of every staff member with customer contact (batch/get_by_user, 100 staff a call):
 * each relation stored as the add event WeCom sent back then, and tags applied to members Orchard has.
 */
export const importContacts = async (deps: AppDeps, adapter: PlatformAdapter, row: SyncRequestRow) => {
  if (!adapter.listStaffExternalIds || !adapter.listContacts) return;
  const staff = await adapter.listStaffExternalIds();
  for (let i = 0; i < staff.length; i += 100) {
    const staffExternalIds = staff.slice(i, i + 100);
    let cursor: string | undefined;
    do {
      const page = await adapter.listContacts({ staffExternalIds, cursor });
      await ingestReadBack(deps, row, page.items.flatMap(contactEventsOf));
      await applyContacts(deps.db, row, page.items, { now: deps.now(), isComplete: false });
      cursor = page.nextCursor;
    } while (cursor);
  }
};
