import { and, eq, inArray } from 'drizzle-orm';
import type { Scope } from '../access/auth-context.ts';
import { canSeeStore } from '../access/scope.ts';
import type { Db } from '../db/client.ts';
import { memberAttributeValues, members, staff, stores } from '../db/schema/index.ts';
import { AppError, type ErrorDetail } from '../errors.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';
import { findAttributesByKey } from './attributes.store.ts';
import { checkAttributeValue } from './attributes.ts';
import { findVisibleMember, getMember, type MemberDetail } from './members.store.ts';

export type MemberPatch = {
  name?: string;
  description?: string | null;
  phone?: string | null;
  storeId?: string | null;
  ownerStaffId?: string | null;
  /** Values by attribute key; null clears one. */
  attributes?: Record<string, unknown>;
};

type Checked = {
  details: ErrorDetail[];
  set: { attributeId: string; value: string | number }[];
  cleared: string[];
};

const checkAttributes = async (
  db: Db,
  tenantId: string,
  input: Record<string, unknown>,
): Promise<Checked> => {
  const definitions = await findAttributesByKey(db, tenantId);
  const checked: Checked = { details: [], set: [], cleared: [] };
  for (const [key, raw] of Object.entries(input)) {
    const path = `attributes.${key}`;
    const definition = definitions.get(key);
    if (!definition) {
      checked.details.push({ path, message: 'unknown attribute' });
    } else if (raw === null) {
      checked.cleared.push(definition.id);
    } else {
      const result = checkAttributeValue(definition, raw);
      if (result.ok) checked.set.push({ attributeId: definition.id, value: result.value });
      else checked.details.push({ path, message: result.message });
    }
  }
  return checked;
};

/** Store and owner must be the brand's; a store-bound caller may only move a member between its own stores. */
const checkPlacement = async (db: Db, tenantId: string, scope: Scope, patch: MemberPatch) => {
  const details: ErrorDetail[] = [];
  if (patch.storeId === null && scope.kind === 'stores') {
    details.push({ path: 'storeId', message: 'a store-bound caller cannot make a member brand-level' });
  } else if (patch.storeId) {
    const [store] = await db
      .select({ id: stores.id })
      .from(stores)
      .where(and(eq(stores.tenantId, tenantId), eq(stores.id, patch.storeId)));
    if (!store || !canSeeStore(scope, store.id)) details.push({ path: 'storeId', message: 'unknown store' });
  }
  if (patch.ownerStaffId) {
    const [owner] = await db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.tenantId, tenantId), eq(staff.id, patch.ownerStaffId)));
    if (!owner) details.push({ path: 'ownerStaffId', message: 'unknown staff member' });
  }
  return details;
};

/** Edit a member's profile: description, phone, store, owning staff and custom attributes, checked by type. */
export const updateMember = async (
  db: Db,
  input: { tenantId: string; scope: Scope; id: string; patch: MemberPatch; now: Date },
): Promise<MemberDetail> => {
  const { tenantId, scope, id, patch } = input;
  await findVisibleMember(db, { tenantId, scope, id });
  const attributes = await checkAttributes(db, tenantId, patch.attributes ?? {});
  const details = [...(await checkPlacement(db, tenantId, scope, patch)), ...attributes.details];
  if (details.length > 0) {
    throw new AppError(
      'validation_failed',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
  }
  const { attributes: _, ...columns } = patch;
  await db.transaction(async (tx) => {
    if (Object.keys(columns).length > 0) {
      await tx
        .update(members)
        .set(columns)
        .where(and(eq(members.tenantId, tenantId), eq(members.id, id)));
    }
    for (const { attributeId, value } of attributes.set) {
      await tx
        .insert(memberAttributeValues)
        .values({ tenantId, memberId: id, attributeId, value })
        .onConflictDoUpdate({
          target: [memberAttributeValues.memberId, memberAttributeValues.attributeId],
          set: { value },
        });
    }
    if (attributes.cleared.length > 0) {
      await tx
        .delete(memberAttributeValues)
        .where(
          and(
            eq(memberAttributeValues.memberId, id),
            inArray(memberAttributeValues.attributeId, attributes.cleared),
          ),
        );
    }
    await recordMemberEvents(tx, [
      {
        tenantId,
        memberId: id,
        type: 'profile.updated',
        occurredAt: input.now,
        data: {
          fields: [
            ...Object.keys(columns),
            ...Object.keys(patch.attributes ?? {}).map((k) => `attributes.${k}`),
          ],
        },
      },
    ]);
  });
  return getMember(db, { tenantId, scope, id });
};
