import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { communities, platformAccounts, stores, type WelcomeScope } from '../db/schema/index.ts';
import { describeError } from '../jobs/backoff.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { enqueueOutboundBatch, type OutboundInput } from '../outbox/outbox.store.ts';
import type { Attachment, MessageContent } from '../platforms/platform.ts';
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

/**
 * A group welcome was saved: on each of the brand's platforms that show group welcomes themselves
 * (`capabilities.groupWelcome === 'template'`, WeCom) register it as a template, through the outbox (retries,
 * rate limits; the template id lands on the row as its external id). Keyed by level and content, so saving
 * the same welcome again registers nothing new; on message platforms the pipeline posts welcomes instead.
 */
export const queueGroupWelcomeTemplates = async (
  deps: AppDeps,
  input: { tenantId: string; scope: WelcomeScope; scopeId: string | null; group: MessageContent | null },
): Promise<number> => {
  if (!input.group) return 0;
  const accounts = await deps.db
    .select({ id: platformAccounts.id })
    .from(platformAccounts)
    .where(and(eq(platformAccounts.tenantId, input.tenantId), eq(platformAccounts.status, 'active')));
  const names =
    input.scope === 'community' && input.scopeId
      ? (
          await deps.db
            .select({ group: communities.name, store: stores.name, accountId: communities.platformAccountId })
            .from(communities)
            .leftJoin(stores, eq(stores.id, communities.storeId))
            .where(and(eq(communities.tenantId, input.tenantId), eq(communities.id, input.scopeId)))
        )[0]
      : undefined;
  const content = toTemplateContent(input.group, names ?? {});
  const rows: OutboundInput[] = [];
  for (const account of accounts) {
    // A community's welcome belongs to its own platform account only.
    if (names && names.accountId !== account.id) continue;
    try {
      const adapter = await deps.platforms.adapterFor(input.tenantId, account.id);
      if (adapter.capabilities.groupWelcome !== 'template' || !adapter.setGroupWelcome) continue;
    } catch (error) {
      deps.logger.warn(
        { platformAccountId: account.id, error: describeError(error) },
        'welcome: no adapter, group welcome template not registered',
      );
      continue;
    }
    rows.push({
      tenantId: input.tenantId,
      platformAccountId: account.id,
      idempotencyKey: `group-welcome-template:${input.scope}:${input.scopeId ?? 'brand'}:${hashOf(content)}`,
      kind: 'group_welcome_template',
      payload: { content },
      notBefore: deps.now(),
    });
  }
  const queued = await enqueueOutboundBatch(deps.db, rows);
  for (const row of rows) await wakeDelivery(deps.jobs, row.platformAccountId);
  return queued;
};
