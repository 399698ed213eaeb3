import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStore } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { createTemplate, insertMembers } from '../loyalty.fixtures.ts';
import { createMemberLink } from './member-link.ts';

/** What the member pages need beyond points, mall and check-in: who the page is for, and a coupon's QR code. */
describe('member pages: profile and coupon QR (/me)', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let other: Awaited<ReturnType<typeof createBrand>>;
  let memberId: string;
  let neighbourId: string;

  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    other = await createBrand(h.deps);
    const home = await createStore(h.deps, brand.tenant.id, 'ZZ-HOME');
    [memberId] = (await insertMembers(h, brand.tenant.id, 1, home.id)) as [string];
    [neighbourId] = (await insertMembers(h, brand.tenant.id, 1)) as [string];
  });
  afterAll(() => h.close());

  const as = (tenantId: string, id: string) => ({
    authorization: `Bearer ${createMemberLink(h.deps, { tenantId, memberId: id }).token}`,
  });
  const raw = (path: string, headers: Record<string, string>) =>
    h.app.request(`/api/v1/me${path}`, { headers });

  it('names the member and the brand, and lists the brand’s stores with the member’s own first', async () => {
    const res = await callApi(h, as(brand.tenant.id, memberId), 'GET', '/api/v1/me/profile');
    expect(res.status).toBe(200);
    expect(res.body.member).toEqual({ id: memberId, name: 'Member 1', storeId: expect.any(String) });
    expect(res.body.brand).toEqual({ name: brand.tenant.name });
    expect(res.body.stores.map((s: { name: string }) => s.name)).toEqual(['Store ZZ-HOME', brand.store.name]);
    // Only this brand's stores: the other brand's store is nowhere.
    expect(res.body.stores.map((s: { id: string }) => s.id)).not.toContain(other.store.id);
    expect((await callApi(h, {}, 'GET', '/api/v1/me/profile')).status).toBe(401);
  });

  it('draws the member’s own coupon code as a QR code, and nobody else’s', async () => {
    const templateId = await createTemplate(h, brand.owner.headers);
    const issued = await callApi(h, brand.owner.headers, 'POST', '/api/v1/coupons', { templateId, memberId });
    expect(issued.status).toBe(201);
    const { id: couponId, code } = issued.body as { id: string; code: string };

    const res = await raw(`/coupons/${couponId}/qr`, as(brand.tenant.id, memberId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toContain('private');
    const svg = await res.text();
    // The same QR the qrcode package draws for the code itself: a till scanning it reads the code.
    expect(svg).toBe(await QRCode.toString(code, { errorCorrectionLevel: 'M', margin: 2, type: 'svg' }));
    expect(svg).toMatch(/^<svg /);

    // Another member of the brand, a member of another brand, no link, a malformed id.
    expect((await raw(`/coupons/${couponId}/qr`, as(brand.tenant.id, neighbourId))).status).toBe(404);
    const [stranger] = await insertMembers(h, other.tenant.id, 1);
    expect((await raw(`/coupons/${couponId}/qr`, as(other.tenant.id, stranger!))).status).toBe(404);
    expect((await raw(`/coupons/${couponId}/qr`, {})).status).toBe(401);
    const bad = await raw('/coupons/not-an-id/qr', as(brand.tenant.id, memberId));
    expect(bad.status).toBe(400);
  });
});
