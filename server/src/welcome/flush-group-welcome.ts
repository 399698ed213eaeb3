import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { communities, groupWelcomeQueue, stores } from '../db/schema/index.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { chunksOf } from '../lib/chunks.ts';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import type { MessageContent } from '../platforms/platform.ts';
import { composeWelcome } from './compose-welcome.ts';
import { findCodeWelcomes, loadGroupWelcomes } from './welcome.store.ts';
import { joinNames, pickWelcome } from './welcome.ts';

type Waiting = typeof groupWelcomeQueue.$inferSelect;

/**
 * Post the group welcome for everyone waiting in one group: one message per batch of up to N newcomers (per
 * welcome: a code with its own welcome gets its own message). The batch's outbox row (keyed by its first
 * newcomer) and the removal of its newcomers from the queue commit together; rows another flush holds are
 * skipped, so a re-run or a concurrent run welcomes nobody twice. Returns how many welcomes were queued.
 */
export const flushGroupWelcome = async (
  deps: AppDeps,
  input: { tenantId: string; communityId: string },
): Promise<number> => {
  const [community] = await deps.db
    .select({
      id: communities.id,
      name: communities.name,
      externalId: communities.externalId,
      platformAccountId: communities.platformAccountId,
      seriesId: communities.seriesId,
      store: stores.name,
    })
    .from(communities)
    .leftJoin(stores, eq(stores.id, communities.storeId))
    .where(and(eq(communities.tenantId, input.tenantId), eq(communities.id, input.communityId)));
  if (!community) return 0;
  const { levels, brand } = await loadGroupWelcomes(deps.db, { ...input, seriesId: community.seriesId });
  const queued = await deps.db.transaction(async (tx) => {
    const waiting = await tx
      .select()
      .from(groupWelcomeQueue)
      .where(
        and(eq(groupWelcomeQueue.tenantId, input.tenantId), eq(groupWelcomeQueue.communityId, community.id)),
      )
      .orderBy(asc(groupWelcomeQueue.joinedAt), asc(groupWelcomeQueue.inboundEventId))
      .for('update', { skipLocked: true });
    if (waiting.length === 0) return 0;
    const codeIds = [...new Set(waiting.flatMap((w) => (w.channelCodeId ? [w.channelCodeId] : [])))];
    const codeWelcomes = await findCodeWelcomes(tx, input.tenantId, codeIds);
    const byWelcome = new Map<string, { content: MessageContent; newcomers: Waiting[] }>();
    for (const newcomer of waiting) {
      const codeWelcome = newcomer.channelCodeId ? codeWelcomes.get(newcomer.channelCodeId) : null;
      const picked = pickWelcome([codeWelcome, ...levels]);
      if (!picked) continue;
      const key = codeWelcome ? `code:${newcomer.channelCodeId}` : 'group';
      const entry = byWelcome.get(key) ?? { content: picked.content, newcomers: [] };
      entry.newcomers.push(newcomer);
      byWelcome.set(key, entry);
    }
    let count = 0;
    for (const { content, newcomers } of byWelcome.values()) {
      for (const batch of chunksOf(newcomers, brand.groupBatchMaxNames)) {
        const first = batch[0]!;
        const batchKey = `group-welcome:${community.id}:${first.memberId}:${first.joinedAt.getTime()}`;
        const rendered = await composeWelcome(tx, {
          tenantId: input.tenantId,
          content,
          vars: {
            nickname: joinNames(batch.map((b) => b.name)),
            group: community.name,
            store: community.store,
          },
          causeKey: batchKey,
          now: deps.now(),
        });
        const isNew = await enqueueOutbound(tx, {
          tenantId: input.tenantId,
          platformAccountId: community.platformAccountId,
          idempotencyKey: batchKey,
          kind: 'send',
          payload: { target: { kind: 'group', groupExternalId: community.externalId }, content: rendered },
          notBefore: deps.now(),
        });
        if (isNew) count += 1;
      }
    }
    await tx.delete(groupWelcomeQueue).where(
      and(
        eq(groupWelcomeQueue.communityId, community.id),
        sql`(${groupWelcomeQueue.memberId}, ${groupWelcomeQueue.joinedAt}) in (${sql.join(
          waiting.map((w) => sql`(${w.memberId}::uuid, ${w.joinedAt.toISOString()}::timestamptz)`),
          sql`, `,
        )})`,
      ),
    );
    return count;
  });
  if (queued > 0) await wakeDelivery(deps.jobs, community.platformAccountId);
  return queued;
};

/** Groups with newcomers waiting longer than `olderThanMs` (their flush job was lost): the sweep flushes them. */
export const findStaleWelcomeGroups = async (
  deps: AppDeps,
  olderThanMs: number,
): Promise<{ tenantId: string; communityId: string }[]> =>
  deps.db
    .selectDistinct({ tenantId: groupWelcomeQueue.tenantId, communityId: groupWelcomeQueue.communityId })
    .from(groupWelcomeQueue)
    .where(lt(groupWelcomeQueue.joinedAt, new Date(deps.now().getTime() - olderThanMs)));
