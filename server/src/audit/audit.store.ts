import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import { olderThanCursor, type Page, pageOf } from '../http/pagination.ts';
import type { AuditActor, AuditEntry } from './audit.ts';

export type AuditLogRow = typeof auditLog.$inferSelect;

/** Writes one audit row. Pass a transaction as `db` to make the record commit with the change it describes. */
export const recordAudit = async (db: Db, entry: AuditEntry): Promise<void> => {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    actorType: entry.actor.type,
    actorId: entry.actor.type === 'system' ? null : entry.actor.id,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    ip: entry.ip ?? null,
  });
};

export type AuditView = {
  id: string;
  actor: { type: AuditActor['type']; id: string | null };
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
  ip: string | null;
  createdAt: string;
};

const viewOf = (row: AuditLogRow): AuditView => ({
  id: row.id,
  actor: { type: row.actorType, id: row.actorId },
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  data: row.data,
  ip: row.ip,
  createdAt: row.createdAt.toISOString(),
});

export const listAuditLog = async (
  db: Db,
  options: { tenantId: string; limit: number; cursor?: string; action?: string; actorId?: string },
): Promise<Page<AuditView>> => {
  const filters: (SQL | undefined)[] = [
    eq(auditLog.tenantId, options.tenantId),
    options.action ? eq(auditLog.action, options.action) : undefined,
    options.actorId ? eq(auditLog.actorId, options.actorId) : undefined,
    options.cursor ? olderThanCursor(auditLog, options.cursor) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(options.limit + 1);
  return pageOf(rows, options.limit, (row) => row.id, viewOf);
};
