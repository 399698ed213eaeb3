import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { communities, platformAccounts, stores, type WelcomeScope } from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import type { Attachment, MessageContent, PlatformAdapter } from '../platforms/platform.ts';
import {
  findTemplateRows,
  parseTemplateKey,
  retireGroupWelcomeTemplates,
  templateKeyPrefix,
} from './retire-group-welcome-templates.ts';
import { renderWelcome } from './welcome.ts';

/** What a platform template holds: the text and at most one image or link (WeCom group_welcome_template). */
const templateAttachment = (attachments: Attachment[] = []): Attachment[] => {
  const first = attachments.find((a) => a.type === 'image' || a.type === 'link');
  return first ? [first] : [];
};

/**
 * The group welcome as a platform template: `%NICKNAME%` left for the platform to fill (`{nickname}` becomes it
 * too), the community's name and store filled in where the welcome is a community's, and only what a template
 * holds kept (the text and the first image or link; coupon placeholders and the rest cannot ride in one).
 */
export const toTemplateContent = (
  group: MessageContent,
  names: { group?: string | null; store?: string | null } = {},
): MessageContent => {
  const rendered = renderWelcome(group, { nickname: '%NICKNAME%', ...names });
  const attachments = templateAttachment(rendered.attachments);
  return {
    ...(rendered.text !== undefined ? { text: rendered.text } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
};

const hashOf = (content: MessageContent) =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);

type Level = { tenantId: string; scope: WelcomeScope; scopeId: string | null };

/**
 * The accounts whose adapters register group welcomes as templates (`capabilities.groupWelcome === 'template'`,
 * WeCom), with the community's names where the level is a community: its welcome belongs to its own account.
 */
const findTemplateAccounts = async (deps: AppDeps, input: Level) => {
  const accounts = await deps.db
    .select({ id: platformAccounts.id })
    .from(platformAccounts)
    .where(and(eq(platformAccounts.tenantId, input.tenantId), eq(platformAccounts.status, 'active')));
  const names =
    input.scope === 'community' && input.scopeId
      ? (
          await deps.db
            .select({
              group: communities.name,
              store: stores.name,
              accountId: communities.platformAccountId,
              status: communities.status,
            })
            .from(communities)
            .leftJoin(stores, eq(stores.id, communities.storeId))
            .where(and(eq(communities.tenantId, input.tenantId), eq(communities.id, input.scopeId)))
        )[0]
      : undefined;
  const found: { id: string; adapter: PlatformAdapter }[] = [];
  for (const account of accounts) {
    if (names && names.accountId !== account.id) continue;
    try {
      const adapter = await deps.platforms.adapterFor(input.tenantId, account.id);
      if (adapter.capabilities.groupWelcome === 'template' && adapter.setGroupWelcome) {
        found.push({ id: account.id, adapter });
      }
    } catch (error) {
      deps.logger.warn(
        { platformAccountId: account.id, error: describeError(error) },
        'welcome: no adapter, group welcome template not registered',
      );
    }
  }
  // A dismissed group greets nobody again: its welcome is kept in Orchard but registers no template there.
  const canGreet = names === undefined || names.status === 'active';
  return { accounts: found, names: names ?? {}, canGreet };
};

/**
 * A group welcome was saved: on each of the brand's platforms that show group welcomes themselves, register it
 * as a template, through the outbox (retries, rate limits; the template id lands on the row as its external
 * id). Saving the content the level's newest template already holds registers nothing; another content is a
 * new row, keyed by content and the level's newest row, so saving A, B, then A again registers A anew. Once the
 * new template is registered, the level's older ones are deleted (retire-group-welcome-templates.ts); clearing
 * the welcome, or saving one for a dismissed community, deletes them at once. On message platforms the pipeline
 * posts welcomes instead.
 */
export const queueGroupWelcomeTemplates = async (
  deps: AppDeps,
  input: Level & { group: MessageContent | null },
): Promise<number> => {
  const { accounts, names, canGreet } = await findTemplateAccounts(deps, input);
  const level = { tenantId: input.tenantId, scope: input.scope, scopeId: input.scopeId };
  let queued = 0;
  for (const account of accounts) {
    const target = { ...level, platformAccountId: account.id };
    if (!input.group || !canGreet) {
      if (account.adapter.deleteGroupWelcome) queued += await retireGroupWelcomeTemplates(deps, target);
    } else {
      const content = toTemplateContent(input.group, names);
      const hash = hashOf(content);
      const rows = await findTemplateRows(deps.db, target);
      const current = rows.find((row) => row.status !== 'failed' && row.status !== 'cancelled');
      if (current && parseTemplateKey(current.idempotencyKey)?.contentHash === hash) continue;
      const isNew = await enqueueOutbound(deps.db, {
        tenantId: input.tenantId,
        platformAccountId: account.id,
        idempotencyKey: `${templateKeyPrefix(level)}${hash}:after:${rows[0]?.id ?? 0}`,
        kind: 'group_welcome_template',
        payload: { content },
        notBefore: deps.now(),
      });
      if (isNew) queued += 1;
    }
    await wakeDelivery(deps.jobs, account.id);
  }
  return queued;
};
