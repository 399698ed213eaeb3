import { describe, expect, it } from 'vitest';
import { changedRoles, findGrantProblems, normalizeGrants } from './org.ts';
import { isUniqueViolation } from './unique-violation.ts';

describe('org rules', () => {
  const known = new Set(['s1']);

  it('store roles need a known store, brand roles none', () => {
    const problems = findGrantProblems(
      [
        { role: 'guide' },
        { role: 'owner', storeId: 's1' },
        { role: 'store_manager', storeId: 's2' },
        { role: 'guide', storeId: 's1' },
        { role: 'operator', storeId: null },
      ],
      known,
    );
    expect(problems).toEqual([
      { path: 'roles.0.storeId', message: 'required for guide' },
      { path: 'roles.1.storeId', message: 'must be empty for owner' },
      { path: 'roles.2.storeId', message: 'no such store in this brand' },
    ]);
  });

  it('collapses duplicate grants', () => {
    expect(
      normalizeGrants([
        { role: 'guide', storeId: 's1' },
        { role: 'guide', storeId: 's1' },
        { role: 'operator' },
      ]),
    ).toEqual([
      { role: 'guide', storeId: 's1' },
      { role: 'operator', storeId: null },
    ]);
  });

  it('names the roles granted or taken away, including a move between stores', () => {
    const before = [
      { role: 'owner' as const, storeId: null },
      { role: 'guide' as const, storeId: 's1' },
    ];
    expect(changedRoles(before, before)).toEqual([]);
    expect(changedRoles(before, [{ role: 'owner', storeId: null }])).toEqual(['guide']);
    expect(changedRoles(before, [{ role: 'guide', storeId: 's2' }]).sort()).toEqual(['guide', 'owner']);
  });

  it('recognises a unique violation directly or wrapped', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation(new Error('x', { cause: { code: '23505' } }))).toBe(true);
    expect(isUniqueViolation(new Error('x', { cause: { code: '23503' } }))).toBe(false);
    expect(isUniqueViolation('23505')).toBe(false);
  });
});
