import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sandboxLinks } from '../../db/schema/index.ts';
import type { SandboxAccount, SandboxLink } from './sandbox.store.ts';

export const insertLink = async (
  db: Db,
  account: SandboxAccount,
  input: Pick<
    typeof sandboxLinks.$inferInsert,
    'token' | 'kind' | 'state' | 'staffUserIds' | 'groupIds' | 'autoCreateGroup' | 'groupNameTemplate'
  > & { now: Date },
): Promise<SandboxLink> => {
  const { now, ...values } = input;
  const [link] = await db
    .insert(sandboxLinks)
    .values({ ...values, tenantId: account.tenantId, platformAccountId: account.id, createdAt: now })
    .returning();
  return link!;
};

/**
 * Count an opening of the link and lock its row for the rest of the transaction, so that members
 * opening the same link at once join (and auto-create) groups one after another.
 */
export const openLinkRow = async (
  db: Db,
  account: SandboxAccount,
  token: string,
): Promise<SandboxLink | undefined> => {
  const [link] = await db
    .update(sandboxLinks)
    .set({ openCount: sql`${sandboxLinks.openCount} + 1` })
    .where(
      and(
        eq(sandboxLinks.platformAccountId, account.id),
        eq(sandboxLinks.tenantId, account.tenantId),
        eq(sandboxLinks.token, token),
      ),
    )
    .returning();
  return link;
};

export const appendLinkGroup = (db: Db, linkId: string, groupId: string) =>
  db
    .update(sandboxLinks)
    .set({ groupIds: sql`array_append(${sandboxLinks.groupIds}, ${groupId}::uuid)` })
    .where(eq(sandboxLinks.id, linkId));

export const listLinks = (db: Db, account: SandboxAccount) =>
  db
    .select()
    .from(sandboxLinks)
    .where(and(eq(sandboxLinks.platformAccountId, account.id), eq(sandboxLinks.tenantId, account.tenantId)))
    .orderBy(asc(sandboxLinks.createdAt), asc(sandboxLinks.id));
