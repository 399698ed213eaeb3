import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { createTemplate, insertMembers, keepSignedIn } from '../loyalty.fixtures.ts';

describe('GET /coupons: the console’s list of issued coupons', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let tenOff: string;
  let gift: string;
  let here: string[];
  let there: string[];
  let otherStoreId: string;

  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    otherStoreId = (await createStore(h.deps, brand.tenant.id)).id;
    tenOff = await createTemplate(h, brand.owner.headers);
    gift = await createTemplate(h, brand.owner.headers, { name: 'Free bib', kind: 'gift', giftName: 'Bib' });
    here = await insertMembers(h, brand.tenant.id, 2, brand.store.id);
    there = await insertMembers(h, brand.tenant.id, 1, otherStoreId);
    await keepSignedIn(h, brand.tenant.id);
  });
  afterAll(() => h.close());

  const api = (path: string, headers = brand.owner.headers) => callApi(h, headers, 'GET', path);
  const issue = async (memberId: string, templateId: string) => {
    const res = await callApi(h, brand.owner.headers, 'POST', '/api/v1/coupons', { memberId, templateId });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('lists newest first in pages, with the member’s name, filtered by status and template', async () => {
    const a = await issue(here[0]!, tenOff);
    const b = await issue(here[1]!, gift);
    const c = await issue(there[0]!, tenOff);
    const voided = await callApi(h, brand.owner.headers, 'POST', `/api/v1/coupons/${a}/void`, {
      reason: 'Given by mistake',
    });
    expect(voided.status).toBe(200);

    const page1 = await api('/api/v1/coupons?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((x: { id: string }) => x.id)).toEqual([c, b]);
    expect(page1.body.items[1]).toMatchObject({
      templateName: 'Free bib',
      memberName: 'Member 2',
      status: 'issued',
    });
    const page2 = await api(`/api/v1/coupons?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((x: { id: string }) => x.id)).toEqual([a]);
    expect(page2.body.nextCursor).toBeNull();

    expect((await api('/api/v1/coupons?status=voided')).body.items.map((x: { id: string }) => x.id)).toEqual([
      a,
    ]);
    expect(
      (await api(`/api/v1/coupons?templateId=${tenOff}&status=issued`)).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).toEqual([c]);
  });

  it('shows a store manager only their store’s members’ coupons, another brand none, and names bad input', async () => {
    const manager = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'store_manager',
      storeId: otherStoreId,
    });
    const mine = await api('/api/v1/coupons', manager.headers);
    expect(mine.body.items.map((x: { memberId: string }) => x.memberId)).toEqual([there[0]]);

    const other = await createBrand(h.deps);
    expect((await api('/api/v1/coupons', other.owner.headers)).body.items).toEqual([]);

    const bad = await api('/api/v1/coupons?status=lost');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('status');
  });
});
