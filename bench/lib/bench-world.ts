import { randomBytes } from 'node:crypto';
import type { AppDeps } from '../../server/src/app/deps.ts';
import { sandboxGroups, sandboxUsers, tenants } from '../../server/src/db/schema/index.ts';
import type { Middleware } from '../../server/src/pipeline/middleware.ts';
import { addPlatformAccount } from '../../server/src/platforms/platform-accounts.service.ts';

/** A brand with one sandbox account whose people and groups the load generator talks as. */
export type BenchWorld = {
  tenantId: string;
  accountId: string;
  webhookSecret: string;
  /** Sandbox user ids: the members' external ids on the sandbox. */
  memberIds: string[];
  /** Sandbox group ids: the groups the bot's replies land in. */
  groupIds: string[];
};

/** Limits far above the load, so the platform never throttles: the pipeline is what is measured. */
const generousLimits = { perSecond: 1_000_000, perChatPerMinute: 1_000_000 };

export const createBenchWorld = async (
  deps: AppDeps,
  options: { members: number; groups: number },
): Promise<BenchWorld> => {
  const [tenant] = await deps.db
    .insert(tenants)
    .values({ slug: `bench-${randomBytes(4).toString('hex')}`, name: 'Bench brand' })
    .returning();
  const webhookSecret = randomBytes(24).toString('base64url');
  const { row } = await addPlatformAccount(deps, tenant!.id, {
    platform: 'sandbox',
    name: 'Bench sandbox',
    settings: { rateLimits: generousLimits, welcomeMode: 'message' },
    secrets: { webhookSecret },
  });
  const scope = { tenantId: tenant!.id, platformAccountId: row.id };
  const members = await deps.db
    .insert(sandboxUsers)
    .values(
      Array.from({ length: options.members }, (_, n) => ({
        ...scope,
        kind: 'member' as const,
        name: `Member ${n}`,
      })),
    )
    .returning({ id: sandboxUsers.id });
  const groups = await deps.db
    .insert(sandboxGroups)
    .values(Array.from({ length: options.groups }, (_, n) => ({ ...scope, name: `Bench group ${n}` })))
    .returning({ id: sandboxGroups.id });
  return {
    tenantId: tenant!.id,
    accountId: row.id,
    webhookSecret,
    memberIds: members.map((m) => m.id),
    groupIds: groups.map((g) => g.id),
  };
};

/** The bench's feature: one reply into the group for every group message, so the outbox is exercised. */
export const echo: Middleware = async (ctx, next) => {
  const { event } = ctx;
  if (event.type === 'message' && event.chat.kind === 'group') {
    await ctx.outbox.enqueue({
      kind: 'send',
      payload: {
        target: { kind: 'group', groupExternalId: event.chat.groupExternalId },
        content: { text: `echo: ${event.text ?? ''}` },
      },
    });
  }
  await next();
};
