import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outboundMessages } from '../db/schema/index.ts';
import { type TemplateLevel, templateKeyPrefix } from './retire-group-welcome-templates.ts';

/** One account's group welcome templates (of one level, if given), oldest first. */
export const templateRowsOf = (db: Db, platformAccountId: string, level?: TemplateLevel) =>
  db
    .select()
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.platformAccountId, platformAccountId),
        eq(outboundMessages.kind, 'group_welcome_template'),
        level ? sql`starts_with(${outboundMessages.idempotencyKey}, ${templateKeyPrefix(level)})` : undefined,
      ),
    )
    .orderBy(outboundMessages.id);

/** The template deletes queued on one account, oldest first: their status and the template they delete. */
export const templateDeletesOf = async (db: Db, platformAccountId: string) =>
  (
    await db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.platformAccountId, platformAccountId),
          eq(outboundMessages.kind, 'group_welcome_template_delete'),
        ),
      )
      .orderBy(outboundMessages.id)
  ).map((r) => ({ status: r.status, templateExternalId: r.payload.templateExternalId }));
