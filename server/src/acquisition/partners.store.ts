import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AuthContext } from '../access/auth-context.ts';
import { requireRole } from '../access/roles.ts';
import type { AppDeps } from '../app/deps.ts';
import { findStoreProblems, throwIfProblems } from '../communities/community-guards.ts';
import { channelCodeArrivals, partners } from '../db/schema/index.ts';
import { AppError, notFound } from '../errors.ts';
import { isUniqueViolation } from '../org/unique-violation.ts';

/** Partner merchants of a community alliance; their codes attribute the members they bring to them. */
export type PartnerInput = {
  name: string;
  storeId?: string | null;
  contact?: string | null;
  note?: string | null;
};

export type PartnerView = {
  id: string;
  name: string;
  storeId: string | null;
  contact: string | null;
  note: string | null;
  arrivals: number;
  newMembers: number;
  createdAt: string;
};

const rethrowDuplicate = (error: unknown, name: string | undefined): never => {
  if (isUniqueViolation(error)) throw new AppError('conflict', `A partner "${name}" exists`);
  throw error;
};

export const createPartner = async (deps: AppDeps, auth: AuthContext, input: PartnerInput) => {
  requireRole(auth, 'owner', 'operator');
  throwIfProblems(await findStoreProblems(deps.db, auth, input.storeId));
  const [row] = await deps.db
    .insert(partners)
    .values({ ...input, tenantId: auth.tenantId, createdAt: deps.now() })
    .returning()
    .catch((error: unknown) => rethrowDuplicate(error, input.name));
  return row!.id;
};

export const updatePartner = async (
  deps: AppDeps,
  auth: AuthContext,
  id: string,
  changes: Partial<PartnerInput>,
) => {
  requireRole(auth, 'owner', 'operator');
  if (changes.storeId !== undefined) throwIfProblems(await findStoreProblems(deps.db, auth, changes.storeId));
  const rows = await deps.db
    .update(partners)
    .set(changes)
    .where(and(eq(partners.tenantId, auth.tenantId), eq(partners.id, id)))
    .returning({ id: partners.id })
    .catch((error: unknown) => rethrowDuplicate(error, changes.name));
  if (rows.length === 0) throw notFound('Partner');
  return id;
};

/** The brand's partners with the members their codes brought (arrivals, and members new to the brand). */
export const listPartners = async (deps: AppDeps, tenantId: string, id?: string): Promise<PartnerView[]> => {
  const counts = deps.db
    .select({
      partnerId: channelCodeArrivals.partnerId,
      arrivals: sql<number>`count(*)::int`.as('arrivals'),
      newMembers: sql<number>`(count(*) filter (where ${channelCodeArrivals.isNewMember}))::int`.as(
        'new_members',
      ),
    })
    .from(channelCodeArrivals)
    .where(and(eq(channelCodeArrivals.tenantId, tenantId), isNotNull(channelCodeArrivals.partnerId)))
    .groupBy(channelCodeArrivals.partnerId)
    .as('counts');
  const rows = await deps.db
    .select({
      id: partners.id,
      name: partners.name,
      storeId: partners.storeId,
      contact: partners.contact,
      note: partners.note,
      createdAt: partners.createdAt,
      arrivals: counts.arrivals,
      newMembers: counts.newMembers,
    })
    .from(partners)
    .leftJoin(counts, eq(counts.partnerId, partners.id))
    .where(and(eq(partners.tenantId, tenantId), id ? eq(partners.id, id) : undefined))
    .orderBy(asc(partners.name));
  return rows.map((r) => ({
    ...r,
    arrivals: r.arrivals ?? 0,
    newMembers: r.newMembers ?? 0,
    createdAt: r.createdAt.toISOString(),
  }));
};
