import type { AuthContext } from '../access/auth-context.ts';
import { hasRole, requireRole } from '../access/roles.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../errors.ts';
import type {
  CreateKeywordRuleInput,
  KeywordRuleView,
  KeywordScopeInput,
  UpdateKeywordRuleInput,
} from './keywords.schemas.ts';
import {
  findKeywordRule,
  findScopeTargetStore,
  insertKeywordRule,
  type KeywordRuleRow,
  listKeywordRuleRows,
  removeKeywordRule,
  saveKeywordRule,
} from './keywords.store.ts';
import { findRegexHazard } from './regex-safety.ts';

/** Keyword rules are managed by the brand's owners and operators, and by store managers for their stores. */
const requireManager = (auth: AuthContext): void => requireRole(auth, 'owner', 'operator', 'store_manager');

export const viewOfKeywordRule = (row: KeywordRuleRow): KeywordRuleView => ({
  id: row.id,
  name: row.name,
  matchMode: row.matchMode,
  pattern: row.pattern,
  scope: { kind: row.scopeKind, id: row.scopeId },
  storeId: row.storeId,
  reply: row.reply,
  tagNames: row.tagNames,
  cooldownSeconds: row.cooldownSeconds,
  priority: row.priority,
  isEnabled: row.isEnabled,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A regex that could backtrack catastrophically is refused here, naming the field, before it is ever run. */
const assertSafePattern = (matchMode: string, pattern: string): void => {
  if (matchMode !== 'regex') return;
  const hazard = findRegexHazard(pattern);
  if (hazard) {
    const message = `pattern ${hazard}`;
    throw new AppError('validation_failed', `Invalid body: pattern: ${message}`, [
      { path: 'pattern', message },
    ]);
  }
};

/** The store the scope belongs to, checked against the caller's own stores. */
const resolveScope = async (db: Db, auth: AuthContext, scope: KeywordScopeInput) => {
  const storeId =
    scope.kind === 'all' || scope.kind === 'private'
      ? null
      : await findScopeTargetStore(db, auth.tenantId, scope);
  if (
    !hasRole(auth, 'owner', 'operator') &&
    (storeId === null || auth.scope.kind !== 'stores' || !auth.scope.storeIds.includes(storeId))
  ) {
    throw new AppError(
      'forbidden',
      'Store managers may only manage rules for their own stores and their groups',
    );
  }
  return { scopeKind: scope.kind, scopeId: 'id' in scope ? scope.id : null, storeId };
};

export const createKeywordRule = async (db: Db, auth: AuthContext, input: CreateKeywordRuleInput) => {
  requireManager(auth);
  assertSafePattern(input.matchMode, input.pattern);
  const { scope, ...rest } = input;
  const row = await insertKeywordRule(db, auth.tenantId, {
    ...rest,
    ...(await resolveScope(db, auth, scope)),
  });
  return viewOfKeywordRule(row);
};

export const listKeywordRules = async (db: Db, auth: AuthContext) =>
  (await listKeywordRuleRows(db, auth.tenantId, auth.scope)).map(viewOfKeywordRule);

export const updateKeywordRule = async (
  db: Db,
  auth: AuthContext,
  input: { id: string; changes: UpdateKeywordRuleInput; now: Date },
) => {
  requireManager(auth);
  const current = await findKeywordRule(db, auth.tenantId, auth.scope, input.id);
  const { scope, ...rest } = input.changes;
  assertSafePattern(rest.matchMode ?? current.matchMode, rest.pattern ?? current.pattern);
  const scopeValues = scope ? await resolveScope(db, auth, scope) : {};
  const row = await saveKeywordRule(db, auth.tenantId, current.id, { ...rest, ...scopeValues }, input.now);
  return viewOfKeywordRule(row);
};

export const deleteKeywordRule = async (db: Db, auth: AuthContext, id: string): Promise<{ id: string }> => {
  requireManager(auth);
  const current = await findKeywordRule(db, auth.tenantId, auth.scope, id);
  await removeKeywordRule(db, auth.tenantId, current.id);
  return { id: current.id };
};
