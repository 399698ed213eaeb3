import type { Db } from '../db/client.ts';
import { type StaffTaskKind, staffTasks } from '../db/schema/index.ts';

export type StaffTaskInput = {
  tenantId: string;
  kind: StaffTaskKind;
  title: string;
  staffId?: string | null;
  storeId?: string | null;
  data?: Record<string, unknown>;
  dueAt?: Date | null;
  /** Stable per cause (e.g. `moderation:<event id>`): the same cause never makes two tasks. */
  dedupeKey: string;
};

/** Give a person work or an alert. Returns false when a task with the same dedupe key already exists. */
export const createStaffTask = async (db: Db, input: StaffTaskInput): Promise<boolean> => {
  const rows = await db
    .insert(staffTasks)
    .values({
      tenantId: input.tenantId,
      kind: input.kind,
      title: input.title,
      staffId: input.staffId ?? null,
      storeId: input.storeId ?? null,
      data: input.data ?? {},
      dueAt: input.dueAt ?? null,
      dedupeKey: input.dedupeKey,
    })
    .onConflictDoNothing()
    .returning({ id: staffTasks.id });
  return rows.length > 0;
};
