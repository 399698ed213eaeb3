import { and, desc, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import {
  communities,
  type OutboundStatus,
  outboundMessages,
  type WelcomeScope,
  welcomeScopes,
} from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import { type DeliveryOutcome, enqueueOutboundBatch, type OutboundRow } from '../outbox/outbox.store.ts';
import type { OutboundMessage } from '../outbox/outbox.ts';
import type { PlatformAdapter } from '../platforms/platform.ts';
import { findWelcome } from './welcome.store.ts';

/**
 * A level's group welcome (the brand's, a series', a community's) is one template on each platform that shows
 * group welcomes itself. When it changes or is cleared, the templates registered for it before are deleted
 * there, but only once the new one is registered: until then the old one keeps greeting new members, and a
 * new one that is refused for good leaves the old one in place. Deletes are outbound rows of their own, so
 * one that fails (retried, then recorded and logged) never touches the new template. A community whose group
 * was dismissed greets nobody again: all of its templates are deleted, in the dismissal's transaction.
 */

export type TemplateLevel = { scope: WelcomeScope; scopeId: string | null };

/** Every template row of a level has a key that starts so: `group-welcome-template:<scope>:<id|brand>:`. */
export const templateKeyPrefix = ({ scope, scopeId }: TemplateLevel) =>
  `group-welcome-template:${scope}:${scopeId ?? 'brand'}:`;

const keyPattern = new RegExp(
  `^group-welcome-template:(${welcomeScopes.join('|')}):([^:]+):([0-9a-f]+)(?::after:\\d+)?$`,
);

/** The level and content hash a template row's key names (`…:<hash>` or `…:<hash>:after:<row id>`). */
export const parseTemplateKey = (key: string): (TemplateLevel & { contentHash: string }) | null => {
  const match = keyPattern.exec(key);
  if (!match) return null;
  const [, scope, id, contentHash] = match;
  return { scope: scope as WelcomeScope, scopeId: id === 'brand' ? null : id!, contentHash: contentHash! };
};

export type TemplateRow = { id: number; status: OutboundStatus; externalId: string | null };

const isLive = (row: TemplateRow) => row.status !== 'failed' && row.status !== 'cancelled';

/**
 * Which of a level's registered templates to delete (rows newest first). The current one is the newest that
 * is not failed or cancelled, if the level still has a group welcome; while it is not registered yet, none.
 */
export const findStaleTemplates = (rowsNewestFirst: TemplateRow[], hasWelcome: boolean): TemplateRow[] => {
  const current = hasWelcome ? rowsNewestFirst.find(isLive) : undefined;
  if (current && current.status !== 'sent') return [];
  return rowsNewestFirst.filter((row) => row !== current && row.status === 'sent' && row.externalId);
};

/**
 * Whether a level can still greet anyone: the brand and a series always (a group opened later under the series'
 * name joins it, even after all of its groups were dismissed); a community until its group is dismissed.
 */
export const canLevelGreet = async (
  db: Db,
  input: TemplateLevel & { tenantId: string },
): Promise<boolean> => {
  if (input.scope !== 'community' || input.scopeId === null) return true;
  const [row] = await db
    .select({ status: communities.status })
    .from(communities)
    .where(and(eq(communities.tenantId, input.tenantId), eq(communities.id, input.scopeId)));
  return row?.status === 'active';
};

type AccountLevel = TemplateLevel & { tenantId: string; platformAccountId: string };

/** A level's template rows on one platform account. */
const isTemplateOf = (input: AccountLevel) =>
  and(
    eq(outboundMessages.tenantId, input.tenantId),
    eq(outboundMessages.platformAccountId, input.platformAccountId),
    eq(outboundMessages.kind, 'group_welcome_template'),
    sql`starts_with(${outboundMessages.idempotencyKey}, ${templateKeyPrefix(input)})`,
  );

/** A level's template rows on one platform account, newest first. */
export const findTemplateRows = (db: Db, input: AccountLevel) =>
  db
    .select({
      id: outboundMessages.id,
      status: outboundMessages.status,
      externalId: outboundMessages.externalId,
      idempotencyKey: outboundMessages.idempotencyKey,
    })
    .from(outboundMessages)
    .where(isTemplateOf(input))
    .orderBy(desc(outboundMessages.id));

/**
 * A level that can greet no more (a dismissed community) cancels its templates still waiting to be registered:
 * WeCom never sees them. One already on its way (claimed by a delivery run) is deleted once it is registered
 * (followUpTemplateDeliveries). Returns how many were cancelled.
 */
export const cancelPendingTemplates = async (db: Db, input: AccountLevel): Promise<number> => {
  const cancelled = await db
    .update(outboundMessages)
    .set({
      status: 'cancelled',
      lastError: 'The group was dismissed before its welcome template was registered',
    })
    .where(and(isTemplateOf(input), eq(outboundMessages.status, 'pending')))
    .returning({ id: outboundMessages.id });
  return cancelled.length;
};

/**
 * Queue the deletes of a level's stale templates on one account (each template once); returns how many are new.
 * A level without a group welcome, or one that can no longer greet (a dismissed community), keeps none.
 */
export const retireGroupWelcomeTemplates = async (
  deps: Pick<AppDeps, 'db' | 'now'>,
  input: AccountLevel,
): Promise<number> => {
  const rows = await findTemplateRows(deps.db, input);
  const welcome = await findWelcome(deps.db, input);
  const hasWelcome = (welcome?.group ?? null) !== null && (await canLevelGreet(deps.db, input));
  const stale = findStaleTemplates(rows, hasWelcome);
  return enqueueOutboundBatch(
    deps.db,
    stale.map((row) => ({
      tenantId: input.tenantId,
      platformAccountId: input.platformAccountId,
      idempotencyKey: `group-welcome-template-del:${row.externalId}`,
      kind: 'group_welcome_template_delete' as const,
      payload: { templateExternalId: row.externalId! },
      notBefore: deps.now(),
    })),
  );
};

type Delivered = { row: OutboundRow; message: OutboundMessage; outcome: DeliveryOutcome };

/**
 * After a delivery run: a template just registered retires its level's older ones; a delete refused for good
 * is logged (the template stays on the platform, the new one is unaffected). Never fails the run.
 */
export const followUpTemplateDeliveries = async (
  deps: AppDeps,
  adapter: PlatformAdapter,
  items: Delivered[],
): Promise<void> => {
  if (!adapter.deleteGroupWelcome) return;
  for (const { row, message, outcome } of items) {
    if (message.kind === 'group_welcome_template_delete' && outcome.status === 'failed') {
      deps.logger.warn(
        {
          platformAccountId: row.platformAccountId,
          templateExternalId: message.payload.templateExternalId,
          error: outcome.error,
        },
        'welcome: an old group welcome template could not be deleted; the new one stays registered',
      );
    }
    if (message.kind !== 'group_welcome_template' || outcome.status !== 'sent') continue;
    const level = parseTemplateKey(row.idempotencyKey);
    if (!level) continue;
    try {
      await retireGroupWelcomeTemplates(deps, {
        tenantId: row.tenantId,
        platformAccountId: row.platformAccountId,
        scope: level.scope,
        scopeId: level.scopeId,
      });
    } catch (error) {
      deps.logger.warn(
        { platformAccountId: row.platformAccountId, error: describeError(error) },
        'welcome: old group welcome templates not retired after a new one was registered',
      );
    }
  }
};
