import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberIdentities } from '../db/schema/index.ts';

/** The member's id on one platform account (their identity's external id), if they have one there. */
export const findIdentityOnAccount = async (
  db: Db,
  input: { tenantId: string; platformAccountId: string; memberId: string },
): Promise<string | undefined> => {
  const [row] = await db
    .select({ externalId: memberIdentities.externalId })
    .from(memberIdentities)
    .where(
      and(
        eq(memberIdentities.tenantId, input.tenantId),
        eq(memberIdentities.platformAccountId, input.platformAccountId),
        eq(memberIdentities.memberId, input.memberId),
      ),
    );
  return row?.externalId;
};
