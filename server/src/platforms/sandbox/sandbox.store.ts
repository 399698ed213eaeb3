import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  sandboxContacts,
  sandboxGroupMembers,
  sandboxGroups,
  type sandboxLinks,
  sandboxUsers,
} from '../../db/schema/index.ts';
import { isUuid } from '../accounts.ts';
import type { SandboxSettings } from './sandbox-settings.ts';

/** The account a sandbox operation runs in; every query below is scoped by both ids. */
export type SandboxAccount = { id: string; tenantId: string; settings: SandboxSettings };

export type SandboxUser = typeof sandboxUsers.$inferSelect;
export type SandboxGroup = typeof sandboxGroups.$inferSelect;
export type SandboxLink = typeof sandboxLinks.$inferSelect;
export type SandboxContact = typeof sandboxContacts.$inferSelect;

const ofAccount = (
  table: typeof sandboxUsers | typeof sandboxGroups | typeof sandboxLinks,
  account: SandboxAccount,
) => and(eq(table.platformAccountId, account.id), eq(table.tenantId, account.tenantId));

export const insertSandboxUser = async (
  db: Db,
  account: SandboxAccount,
  input: { kind: 'member' | 'staff'; name: string; now: Date },
): Promise<SandboxUser> => {
  const [user] = await db
    .insert(sandboxUsers)
    .values({
      tenantId: account.tenantId,
      platformAccountId: account.id,
      kind: input.kind,
      name: input.name,
      createdAt: input.now,
    })
    .returning();
  return user!;
};

export const findSandboxUser = async (
  db: Db,
  account: SandboxAccount,
  userId: string,
  kind: 'member' | 'staff',
): Promise<SandboxUser | undefined> => {
  if (!isUuid(userId)) return undefined;
  const [user] = await db
    .select()
    .from(sandboxUsers)
    .where(and(ofAccount(sandboxUsers, account), eq(sandboxUsers.id, userId), eq(sandboxUsers.kind, kind)));
  return user;
};

export const listSandboxUsers = (db: Db, account: SandboxAccount, kind: 'member' | 'staff') =>
  db
    .select()
    .from(sandboxUsers)
    .where(and(ofAccount(sandboxUsers, account), eq(sandboxUsers.kind, kind)))
    .orderBy(asc(sandboxUsers.createdAt), asc(sandboxUsers.id));

export const insertSandboxGroup = async (
  db: Db,
  account: SandboxAccount,
  input: { name: string; capacity: number; ownerUserId: string | null; now: Date },
): Promise<SandboxGroup> => {
  const [group] = await db
    .insert(sandboxGroups)
    .values({
      tenantId: account.tenantId,
      platformAccountId: account.id,
      name: input.name,
      capacity: input.capacity,
      ownerUserId: input.ownerUserId,
      createdAt: input.now,
    })
    .returning();
  return group!;
};

export type GroupWithCount = SandboxGroup & { memberCount: number; isDismissed: boolean };

