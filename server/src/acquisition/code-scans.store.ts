import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { channelCodeScans, channelCodes } from '../db/schema/index.ts';
import type { StaffSlot } from './acquisition.ts';
import type { ChannelCodeRow } from './channel-codes.store.ts';

/** How long a scan holds a place in its staff member's daily cap while the member has not arrived yet. */
export const SCAN_HOLD_MS = 10 * 60_000;

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Lock the code for one assignment decision: its current counts and round-robin position. */
export const lockCode = async (db: Db, codeId: string): Promise<ChannelCodeRow | undefined> => {
  const [row] = await db.select().from(channelCodes).where(eq(channelCodes.id, codeId)).for('update');
  return row;
};

/**
 * The code's staff with what the strategies weigh: arrivals through this code today plus places held by
 * recent unmatched scans (the daily cap), and members owned plus places held (least-loaded).
 */
export const loadStaffSlots = async (
  db: Db,
  input: { tenantId: string; codeId: string; dayStart: Date; now: Date },
): Promise<StaffSlot[]> => {
  const holdFrom = new Date(Math.max(input.dayStart.getTime(), input.now.getTime() - SCAN_HOLD_MS));
  const result = await db.execute(sql`
    select cs.staff_id, cs.is_backup, cs.daily_cap, cs.position,
      (select count(*)::int from channel_code_arrivals a
        where a.code_id = cs.code_id and a.staff_id = cs.staff_id and a.kind = 'contact'
          and a.arrived_at >= ${input.dayStart.toISOString()}::timestamptz) as arrived_today,
      (select count(*)::int from channel_code_scans s
        where s.code_id = cs.code_id and s.staff_id = cs.staff_id and s.member_id is null
          and s.scanned_at >= ${holdFrom.toISOString()}::timestamptz) as held,
      (select count(*)::int from members m
        where m.tenant_id = cs.tenant_id and m.owner_staff_id = cs.staff_id) as owned
    from channel_code_staff cs
    where cs.tenant_id = ${input.tenantId} and cs.code_id = ${input.codeId}
    order by cs.position`);
  return rowsOf<{
    staff_id: string;
    is_backup: boolean;
    daily_cap: number | null;
    position: number;
    arrived_today: number;
    held: number;
    owned: number;
  }>(result).map((r) => ({
    staffId: r.staff_id,
    isBackup: r.is_backup,
    dailyCap: r.daily_cap,
    position: r.position,
    todayCount: r.arrived_today + r.held,
    load: r.owned + r.held,
  }));
};

/** Record an opening of the code's link (and who or where it was sent), counting it on the code. */
export const recordScan = async (
  db: Db,
  input: {
    tenantId: string;
    codeId: string;
    staffId?: string | null;
    communityId?: string | null;
    at: Date;
    rrCursor?: number;
  },
): Promise<void> => {
  await db.insert(channelCodeScans).values({
    tenantId: input.tenantId,
    codeId: input.codeId,
    staffId: input.staffId ?? null,
    communityId: input.communityId ?? null,
    scannedAt: input.at,
  });
  await db
    .update(channelCodes)
    .set({
      scanCount: sql`${channelCodes.scanCount} + 1`,
      ...(input.rrCursor !== undefined ? { rrCursor: input.rrCursor } : {}),
    })
    .where(and(eq(channelCodes.tenantId, input.tenantId), eq(channelCodes.id, input.codeId)));
};

export const saveCursor = async (db: Db, codeId: string, rrCursor: number): Promise<void> => {
  await db.update(channelCodes).set({ rrCursor }).where(eq(channelCodes.id, codeId));
};

/** The member who arrived used the oldest held scan for their staff member: it stops holding a place. */
export const matchScan = async (
  db: Db,
  input: { tenantId: string; codeId: string; staffId: string; memberId: string; now: Date },
): Promise<void> => {
  const holdFrom = new Date(input.now.getTime() - SCAN_HOLD_MS).toISOString();
  await db.execute(sql`
    update channel_code_scans set member_id = ${input.memberId}
    where id = (
      select id from channel_code_scans
      where tenant_id = ${input.tenantId} and code_id = ${input.codeId} and staff_id = ${input.staffId}
        and member_id is null and scanned_at >= ${holdFrom}::timestamptz
      order by scanned_at, id limit 1
    )`);
};
