import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { moderationIncidents } from '../db/schema/index.ts';

/** Whether moderation ever banned the member from this platform account's groups. */
export const isBannedOnAccount = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; memberId: string },
): Promise<boolean> => {
  const [row] = await db
    .select({ id: moderationIncidents.id })
    .from(moderationIncidents)
    .where(
      and(
        eq(moderationIncidents.tenantId, input.tenantId),
        eq(moderationIncidents.memberId, input.memberId),
        eq(moderationIncidents.platformAccountId, input.platformAccountId),
        sql`${moderationIncidents.actions} @> '["ban"]'::jsonb`,
      ),
    )
    .limit(1);
  return row !== undefined;
};
