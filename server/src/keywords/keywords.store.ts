import { and, asc, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { findCommunityByExternalId } from '../communities/communities.store.ts';
import type { Db } from '../db/client.ts';
import { communities, communitySeries, keywordCooldowns, keywordRules, stores } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import type { MessageChat } from './match.ts';

export type KeywordRuleRow = typeof keywordRules.$inferSelect;
export type NewKeywordRule = Omit<
  typeof keywordRules.$inferInsert,
  'id' | 'tenantId' | 'createdAt' | 'updatedAt'
>;

const scopeFilter = (scope: Scope): SQL | undefined =>
  scope.kind === 'brand' ? undefined : inArray(keywordRules.storeId, scope.storeIds);

export const insertKeywordRule = async (db: Db, tenantId: string, values: NewKeywordRule) => {
  const [row] = await db
    .insert(keywordRules)
    .values({ ...values, tenantId })
    .returning();
  return row!;
};

export const listKeywordRuleRows = (db: Db, tenantId: string, scope: Scope) =>
  db
    .select()
    .from(keywordRules)
    .where(and(eq(keywordRules.tenantId, tenantId), scopeFilter(scope)))
    .orderBy(desc(keywordRules.priority), asc(keywordRules.createdAt));

/** A rule of this brand that the caller may see; anything else is a 404. */
export const findKeywordRule = async (db: Db, tenantId: string, scope: Scope, id: string) => {
  const [row] = await db
    .select()
    .from(keywordRules)
    .where(and(eq(keywordRules.tenantId, tenantId), eq(keywordRules.id, id), scopeFilter(scope)));
  if (!row) throw notFound('Keyword rule');
  return row;
};

export const saveKeywordRule = async (
  db: Db,
  tenantId: string,
  id: string,
  values: Partial<NewKeywordRule>,
  now: Date,
) => {
  const [row] = await db
    .update(keywordRules)
    .set({ ...values, updatedAt: now })
    .where(and(eq(keywordRules.tenantId, tenantId), eq(keywordRules.id, id)))
    .returning();
  if (!row) throw notFound('Keyword rule');
  return row;
};

export const removeKeywordRule = async (db: Db, tenantId: string, id: string): Promise<void> => {
  await db.delete(keywordRules).where(and(eq(keywordRules.tenantId, tenantId), eq(keywordRules.id, id)));
};

/** The store a scope target belongs to (null for series without a store); a target of another brand is a 404. */
export const findScopeTargetStore = async (
  db: Db,
  tenantId: string,
  scope: { kind: 'store' | 'community' | 'series'; id: string },
): Promise<string | null> => {
  const rows =
    scope.kind === 'store'
      ? await db
          .select({ storeId: stores.id })
          .from(stores)
          .where(and(eq(stores.tenantId, tenantId), eq(stores.id, scope.id)))
      : scope.kind === 'community'
        ? await db
            .select({ storeId: communities.storeId })
            .from(communities)
            .where(and(eq(communities.tenantId, tenantId), eq(communities.id, scope.id)))
        : await db
            .select({ storeId: communitySeries.storeId })
            .from(communitySeries)
            .where(and(eq(communitySeries.tenantId, tenantId), eq(communitySeries.id, scope.id)));
  const [row] = rows;
  if (!row) throw notFound(`${scope.kind[0]!.toUpperCase()}${scope.kind.slice(1)}`);
  return row.storeId;
};

export const loadEnabledRules = (db: Db, tenantId: string) =>
  db
    .select()
    .from(keywordRules)
    .where(and(eq(keywordRules.tenantId, tenantId), eq(keywordRules.isEnabled, true)))
    .orderBy(desc(keywordRules.priority), asc(keywordRules.createdAt));

/** What Orchard knows of a group: its community, store and series, or nothing for an unregistered group. */
export const describeGroupChat = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; groupExternalId: string },
): Promise<Extract<MessageChat, { kind: 'group' }>> => {
  const row = await findCommunityByExternalId(db, {
    tenantId: input.tenantId,
    platformAccountId: input.platformAccountId,
    externalId: input.groupExternalId,
  });
  return {
    kind: 'group',
    communityId: row?.id ?? null,
    storeId: row?.storeId ?? null,
    seriesId: row?.seriesId ?? null,
  };
};

/**
 * Claim the right to answer in this chat: one upsert that succeeds only when the rule has not answered there
 * within its cooldown, so two workers racing on the same chat cannot both reply.
 */
export const claimCooldown = async (
  db: Db,
  input: { tenantId: string; ruleId: string; chatKey: string; now: Date; cooldownSeconds: number },
): Promise<boolean> => {
  const threshold = new Date(input.now.getTime() - input.cooldownSeconds * 1000);
  const rows = await db
    .insert(keywordCooldowns)
    .values({
      tenantId: input.tenantId,
      ruleId: input.ruleId,
      chatKey: input.chatKey,
      lastRepliedAt: input.now,
    })
    .onConflictDoUpdate({
      target: [keywordCooldowns.ruleId, keywordCooldowns.chatKey],
      set: { lastRepliedAt: input.now },
      // lte: a cooldown of 0 always answers, and exactly `cooldown` later answers again.
      setWhere: and(
        eq(keywordCooldowns.tenantId, input.tenantId),
        lte(keywordCooldowns.lastRepliedAt, threshold),
      ),
    })
    .returning({ ruleId: keywordCooldowns.ruleId });
  return rows.length > 0;
};
