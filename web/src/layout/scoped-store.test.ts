import { describe, expect, it } from 'vitest';
import { scopedStoreId } from './scoped-store.ts';

describe('scopedStoreId', () => {
  const stores = [{ id: 'lab' }, { id: 'xuhui' }];

  it('keeps the remembered store while the store list loads, and once the list has it', () => {
    expect(scopedStoreId('lab', { isLoading: true, stores: [] })).toBe('lab');
    expect(scopedStoreId('lab', { isLoading: false, stores })).toBe('lab');
  });

  it('falls back to every store when the loaded list does not have it, or nothing was remembered', () => {
    expect(scopedStoreId('gone', { isLoading: false, stores })).toBeUndefined();
    expect(scopedStoreId('lab', { isLoading: false, stores: [] })).toBeUndefined();
    expect(scopedStoreId(undefined, { isLoading: true, stores })).toBeUndefined();
  });
});
