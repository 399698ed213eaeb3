import type { AppDeps } from '../app/deps.ts';
import { listSeriesGroups } from '../communities/series.store.ts';
import { AppError, notFound } from '../errors.ts';
import { describeError } from '../jobs/backoff.ts';
import { jobNames } from '../jobs/job-names.ts';
import { PlatformError } from '../platforms/platform.ts';
import { type CodeStatus, codeStatusOf, pickLinkGroups } from './acquisition.ts';
import { assignStaff } from './assign-staff.ts';
import {
  type ChannelCodeRow,
  findCodeByToken,
  findStaffExternalIds,
  findTenantTimezone,
} from './channel-codes.store.ts';
import { ensureCodeLink } from './code-links.ts';
import { recordScan } from './code-scans.store.ts';

export type ScanOutcome =
  | { outcome: 'redirect'; url: string; code: ChannelCodeRow; staffId?: string; communityId?: string }
  /** The code ended (expired, full, archived) and has nowhere to send the member. */
  | { outcome: 'closed'; code: ChannelCodeRow; status: CodeStatus }
  /** Nothing to send the member to right now (every group full while the next one opens, a platform error). */
  | { outcome: 'unavailable'; code: ChannelCodeRow; reason: string };

/**
 * Someone opened a code's public link (scanned its QR). Orchard decides where it leads, at that moment: a contact
 * code picks a staff member by its strategy and caps (under the code's row lock), a group code the series' open
 * groups with room; the scan is recorded, then the platform link for that target is looked up or made. The
 * platform never chooses among staff itself, so round robin, caps and schedules hold on every platform.
 */
export const openChannelCode = async (
  deps: AppDeps,
  input: {
    token: string;
    random?: () => number;
    /** Only a code of this account (the simulator acts for one brand's sandbox). */
    within?: { tenantId: string; platformAccountId: string };
  },
): Promise<ScanOutcome> => {
  const code = await findCodeByToken(deps.db, input.token);
  const isOutside =
    input.within &&
    (code?.tenantId !== input.within.tenantId || code.platformAccountId !== input.within.platformAccountId);
  if (!code || isOutside) throw notFound('Channel code');
  const adapter = await deps.platforms.adapterFor(code.tenantId, code.platformAccountId);
  const now = deps.now();
  const unavailable = (reason: string): ScanOutcome => ({ outcome: 'unavailable', code, reason });
  const follow = async (
    target: Parameters<typeof ensureCodeLink>[3],
    extra: { staffId?: string; communityId?: string },
  ): Promise<ScanOutcome> => {
    try {
      return { outcome: 'redirect', url: await ensureCodeLink(deps, adapter, code, target), code, ...extra };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      deps.logger.warn({ codeId: code.id, error: describeError(error) }, 'acquisition: no platform link');
      return unavailable(`The platform did not make a link: ${error.message}`);
    }
  };

  if (code.targetKind === 'group') {
    const status = codeStatusOf(code, now);
    if (status !== 'active') return { outcome: 'closed', code, status };
    const groups = pickLinkGroups(
      await listSeriesGroups(deps.db, code.tenantId, code.seriesId!),
      adapter.capabilities.entryLinks.maxGroupsPerLink,
    );
    if (groups.length === 0) {
      // Every group is full: the next one is being opened (ask again in case the wake-up was lost).
      await deps.jobs.send(
        jobNames.rolloverCommunities,
        { tenantId: code.tenantId, seriesId: code.seriesId },
        { singletonKey: code.seriesId! },
      );
      return unavailable('Every group is full; the next one is opening, try again in a moment');
    }
    await recordScan(deps.db, {
      tenantId: code.tenantId,
      codeId: code.id,
      communityId: groups[0]!.id,
      at: now,
    });
    return follow(
      { kind: 'groups', externalIds: groups.map((g) => g.externalId) },
      { communityId: groups[0]!.id },
    );
  }

  if (adapter.capabilities.entryLinks.contactVia === 'bot') {
    // Everyone reaches the same bot; the staff member is assigned when the member arrives.
    const status = codeStatusOf(code, now);
    if (status !== 'active') return { outcome: 'closed', code, status };
    await recordScan(deps.db, { tenantId: code.tenantId, codeId: code.id, at: now });
    return follow({ kind: 'bot' }, {});
  }

  const timezone = await findTenantTimezone(deps.db, code.tenantId);
  const choice = await deps.db.transaction(async (tx) => {
    const chosen = await assignStaff(tx, { code, now, timezone, random: input.random });
    if (chosen) {
      await recordScan(tx, { tenantId: code.tenantId, codeId: code.id, staffId: chosen.staffId, at: now });
    }
    return chosen;
  });
  if (!choice) {
    const status = codeStatusOf(code, now);
    return status === 'active'
      ? unavailable('The code has no staff to assign')
      : { outcome: 'closed', code, status };
  }
  const accounts = await findStaffExternalIds(deps.db, {
    tenantId: code.tenantId,
    platformAccountId: code.platformAccountId,
    staffIds: [choice.staffId],
  });
  const staffExternalId = accounts.get(choice.staffId);
  if (!staffExternalId) return unavailable('The assigned staff member has no account on this platform');
  return follow({ kind: 'staff', staffExternalId }, { staffId: choice.staffId });
};

/**
 * For the sandbox simulator, which plays the member's phone: following a code's public link gives the
 * platform link Orchard chose. Another brand's or another account's code is not found; a closed code or
 * no target is a conflict, as the platform would refuse.
 */
export const followChannelCodeLink = async (
  deps: AppDeps,
  input: { tenantId: string; platformAccountId: string; token: string },
): Promise<string> => {
  const { token, ...within } = input;
  const scan = await openChannelCode(deps, { token, within });
  if (scan.outcome === 'closed')
    throw new AppError('conflict', `The channel code has ended (${scan.status})`);
  if (scan.outcome === 'unavailable') throw new AppError('conflict', scan.reason);
  return scan.url;
};
