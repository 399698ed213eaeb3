import { z } from 'zod';
import type { AppDeps } from '../app/deps.ts';
import type { Db } from '../db/client.ts';
import { describeError } from '../jobs/backoff.ts';
import { wakeDelivery } from '../jobs/job-names.ts';
import { createMemberLink } from '../loyalty/me/member-link.ts';
import { enqueueOutbound } from '../outbox/outbox.store.ts';
import type { OutboundMessage } from '../outbox/outbox.ts';
import { eventOutboundKey } from '../pipeline/run-events.ts';
import { attachmentSchema, type Capabilities, type MessageContent } from '../platforms/platform.ts';
import { composeWelcome } from './compose-welcome.ts';
import { findWelcomeNames } from './welcome.store.ts';

/** Everything a 1:1 welcome needs once the welcome to send is picked: who, through what, and until when. */
export const contactWelcomeSchema = z.object({
  tenantId: z.uuid(),
  platformAccountId: z.uuid(),
  inboundEventId: z.number().int(),
  memberId: z.uuid(),
  /** The staff member the customer added (the `{staff}` of the welcome). */
  staffId: z.uuid().nullable(),
  memberExternalId: z.string(),
  staffExternalId: z.string(),
  welcomeToken: z.string().optional(),
  notAfter: z.string().optional(),
  maxAttachments: z.number().int().optional(),
  /** The picked welcome, placeholders not yet filled. */
  content: z.object({ text: z.string().optional(), attachments: z.array(attachmentSchema).optional() }),
});
export type ContactWelcome = z.infer<typeof contactWelcomeSchema>;

/**
 * The welcome's outbound row, in the caller's transaction: placeholders filled, the member's coupons issued and
 * fitted to what the platform carries. Its key is the event's (`evt:<id>:welcome`), so the pipeline and the
 * job below can never both queue one.
 */
export const composeContactWelcome = async (
  tx: Db,
  deps: Pick<AppDeps, 'secretBox' | 'config' | 'now'>,
  input: ContactWelcome & { nickname: string; attachments: Capabilities['attachments'] },
): Promise<{ key: string; payload: Extract<OutboundMessage, { kind: 'welcome' }>['payload'] }> => {
  const names = await findWelcomeNames(tx, {
    tenantId: input.tenantId,
    memberId: input.memberId,
    staffId: input.staffId,
  });
  const content: MessageContent = await composeWelcome(tx, {
    tenantId: input.tenantId,
    memberId: input.memberId,
    content: input.content,
    vars: { nickname: input.nickname, ...names },
    maxAttachments: input.maxAttachments,
    causeKey: eventOutboundKey(input.inboundEventId, 'welcome'),
    now: deps.now(),
    carries: input.attachments,
    memberPageUrl: createMemberLink(deps, { tenantId: input.tenantId, memberId: input.memberId }).url,
  });
  return {
    key: 'welcome',
    payload: {
      welcomeToken: input.welcomeToken,
      memberExternalId: input.memberExternalId,
      staffExternalId: input.staffExternalId,
      content,
      notAfter: input.notAfter,
    },
  };
};

/**
 * A welcome to a customer whose name the platform's event did not carry (WeCom's add_external_contact names ids
 * only): read the contact from the platform first (a network call, so in a job, never in the pipeline's
 * transaction), then queue the welcome greeting them by name. A failed read greets without a name rather than
 * not at all; the outbox still drops a welcome past the platform's deadline, with its reason.
 */
export const sendContactWelcome = async (deps: AppDeps, input: ContactWelcome): Promise<void> => {
  const adapter = await deps.platforms.adapterFor(input.tenantId, input.platformAccountId);
  let nickname = '';
  try {
    nickname = (await adapter.fetchContact?.(input.memberExternalId))?.name ?? '';
  } catch (error) {
    deps.logger.warn(
      { platformAccountId: input.platformAccountId, error: describeError(error) },
      'welcome: the contact could not be read; welcoming without a name',
    );
  }
  await deps.db.transaction(async (tx) => {
    const { key, payload } = await composeContactWelcome(tx, deps, {
      ...input,
      nickname,
      attachments: adapter.capabilities.attachments,
    });
    await enqueueOutbound(tx, {
      tenantId: input.tenantId,
      platformAccountId: input.platformAccountId,
      idempotencyKey: eventOutboundKey(input.inboundEventId, key),
      kind: 'welcome',
      payload,
      sourceEventId: input.inboundEventId,
      notBefore: deps.now(),
    });
  });
  await wakeDelivery(deps.jobs, input.platformAccountId);
};
