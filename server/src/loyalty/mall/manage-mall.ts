import type { AuthContext } from '../../access/auth-context.ts';
import { ORG_ADMIN_ROLES, requireRole } from '../../access/roles.ts';
import type { Db } from '../../db/client.ts';
import { findTemplate } from '../coupons/coupons.store.ts';
import { findLevel } from '../levels/levels.store.ts';
import type { CreateMallItemInput, UpdateMallItemInput } from './mall.schemas.ts';
import {
  completeFulfilmentRow,
  type FulfilmentRow,
  insertMallItem,
  listFulfilmentRows,
  listMallItemRows,
  type MallItemRow,
  saveMallItem,
} from './mall.store.ts';

export const mallItemViewOf = (row: MallItemRow) => ({
  id: row.id,
  name: row.name,
  description: row.description,
  imageUrl: row.imageUrl,
  kind: row.kind,
  pointsPrice: row.pointsPrice,
  stock: row.stock,
  redeemedCount: row.redeemedCount,
  perMemberLimit: row.perMemberLimit,
  minLevelId: row.minLevelId,
  couponTemplateId: row.couponTemplateId,
  fulfilmentMethods: row.fulfilmentMethods,
  isActive: row.isActive,
  createdAt: row.createdAt.toISOString(),
});

export const fulfilmentViewOf = (row: FulfilmentRow) => ({
  id: row.id,
  redemptionId: row.redemptionId,
  memberId: row.memberId,
  itemId: row.itemId,
  method: row.method,
  storeId: row.storeId,
  address: row.address,
  status: row.status,
  completedAt: row.completedAt?.toISOString() ?? null,
  completedBy: row.completedBy,
  createdAt: row.createdAt.toISOString(),
});

/** Level and coupon template named by an item must be the brand's own (404 otherwise). */
const checkReferences = async (
  db: Db,
  tenantId: string,
  input: { minLevelId?: string | null; couponTemplateId?: string | null },
) => {
  if (input.minLevelId) await findLevel(db, tenantId, input.minLevelId);
  if (input.couponTemplateId) await findTemplate(db, tenantId, input.couponTemplateId);
};

export const createMallItem = async (db: Db, auth: AuthContext, input: CreateMallItemInput) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  await checkReferences(db, auth.tenantId, input);
  const row = await insertMallItem(db, auth.tenantId, {
    ...input,
    couponTemplateId: input.kind === 'coupon' ? input.couponTemplateId : null,
    fulfilmentMethods: input.kind === 'physical' ? input.fulfilmentMethods : [],
  });
  return mallItemViewOf(row);
};

export const updateMallItem = async (db: Db, auth: AuthContext, id: string, input: UpdateMallItemInput) => {
  requireRole(auth, ...ORG_ADMIN_ROLES);
  await checkReferences(db, auth.tenantId, input);
  return mallItemViewOf(await saveMallItem(db, auth.tenantId, id, input));
};

export const listMallItems = async (db: Db, auth: AuthContext) =>
  (await listMallItemRows(db, auth.tenantId)).map(mallItemViewOf);

export const listFulfilments = async (
  db: Db,
  auth: AuthContext,
  input: { status?: 'pending' | 'done'; limit: number },
) =>
  (await listFulfilmentRows(db, { tenantId: auth.tenantId, scope: auth.scope, ...input })).map(
    fulfilmentViewOf,
  );

/** The store hands the gift over (or headquarters ships it): done once; a second click changes nothing. */
export const completeFulfilment = async (db: Db, auth: AuthContext, input: { id: string; now: Date }) => {
  requireRole(auth, 'owner', 'operator', 'store_manager', 'guide');
  const row = await completeFulfilmentRow(db, {
    tenantId: auth.tenantId,
    scope: auth.scope,
    id: input.id,
    staffId: auth.actor.type === 'staff' ? auth.actor.id : null,
    now: input.now,
  });
  return fulfilmentViewOf(row);
};
