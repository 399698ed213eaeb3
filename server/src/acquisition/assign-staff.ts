import type { Db } from '../db/client.ts';
import { zonedTimeOf } from '../lib/zoned-time.ts';
import { chooseBackup, chooseStaff, codeStatusOf, type StaffChoice } from './acquisition.ts';
import type { ChannelCodeRow } from './channel-codes.store.ts';
import { loadStaffSlots, lockCode, saveCursor } from './code-scans.store.ts';

/**
 * Orchard's staff decision for one scan (or one arrival on a bot platform), inside the caller's transaction.
 * The code row is locked first, so concurrent scans decide one after another on up-to-date counts and the
 * round-robin position never repeats. A closed code only hands out its backups (none: no assignment).
 */
export const assignStaff = async (
  db: Db,
  input: { code: ChannelCodeRow; now: Date; timezone: string; random?: () => number },
): Promise<StaffChoice | undefined> => {
  const { now } = input;
  const code = (await lockCode(db, input.code.id)) ?? input.code;
  const cursor = code.rrCursor;
  const local = zonedTimeOf(now, input.timezone);
  const slots = await loadStaffSlots(db, {
    tenantId: code.tenantId,
    codeId: code.id,
    dayStart: local.dayStart,
    now,
  });
  if (codeStatusOf(code, now) !== 'active') return chooseBackup(slots);
  const decision = chooseStaff({
    strategy: code.strategy ?? 'round_robin',
    slots,
    schedule: code.schedule,
    local,
    cursor,
    random: input.random ?? Math.random,
  });
  if (decision.nextCursor !== cursor) await saveCursor(db, code.id, decision.nextCursor);
  return decision.choice;
};
