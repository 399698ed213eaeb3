import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { channelCodeLinks } from '../db/schema/index.ts';
import { type EntryLinkSpec, type PlatformAdapter, PlatformError } from '../platforms/platform.ts';
import { linkTargetKeyOf } from './acquisition.ts';
import type { ChannelCodeRow } from './channel-codes.store.ts';

export type LinkTarget =
  | { kind: 'staff'; staffExternalId: string }
  | { kind: 'bot' }
  | { kind: 'groups'; externalIds: string[] };

const specOf = (state: string, target: LinkTarget): EntryLinkSpec =>
  target.kind === 'groups'
    ? { kind: 'group', state, groupExternalIds: target.externalIds }
    : { kind: 'contact', state, staffExternalIds: target.kind === 'staff' ? [target.staffExternalId] : [] };

/**
 * The platform link of a code for one target, made on first use and kept: one contact link per staff account
 * (WeCom contact-me with one user, the sandbox), one for the bot (Telegram `/start <state>`), one per set of
 * groups (WeCom join way, a Telegram invite link named by the state). Every link carries the code's state, so
 * arrivals through any of them are the code's. A network call: never inside a transaction.
 */
export const ensureCodeLink = async (
  deps: AppDeps,
  adapter: PlatformAdapter,
  code: ChannelCodeRow,
  target: LinkTarget,
): Promise<string> => {
  const targetKey = linkTargetKeyOf(target);
  const where = and(
    eq(channelCodeLinks.tenantId, code.tenantId),
    eq(channelCodeLinks.codeId, code.id),
    eq(channelCodeLinks.targetKey, targetKey),
  );
  const [existing] = await deps.db.select({ url: channelCodeLinks.url }).from(channelCodeLinks).where(where);
  if (existing) return existing.url;
  if (!adapter.createEntryLink) {
    throw new PlatformError('not_supported', 'This platform cannot create entry links');
  }
  const link = await adapter.createEntryLink(specOf(code.state, target));
  // Two first scans at once may both create a link; the first stored is the one everybody uses.
  await deps.db
    .insert(channelCodeLinks)
    .values({
      tenantId: code.tenantId,
      codeId: code.id,
      targetKey,
      externalId: link.externalId,
      url: link.url,
      createdAt: deps.now(),
    })
    .onConflictDoNothing();
  const [stored] = await deps.db.select({ url: channelCodeLinks.url }).from(channelCodeLinks).where(where);
  return stored?.url ?? link.url;
};
