import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformPollCursors } from '../db/schema/index.ts';

export const loadPollCursor = async (db: Db, platformAccountId: string): Promise<string | null> => {
  const [row] = await db
    .select({ cursor: platformPollCursors.cursor })
    .from(platformPollCursors)
    .where(eq(platformPollCursors.platformAccountId, platformAccountId));
  return row?.cursor ?? null;
};

export const savePollCursor = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; cursor: string | null; now: Date },
): Promise<void> => {
  await db
    .insert(platformPollCursors)
    .values({ ...input, updatedAt: input.now })
    .onConflictDoUpdate({
      target: platformPollCursors.platformAccountId,
      set: { cursor: input.cursor, updatedAt: input.now },
    });
};
