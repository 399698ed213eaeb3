import { z } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fissionInviters } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { requireOfferedCampaign } from './campaign-audience.ts';
import { findInviter, isCampaignOpen } from './fission.store.ts';
import { maskNameOf } from './fission.ts';
import { loadLeaderboard } from './fission-views.ts';

/**
 * The member pages' leaderboard of a campaign: its top N (the campaign's leaderboard size) with names masked and
 * no member ids (other members read it), and where the member stands.
 */
export const myLeaderboardSchema = z
  .object({
    campaignId: z.uuid(),
    items: z.array(
      z.object({
        rank: z.number().int(),
        name: z.string().openapi({ description: 'Masked: first character, stars, last character' }),
        validCount: z.number().int(),
        isMe: z.boolean(),
      }),
    ),
    me: z
      .object({
        rank: z.number().int().nullable().openapi({ description: 'Null until a first invite counts' }),
        validCount: z.number().int(),
      })
      .nullable()
      .openapi({ description: 'The member’s own place (null: they have not joined)' }),
  })
  .openapi('MyFissionLeaderboard');

/** The member's rank: 1 + the inviters ahead (more valid invites, or as many and enrolled earlier: rankInviters). */
const rankOf = async (
  db: Db,
  input: { tenantId: string; campaignId: string },
  me: { memberId: string; validCount: number; joinedAt: Date },
): Promise<number | null> => {
  if (me.validCount === 0) return null;
  const [row] = await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(fissionInviters)
    .where(
      and(
        eq(fissionInviters.tenantId, input.tenantId),
        eq(fissionInviters.campaignId, input.campaignId),
        sql`(${fissionInviters.validCount} > ${me.validCount}
          or (${fissionInviters.validCount} = ${me.validCount}
            and (${fissionInviters.joinedAt}, ${fissionInviters.memberId}) < (${me.joinedAt}, ${me.memberId})))`,
      ),
    );
  return (row?.ahead ?? 0) + 1;
};

/**
 * Only a campaign the member may see on their pages: of their brand (a store's only for its members), running or
 * one they joined.
 */
export const getMyFissionLeaderboard = async (
  db: Db,
  input: { tenantId: string; memberId: string; campaignId: string; now: Date },
): Promise<z.infer<typeof myLeaderboardSchema>> => {
  const record = await requireOfferedCampaign(db, input);
  const inviter = await findInviter(db, input.tenantId, input.campaignId, input.memberId);
  if (!inviter && !isCampaignOpen(record.campaign, input.now)) {
    throw notFound('Fission campaign');
  }
  const rows = await loadLeaderboard(db, {
    tenantId: input.tenantId,
    campaignId: input.campaignId,
    size: record.config.leaderboardSize,
  });
  return {
    campaignId: input.campaignId,
    items: rows.map((r) => ({
      rank: r.rank,
      name: maskNameOf(r.name),
      validCount: r.validCount,
      isMe: r.memberId === input.memberId,
    })),
    me: inviter ? { rank: await rankOf(db, input, inviter), validCount: inviter.validCount } : null,
  };
};
