import { and, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { communitySeries, partners, staff } from '../db/schema/index.ts';
import type { ErrorDetail } from '../errors.ts';
import { type Capabilities, needsStaffAccount } from '../platforms/platform.ts';
import type { CodeTargetInput } from './acquisition.schemas.ts';
import { findScheduleProblems } from './acquisition.ts';
import { findStaffExternalIds } from './channel-codes.store.ts';

/**
 * What a code may point at, checked before anything is written. Another brand's store, series, staff or partner
 * is answered like one that does not exist: a 400 naming the field. A feature creating codes for the brand
 * itself (fission) passes the brand scope.
 */

/** The longest state a code uses (`c_` and 8 base-36 characters). */
export const CODE_STATE_LENGTH = 10;

export const findPartnerProblems = async (
  db: Db,
  input: { tenantId: string; source: string; partnerId: string | null | undefined },
): Promise<ErrorDetail[]> => {
  if (input.source === 'partner_merchant' && !input.partnerId) {
    return [{ path: 'partnerId', message: 'required for a partner merchant code' }];
  }
  if (!input.partnerId) return [];
  if (input.source !== 'partner_merchant') {
    return [{ path: 'partnerId', message: 'only for source partner_merchant' }];
  }
  const [row] = await db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.tenantId, input.tenantId), eq(partners.id, input.partnerId)));
  return row ? [] : [{ path: 'partnerId', message: 'no such partner in this brand' }];
};

/** The capabilities decide what a code can do here: contact or group links, a long enough state. */
export const findCapabilityProblems = (
  capabilities: Capabilities,
  target: CodeTargetInput,
): ErrorDetail[] => {
  const links = capabilities.entryLinks;
  const problems: ErrorDetail[] = [];
  if (target.kind === 'staff' && !links.contact) {
    problems.push({ path: 'target.kind', message: 'this platform has no contact links' });
  }
  if (target.kind === 'group' && !links.group) {
    problems.push({ path: 'target.kind', message: 'this platform has no group links' });
  }
  if (links.maxStateLength < CODE_STATE_LENGTH) {
    problems.push({ path: 'platformAccountId', message: 'this platform cannot carry an attribution state' });
  }
  return problems;
};

export const findTargetProblems = async (
  db: Db,
  input: {
    tenantId: string;
    scope: Scope;
    platformAccountId: string;
    capabilities: Capabilities;
    target: CodeTargetInput;
  },
): Promise<ErrorDetail[]> => {
  const { target } = input;
  if (target.kind === 'group') {
    const [series] = await db
      .select({ platformAccountId: communitySeries.platformAccountId, storeId: communitySeries.storeId })
      .from(communitySeries)
      .where(and(eq(communitySeries.tenantId, input.tenantId), eq(communitySeries.id, target.seriesId)));
    if (!series || !canSeeStore(input.scope, series.storeId)) {
      return [{ path: 'target.seriesId', message: 'no such community series among yours' }];
    }
    return series.platformAccountId === input.platformAccountId
      ? []
      : [{ path: 'target.seriesId', message: 'the series is on another platform account' }];
  }
  const listed = [
    ...target.staff.map((s, i) => ({ staffId: s.staffId, path: `target.staff.${i}.staffId` })),
    ...target.backupStaffIds.map((staffId, i) => ({ staffId, path: `target.backupStaffIds.${i}` })),
  ];
  const ids = listed.map((l) => l.staffId);
  const rows = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.tenantId, input.tenantId), inArray(staff.id, ids)));
  const known = new Set(rows.map((r) => r.id));
  // On a bot platform members talk to the bot and Orchard assigns staff; elsewhere each needs an account there.
  const needsAccount = needsStaffAccount(input.capabilities);
  const accounts = needsAccount
    ? await findStaffExternalIds(db, {
        tenantId: input.tenantId,
        platformAccountId: input.platformAccountId,
        staffIds: ids,
      })
    : new Map<string, string>();
  return [
    ...listed.flatMap(({ staffId, path }): ErrorDetail[] => {
      if (!known.has(staffId)) return [{ path, message: 'no such staff in this brand' }];
      if (needsAccount && !accounts.has(staffId)) {
        return [{ path, message: 'has no staff account on this platform account' }];
      }
      return [];
    }),
    ...findScheduleProblems(
      target.schedule,
      target.staff.map((s) => s.staffId),
    ),
  ];
};
