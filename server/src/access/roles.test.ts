import { describe, expect, it } from 'vitest';
import type { RoleName } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { AuthContext } from './auth-context.ts';
import { canGrantRole, isStoreRole, requireRole } from './roles.ts';

const caller = (...roles: RoleName[]): AuthContext => ({
  tenantId: 't',
  actor: { type: 'staff', id: 's' },
  roles,
  scope: { kind: 'brand' },
});

describe('roles', () => {
  it('requireRole passes when any listed role is held and throws forbidden otherwise', () => {
    expect(() => requireRole(caller('operator'), 'owner', 'operator')).not.toThrow();
    const error = (() => {
      try {
        requireRole(caller('guide'), 'owner', 'operator');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('forbidden');
  });

  it('only owners grant ownership; operators grant the rest; store roles cannot grant', () => {
    expect(canGrantRole(caller('owner'), 'owner')).toBe(true);
    expect(canGrantRole(caller('operator'), 'owner')).toBe(false);
    expect(canGrantRole(caller('operator'), 'guide')).toBe(true);
    expect(canGrantRole(caller('store_manager'), 'guide')).toBe(false);
  });

  it('store_manager and guide are store roles', () => {
    expect(['owner', 'operator', 'store_manager', 'guide'].filter((r) => isStoreRole(r as RoleName))).toEqual(
      ['store_manager', 'guide'],
    );
  });
});
