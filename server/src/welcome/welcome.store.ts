import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  channelCodes,
  members,
  staff,
  stores,
  type WelcomeScope,
  welcomeMessages,
} from '../db/schema/index.ts';
import type { MessageContent } from '../platforms/platform.ts';
import { groupBatchDefaults } from './welcome.ts';

export type WelcomeRow = typeof welcomeMessages.$inferSelect;

const scopeIs = (tenantId: string, scope: WelcomeScope, scopeId: string | null) =>
  and(
    eq(welcomeMessages.tenantId, tenantId),
    eq(welcomeMessages.scope, scope),
    scopeId === null ? isNull(welcomeMessages.scopeId) : eq(welcomeMessages.scopeId, scopeId),
  );

export const findWelcome = async (
  db: Db,
  input: { tenantId: string; scope: WelcomeScope; scopeId: string | null },
): Promise<WelcomeRow | undefined> => {
  const [row] = await db
    .select()
    .from(welcomeMessages)
    .where(scopeIs(input.tenantId, input.scope, input.scopeId));
  return row;
};

export type WelcomeChanges = {
  private?: MessageContent | null;
  group?: MessageContent | null;
  groupBatchSeconds?: number;
  groupBatchMaxNames?: number;
};

/** Set one level's welcome; fields left out keep their value. */
export const saveWelcome = async (
  db: Db,
  input: {
    tenantId: string;
    scope: WelcomeScope;
    scopeId: string | null;
    changes: WelcomeChanges;
    now: Date;
  },
): Promise<WelcomeRow> => {
  const { tenantId, scope, scopeId, changes, now } = input;
  const [row] = await db
    .insert(welcomeMessages)
    .values({ tenantId, scope, scopeId, ...changes, updatedAt: now })
    .onConflictDoUpdate({
      target: [welcomeMessages.tenantId, welcomeMessages.scope, welcomeMessages.scopeId],
      set: { ...changes, updatedAt: now },
    })
    .returning();
  return row!;
};

export type BrandWelcome = {
  private: MessageContent | null;
  group: MessageContent | null;
  groupBatchSeconds: number;
  groupBatchMaxNames: number;
};

export const brandWelcomeOf = (row: WelcomeRow | undefined): BrandWelcome => ({
  private: row?.private ?? null,
  group: row?.group ?? null,
  groupBatchSeconds: row?.groupBatchSeconds ?? groupBatchDefaults.seconds,
  groupBatchMaxNames: row?.groupBatchMaxNames ?? groupBatchDefaults.maxNames,
});

/** The group welcome levels of a community, most specific first: the community, its series, the brand. */
export const loadGroupWelcomes = async (
  db: Db,
  input: { tenantId: string; communityId: string; seriesId: string | null },
): Promise<{ levels: (MessageContent | null)[]; brand: BrandWelcome }> => {
  const rows = await db
    .select()
    .from(welcomeMessages)
    .where(
      and(
        eq(welcomeMessages.tenantId, input.tenantId),
        sql`(${welcomeMessages.scope} = 'brand' or (${welcomeMessages.scope} = 'community' and ${welcomeMessages.scopeId} = ${input.communityId}) or (${welcomeMessages.scope} = 'series' and ${welcomeMessages.scopeId} = ${input.seriesId}))`,
      ),
    );
  const of = (scope: WelcomeScope) => rows.find((r) => r.scope === scope);
  const brand = brandWelcomeOf(of('brand'));
  return { levels: [of('community')?.group ?? null, of('series')?.group ?? null, brand.group], brand };
};

/** A code's own welcome (null when it has none). */
export const findCodeWelcomes = async (
  db: Db,
  tenantId: string,
  codeIds: string[],
): Promise<Map<string, MessageContent | null>> => {
  if (codeIds.length === 0) return new Map();
  const rows = await db
    .select({ id: channelCodes.id, welcome: channelCodes.welcome })
    .from(channelCodes)
    .where(
      and(eq(channelCodes.tenantId, tenantId), sql`${channelCodes.id} = any(${sql.param(codeIds)}::uuid[])`),
    );
  return new Map(rows.map((r) => [r.id, r.welcome]));
};

/** The names a 1:1 welcome may mention: the assigned staff member's and the member's store. */
export const findWelcomeNames = async (
  db: Db,
  input: { tenantId: string; memberId: string; staffId: string | null },
): Promise<{ staff: string | null; store: string | null }> => {
  const [row] = await db
    .select({ store: stores.name, staff: staff.name })
    .from(members)
    .leftJoin(stores, eq(stores.id, members.storeId))
    .leftJoin(staff, and(eq(staff.tenantId, members.tenantId), eq(staff.id, sql`${input.staffId}::uuid`)))
    .where(and(eq(members.tenantId, input.tenantId), eq(members.id, input.memberId)));
  return { staff: row?.staff ?? null, store: row?.store ?? null };
};
