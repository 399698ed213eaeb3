import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { sandboxMessages, sandboxUsers } from '../../db/schema/index.ts';
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
