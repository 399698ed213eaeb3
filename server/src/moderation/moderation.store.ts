import { and, count, desc, eq, gt, gte, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  communities,
  moderationIncidents,
  moderationRecentMessages,
  moderationSettings,
} from '../db/schema/index.ts';
import { type ModerationSettings, readModerationSettings } from './settings.ts';

export type ModerationIncidentRow = typeof moderationIncidents.$inferSelect;

export const loadModerationSettings = async (db: Db, tenantId: string): Promise<ModerationSettings> => {
  const [row] = await db
    .select({ settings: moderationSettings.settings })
    .from(moderationSettings)
    .where(eq(moderationSettings.tenantId, tenantId));
  return readModerationSettings(row?.settings);
};

export const saveModerationSettings = async (
  db: Db,
  tenantId: string,
  settings: ModerationSettings,
  now: Date,
): Promise<void> => {
  await db
    .insert(moderationSettings)
    .values({ tenantId, settings, updatedAt: now })
    .onConflictDoUpdate({ target: moderationSettings.tenantId, set: { settings, updatedAt: now } });
};

/**
 * Counts this message and the member's others in the chat within the flood window, pruning older ones so
 * the table holds only the window. Idempotent per inbound event.
 */
export const countRecentMessages = async (
  db: Db,
  input: {
    tenantId: string;
    memberId: string;
    chatKey: string;
    inboundEventId: number;
    postedAt: Date;
    windowSeconds: number;
  },
): Promise<number> => {
  const since = new Date(input.postedAt.getTime() - input.windowSeconds * 1000);
  const sameChat = and(
    eq(moderationRecentMessages.tenantId, input.tenantId),
    eq(moderationRecentMessages.memberId, input.memberId),
    eq(moderationRecentMessages.chatKey, input.chatKey),
  );
  await db
    .delete(moderationRecentMessages)
    .where(and(sameChat, lt(moderationRecentMessages.occurredAt, since)));
  await db
    .insert(moderationRecentMessages)
    .values({
      tenantId: input.tenantId,
      memberId: input.memberId,
      chatKey: input.chatKey,
      inboundEventId: input.inboundEventId,
      occurredAt: input.postedAt,
    })
    .onConflictDoNothing();
  const [row] = await db
    .select({ n: count() })
    .from(moderationRecentMessages)
    .where(and(sameChat, gte(moderationRecentMessages.occurredAt, since)));
  return row?.n ?? 0;
};

/** After a flood is punished the count starts again, so one burst is one offence, not one per message. */
export const resetRecentMessages = async (
  db: Db,
  input: { tenantId: string; memberId: string; chatKey: string },
): Promise<void> => {
  await db
    .delete(moderationRecentMessages)
    .where(
      and(
        eq(moderationRecentMessages.tenantId, input.tenantId),
        eq(moderationRecentMessages.memberId, input.memberId),
        eq(moderationRecentMessages.chatKey, input.chatKey),
      ),
    );
};

export const countOffencesSince = async (
  db: Db,
  input: { tenantId: string; memberId: string; since: Date },
): Promise<number> => {
  const [row] = await db
    .select({ n: count() })
    .from(moderationIncidents)
    .where(
      and(
        eq(moderationIncidents.tenantId, input.tenantId),
        eq(moderationIncidents.memberId, input.memberId),
        gt(moderationIncidents.occurredAt, input.since),
      ),
    );
  return row?.n ?? 0;
};

/** Records the incident once per inbound event; false when this event was already handled. */
export const insertIncident = async (
  db: Db,
  values: Omit<typeof moderationIncidents.$inferInsert, 'id' | 'createdAt'>,
): Promise<boolean> => {
  const rows = await db
    .insert(moderationIncidents)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: moderationIncidents.id });
  return rows.length > 0;
};

export const hasModerationIncident = async (
  db: Db,
  tenantId: string,
  inboundEventId: number,
): Promise<boolean> => {
  const [row] = await db
    .select({ id: moderationIncidents.id })
    .from(moderationIncidents)
    .where(
      and(eq(moderationIncidents.tenantId, tenantId), eq(moderationIncidents.inboundEventId, inboundEventId)),
    );
  return row !== undefined;
};

export const listIncidents = (db: Db, tenantId: string, limit: number) =>
  db
    .select()
    .from(moderationIncidents)
    .where(eq(moderationIncidents.tenantId, tenantId))
    .orderBy(desc(moderationIncidents.occurredAt), desc(moderationIncidents.id))
    .limit(limit);

/** The brand's active groups on this platform account (for a ban across all of them), and this group's row. */
export const listBrandGroups = (db: Db, input: { tenantId: string; platformAccountId: string }) =>
  db
    .select({
      id: communities.id,
      externalId: communities.externalId,
      name: communities.name,
      storeId: communities.storeId,
    })
    .from(communities)
    .where(
      and(
        eq(communities.tenantId, input.tenantId),
        eq(communities.platformAccountId, input.platformAccountId),
        eq(communities.status, 'active'),
      ),
    );
