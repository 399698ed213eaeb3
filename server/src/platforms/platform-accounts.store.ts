import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { platformAccounts } from '../db/schema/index.ts';
import { isUuid, type PlatformAccountRow } from './accounts.ts';

export const insertPlatformAccount = async (
  db: Db,
  values: Pick<PlatformAccountRow, 'tenantId' | 'platform' | 'name' | 'settings' | 'secretsEncrypted'> & {
    createdAt: Date;
    /** Chosen before insert when the platform must learn it first (a webhook address). */
    id?: string;
  },
): Promise<PlatformAccountRow> => {
  const [row] = await db.insert(platformAccounts).values(values).returning();
  return row!;
};

export const listPlatformAccounts = (db: Db, tenantId: string): Promise<PlatformAccountRow[]> =>
  db
    .select()
    .from(platformAccounts)
    .where(eq(platformAccounts.tenantId, tenantId))
    .orderBy(desc(platformAccounts.createdAt), desc(platformAccounts.id));

/** An account of this tenant; another tenant's account is simply not found. */
export const getPlatformAccount = async (
  db: Db,
  tenantId: string,
  id: string,
): Promise<PlatformAccountRow | undefined> => {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(platformAccounts)
    .where(and(eq(platformAccounts.id, id), eq(platformAccounts.tenantId, tenantId)));
  return row;
};

/** Webhooks arrive without a tenant: the account id in the URL is what names it. */
export const getPlatformAccountById = async (db: Db, id: string): Promise<PlatformAccountRow | undefined> => {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(platformAccounts).where(eq(platformAccounts.id, id));
  return row;
};