/** Groups of the account (all, or the given ids in the given order) with their current member counts. */
export const listGroupsWithCounts = async (
  db: Db,
  account: SandboxAccount,
  options: { groupIds?: string[]; forUpdate?: boolean } = {},
): Promise<GroupWithCount[]> => {
  const ids = options.groupIds?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const where = and(ofAccount(sandboxGroups, account), ids ? inArray(sandboxGroups.id, ids) : undefined);
  const query = db.select().from(sandboxGroups).where(where).orderBy(asc(sandboxGroups.createdAt));
  // Joining members concurrently must not overfill a group: lock the candidates for this transaction.
  const groups = options.forUpdate ? await query.for('update') : await query;
  const counts = groups.length
    ? await db
        .select({ groupId: sandboxGroupMembers.groupId, n: count() })
        .from(sandboxGroupMembers)
        .where(
          and(
            inArray(
              sandboxGroupMembers.groupId,
              groups.map((g) => g.id),
            ),
            isNull(sandboxGroupMembers.leftAt),
          ),
        )
        .groupBy(sandboxGroupMembers.groupId)
    : [];
  const countOf = new Map(counts.map((c) => [c.groupId, Number(c.n)]));
  const withCounts = groups.map((g) => ({
    ...g,
    memberCount: countOf.get(g.id) ?? 0,
    isDismissed: g.dismissedAt !== null,
  }));
  if (!ids) return withCounts;
  const byId = new Map(withCounts.map((g) => [g.id, g]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

export const findGroup = async (
  db: Db,
  account: SandboxAccount,
  groupId: string,
): Promise<SandboxGroup | undefined> => {
  if (!isUuid(groupId)) return undefined;
  const [group] = await db
    .select()
    .from(sandboxGroups)
    .where(and(ofAccount(sandboxGroups, account), eq(sandboxGroups.id, groupId)));
  return group;
};

export const findMembership = async (db: Db, groupId: string, userId: string) => {
  const [row] = await db
    .select()
    .from(sandboxGroupMembers)
    .where(and(eq(sandboxGroupMembers.groupId, groupId), eq(sandboxGroupMembers.userId, userId)));
  return row;
};

/** Membership rows of a user in some groups (current or past, banned or not). */
export const listMemberships = (db: Db, userId: string, groupIds: string[]) =>
  groupIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(sandboxGroupMembers)
        .where(and(eq(sandboxGroupMembers.userId, userId), inArray(sandboxGroupMembers.groupId, groupIds)));

export const joinGroup = (db: Db, groupId: string, userId: string, now: Date) =>
  db
    .insert(sandboxGroupMembers)
    .values({ groupId, userId, joinedAt: now })
    .onConflictDoUpdate({
      target: [sandboxGroupMembers.groupId, sandboxGroupMembers.userId],
      set: { joinedAt: now, leftAt: null },
    });

export const updateMembership = (
  db: Db,
  groupId: string,
  userId: string,
  set: Partial<Pick<typeof sandboxGroupMembers.$inferInsert, 'leftAt' | 'mutedUntil' | 'isBanned'>>,
) =>
  db
    .update(sandboxGroupMembers)
    .set(set)
    .where(and(eq(sandboxGroupMembers.groupId, groupId), eq(sandboxGroupMembers.userId, userId)));

/** Ban someone who is not (or no longer) in the group, so that they cannot join later. */
export const insertBan = (db: Db, groupId: string, userId: string, now: Date) =>
  db
    .insert(sandboxGroupMembers)
    .values({ groupId, userId, joinedAt: now, leftAt: now, isBanned: true })
    .onConflictDoUpdate({
      target: [sandboxGroupMembers.groupId, sandboxGroupMembers.userId],
      set: { isBanned: true, leftAt: sql`coalesce(${sandboxGroupMembers.leftAt}, ${now})` },
    });

export const upsertContact = (
  db: Db,
  input: { staffUserId: string; memberUserId: string; state: string | null; welcomeCode: string; now: Date },
) =>
  db
    .insert(sandboxContacts)
    .values({
      staffUserId: input.staffUserId,
      memberUserId: input.memberUserId,
      state: input.state,
      welcomeCode: input.welcomeCode,
      addedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [sandboxContacts.staffUserId, sandboxContacts.memberUserId],
      set: {
        state: input.state,
        welcomeCode: input.welcomeCode,
        welcomeUsedAt: null,
        addedAt: input.now,
        removedAt: null,
      },
    });

export const findContact = async (
  db: Db,
  staffUserId: string,
  memberUserId: string,
): Promise<SandboxContact | undefined> => {
  if (!isUuid(staffUserId) || !isUuid(memberUserId)) return undefined;
  const [contact] = await db
    .select()
    .from(sandboxContacts)
    .where(and(eq(sandboxContacts.staffUserId, staffUserId), eq(sandboxContacts.memberUserId, memberUserId)));
  return contact;
};

export const findFirstContact = async (db: Db, memberUserId: string): Promise<SandboxContact | undefined> => {
  const [contact] = await db
    .select()
    .from(sandboxContacts)
    .where(and(eq(sandboxContacts.memberUserId, memberUserId), isNull(sandboxContacts.removedAt)))
    .orderBy(asc(sandboxContacts.addedAt))
    .limit(1);
  return contact;
};

/** Spend a welcome code atomically: two racing welcomes cannot both succeed. */
export const markWelcomeUsed = async (db: Db, contact: SandboxContact, code: string, now: Date) => {
  const updated = await db
    .update(sandboxContacts)
    .set({ welcomeUsedAt: now })
    .where(
      and(
        eq(sandboxContacts.staffUserId, contact.staffUserId),
        eq(sandboxContacts.memberUserId, contact.memberUserId),
        eq(sandboxContacts.welcomeCode, code),
        isNull(sandboxContacts.welcomeUsedAt),
      ),
    )
    .returning({ staffUserId: sandboxContacts.staffUserId });
  return updated.length === 1;
};
