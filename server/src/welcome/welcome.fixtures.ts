import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outboundMessages } from '../db/schema/index.ts';
import { type TemplateLevel, templateKeyPrefix } from './retire-group-welcome-templates.ts';

/** One account's outbox rows of one kind (with keys starting so, if given), oldest first. */
const outboxRowsOf = (db: Db, platformAccountId: string, kind: string, keyPrefix?: string) =>
  db
    .select()
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.platformAccountId, platformAccountId),
        eq(outboundMessages.kind, kind),
        keyPrefix ? sql`starts_with(${outboundMessages.idempotencyKey}, ${keyPrefix})` : undefined,
      ),
    )
    .orderBy(outboundMessages.id);

/** One account's group welcome templates (of one level, if given), oldest first. */
export const templateRowsOf = (db: Db, platformAccountId: string, level?: TemplateLevel) =>
  outboxRowsOf(db, platformAccountId, 'group_welcome_template', level && templateKeyPrefix(level));

/** The template deletes queued on one account, oldest first: their status and the template they delete. */
export const templateDeletesOf = async (db: Db, platformAccountId: string) =>
  (await outboxRowsOf(db, platformAccountId, 'group_welcome_template_delete')).map((r) => ({
    status: r.status,
    templateExternalId: r.payload.templateExternalId,
  }));
