import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { jsonRecords } from '../../db/json-records.ts';
import { sandboxGroups, sandboxMessages, sandboxUsers } from '../../db/schema/index.ts';
import type { SandboxAccount } from './sandbox.store.ts';

export type NewSandboxMessage = Omit<
  typeof sandboxMessages.$inferInsert,
  'id' | 'tenantId' | 'platformAccountId' | 'createdAt'
>;

export const insertMessage = async (
  db: Db,
  account: SandboxAccount,
  message: NewSandboxMessage,
  now: Date,
): Promise<number> => {
  const [row] = await db
    .insert(sandboxMessages)
    .values({ ...message, tenantId: account.tenantId, platformAccountId: account.id, createdAt: now })
    .returning({ id: sandboxMessages.id });
  return row!.id;
};

export type BotGroupMessage = { groupId: string; text: string | null; attachments: unknown[] };

/**
 * The bot's text messages into groups, in ONE statement: each lands if its group is the account's and not
 * dismissed. Returns, per message in order, its id, or null where the group refused it (the caller asks
 * why through the one-at-a-time path). Group ids must be uuids.
 */
export const insertBotGroupMessages = async (
  db: Db,
  account: SandboxAccount,
  messages: BotGroupMessage[],
  now: Date,
): Promise<(number | null)[]> => {
  if (messages.length === 0) return [];
  const records = messages.map((m, n) => ({
    group_id: m.groupId,
    text: m.text,
    attachments: m.attachments,
    n,
  }));
  // Rows are inserted in the SELECT's order, so the identity ids ascend with `n` inside each group: sorting
  // what comes back by id pairs every row with its message, even when one group gets several.
  const result = await db.execute(sql`
    insert into ${sandboxMessages}
      (tenant_id, platform_account_id, chat_kind, group_id, sender_kind, kind, text, attachments, created_at)
    select ${account.tenantId}::uuid, ${account.id}::uuid, 'group', g.id, 'bot', 'text', v.text,
      v.attachments, ${now.toISOString()}::timestamptz
    from ${jsonRecords(records, 'v', 'group_id uuid, text text, attachments jsonb, n int')}
    join ${sandboxGroups} g on g.id = v.group_id and g.platform_account_id = ${account.id}::uuid
      and g.tenant_id = ${account.tenantId}::uuid and g.dismissed_at is null
    order by v.n
    returning id, group_id`);
  // Both drivers answer raw SQL with { rows }; Db's generic type cannot say so.
  const rows = (result as { rows: { id: number | string; group_id: string }[] }).rows;
  const idsByGroup = new Map<string, number[]>();
  for (const row of rows
    .map((r) => ({ id: Number(r.id), groupId: r.group_id }))
    .sort((a, b) => a.id - b.id)) {
    const ids = idsByGroup.get(row.groupId) ?? [];
    ids.push(row.id);
    idsByGroup.set(row.groupId, ids);
  }
  return messages.map((m) => idsByGroup.get(m.groupId.toLowerCase())?.shift() ?? null);
};

const sender = alias(sandboxUsers, 'sender');

const messageColumns = {
  id: sandboxMessages.id,
  chatKind: sandboxMessages.chatKind,
  groupId: sandboxMessages.groupId,
  memberUserId: sandboxMessages.memberUserId,
  staffUserId: sandboxMessages.staffUserId,
  senderKind: sandboxMessages.senderKind,
  senderId: sandboxMessages.senderUserId,
  senderName: sender.name,
  kind: sandboxMessages.kind,
  text: sandboxMessages.text,
  attachments: sandboxMessages.attachments,
  diceValue: sandboxMessages.diceValue,
  deletedAt: sandboxMessages.deletedAt,
  createdAt: sandboxMessages.createdAt,
};

const ofAccountMessages = (account: SandboxAccount) =>
  and(eq(sandboxMessages.platformAccountId, account.id), eq(sandboxMessages.tenantId, account.tenantId));

export const findMessage = async (db: Db, account: SandboxAccount, messageId: number) => {
  const [row] = await db
    .select()
    .from(sandboxMessages)
    .where(and(ofAccountMessages(account), eq(sandboxMessages.id, messageId)));
  return row;
};

export const markMessageDeleted = (db: Db, messageId: number, now: Date) =>
  db
    .update(sandboxMessages)
    .set({ deletedAt: now })
    .where(and(eq(sandboxMessages.id, messageId), isNull(sandboxMessages.deletedAt)));

export const listMessages = (
  db: Db,
  account: SandboxAccount,
  chat: { groupId: string } | { memberUserId: string; staffUserId?: string },
  page: { afterId?: number; limit: number },
) =>
  db
    .select(messageColumns)
    .from(sandboxMessages)
    .leftJoin(sender, eq(sender.id, sandboxMessages.senderUserId))
    .where(
      and(
        ofAccountMessages(account),
        'groupId' in chat
          ? and(eq(sandboxMessages.chatKind, 'group'), eq(sandboxMessages.groupId, chat.groupId))
          : and(
              eq(sandboxMessages.chatKind, 'private'),
              eq(sandboxMessages.memberUserId, chat.memberUserId),
              chat.staffUserId ? eq(sandboxMessages.staffUserId, chat.staffUserId) : undefined,
            ),
        page.afterId !== undefined ? gt(sandboxMessages.id, page.afterId) : undefined,
      ),
    )
    .orderBy(asc(sandboxMessages.id))
    .limit(page.limit);

export type SandboxMessageView = Awaited<ReturnType<typeof listMessages>>[number];
