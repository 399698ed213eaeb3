import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelCodeStaff, channelCodes } from '../db/schema/index.ts';
import { callApi, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { readPng, readSvg } from '../testing/image-checks.ts';
import { type AcquisitionSetup, createWorker, setUpAcquisition } from './acquisition.fixtures.ts';
import { renderPosterPng, renderPosterSvg } from './code-images.ts';

describe('channel codes through the API', () => {
  let h: Harness;
  let acq: AcquisitionSetup;
  let guide: { staffId: string; accountId: string };
  let seriesId: string;
  let foreign: { seriesId: string; staffId: string; storeId: string; partnerId: string };

  const staffTarget = (extra: Record<string, unknown> = {}) => ({
    kind: 'staff',
    strategy: 'round_robin',
    staff: [{ staffId: guide.staffId }],
    ...extra,
  });
  const create = (body: Record<string, unknown>) =>
    acq.api('POST', '/api/v1/channel-codes', {
      name: 'A code',
      source: 'flyer',
      target: staffTarget(),
      ...body,
    });
  const rowCounts = async () => ({
    codes: (await h.deps.db.select().from(channelCodes)).length,
    staff: (await h.deps.db.select().from(channelCodeStaff)).length,
  });
  const getRaw = (path: string) => h.app.request(path, { headers: acq.headers });

  beforeAll(async () => {
    h = await createHarness();
    acq = await setUpAcquisition(h);
    guide = await acq.addGuide('Guide Li');
    seriesId = (await acq.api('POST', '/api/v1/community-series', { nameTemplate: 'Moms', capacity: 50 }))
      .body.id;
    const other = await setUpSandbox(h);
    const otherStaff = await createStaffWithToken(h.deps, { tenantId: other.brand.tenant.id, role: 'guide' });
    foreign = {
      seriesId: (await other.api('POST', '/api/v1/community-series', { nameTemplate: 'Theirs' })).body.id,
      staffId: otherStaff.staff.id,
      storeId: other.brand.store.id,
      partnerId: (await other.api('POST', '/api/v1/partners', { name: 'Their partner' })).body.id,
    };
  });
  afterAll(() => h.close());

  it("refuses another brand's series, staff, store and partner with a 400 naming each, writing nothing", async () => {
    const before = await rowCounts();
    const cases: [Record<string, unknown>, string][] = [
      [{ target: { kind: 'group', seriesId: foreign.seriesId } }, 'target.seriesId'],
      [{ target: staffTarget({ staff: [{ staffId: foreign.staffId }] }) }, 'target.staff.0.staffId'],
      [{ target: staffTarget({ backupStaffIds: [foreign.staffId] }) }, 'target.backupStaffIds.0'],
      [{ storeId: foreign.storeId }, 'storeId'],
      [{ source: 'partner_merchant', partnerId: foreign.partnerId }, 'partnerId'],
      [{ source: 'partner_merchant' }, 'partnerId'],
    ];
    for (const [body, path] of cases) {
      const res = await create(body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses overlapping schedule windows and staff without an account on the platform, naming them', async () => {
    const before = await rowCounts();
    const overlapping = await create({
      target: staffTarget({
        strategy: 'schedule',
        schedule: [
          { weekdays: [1, 2, 3], from: '09:00', to: '14:00', staffIds: [guide.staffId] },
          { weekdays: [3, 4], from: '13:00', to: '18:00', staffIds: [guide.staffId] },
        ],
      }),
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.details).toContainEqual({
      path: 'target.schedule.1',
      message: 'overlaps window 0 on weekday 3 (09:00–14:00)',
    });
    const noAccount = await createStaffWithToken(h.deps, { tenantId: acq.tenantId, role: 'guide' });
    const unbound = await create({ target: staffTarget({ staff: [{ staffId: noAccount.staff.id }] }) });
    expect(unbound.body.error.details).toEqual([
      { path: 'target.staff.0.staffId', message: 'has no staff account on this platform account' },
    ]);
    const noWindows = await create({ target: staffTarget({ strategy: 'schedule' }) });
    expect(noWindows.status).toBe(400);
    expect(noWindows.body.error.details[0].path).toBe('target.schedule');
    const twice = await create({ target: staffTarget({ backupStaffIds: [guide.staffId] }) });
    expect(twice.body.error.details[0]).toEqual({ path: 'target.backupStaffIds.0', message: 'listed twice' });
    expect(await rowCounts()).toEqual(before);
  });

  it('creates, reads, lists and updates a code; its link and state never change', async () => {
    const created = await create({ name: 'Payment page', source: 'payment_page', tagNames: ['pay', 'pay'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Payment page',
      source: 'payment_page',
      purpose: 'channel',
      status: 'active',
      tagNames: ['pay'],
      target: { kind: 'staff', strategy: 'round_robin', staff: [{ staffId: guide.staffId, dailyCap: null }] },
    });
    expect(created.body.link).toMatch(/^http:\/\/localhost:3000\/c\/[\w-]+$/);
    expect(created.body.state).toMatch(/^c_[0-9a-z]{8}$/);
    const updated = await acq.api('PATCH', `/api/v1/channel-codes/${created.body.id}`, {
      name: 'Payment page, till 2',
      welcome: { text: 'Thanks for paying, {nickname}!' },
      target: { kind: 'group', seriesId },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Payment page, till 2',
      link: created.body.link,
      state: created.body.state,
      target: { kind: 'group', seriesId },
      welcome: { text: 'Thanks for paying, {nickname}!' },
    });
    expect((await acq.get(`/api/v1/channel-codes/${created.body.id}`)).body).toEqual(updated.body);
    const listed = await acq.get('/api/v1/channel-codes?source=payment_page');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
  });

  it("hides another brand's and another store's codes", async () => {
    // Newest first: a later clock than the codes made before (the test clock stands still otherwise).
    h.clock.advance(1_000);
    const code = await create({ name: 'Store code', storeId: acq.brand.store.id });
    const firstPage = await acq.get('/api/v1/channel-codes?limit=1');
    expect(firstPage.body.items.map((c: { id: string }) => c.id)).toEqual([code.body.id]);
    const secondPage = await acq.get(`/api/v1/channel-codes?limit=1&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.items[0].id).not.toBe(code.body.id);
    const other = await setUpSandbox(h);
    expect((await callApi(h, other.headers, 'GET', `/api/v1/channel-codes/${code.body.id}`)).status).toBe(
      404,
    );
    const elsewhere = await createStore(h.deps, acq.tenantId);
    const foreignGuide = await createStaffWithToken(h.deps, {
      tenantId: acq.tenantId,
      role: 'store_manager',
      storeId: elsewhere.id,
    });
    expect(
      (await callApi(h, foreignGuide.headers, 'GET', `/api/v1/channel-codes/${code.body.id}`)).status,
    ).toBe(404);
    const list = await callApi(h, foreignGuide.headers, 'GET', '/api/v1/channel-codes');
    expect(list.body.items).toEqual([]);
  });

  it('serves the QR as PNG and SVG and the poster as PNG and SVG, all valid images', async () => {
    const code = await create({
      name: 'Moments ad',
      source: 'moments_ad',
      headline: 'Scan & meet your guide',
    });
    const qrPng = await getRaw(`/api/v1/channel-codes/${code.body.id}/qr`);
    expect(qrPng.headers.get('content-type')).toBe('image/png');
    expect(readPng(Buffer.from(await qrPng.arrayBuffer()))).toMatchObject({ width: 512, height: 512 });
    const qrSvg = await getRaw(`/api/v1/channel-codes/${code.body.id}/qr?format=svg`);
    expect(qrSvg.headers.get('content-type')).toBe('image/svg+xml');
    const svg = readSvg(await qrSvg.text());
    expect(svg.root).toMatchObject({ xmlns: 'http://www.w3.org/2000/svg' });
    expect(svg.tags).toContain('path');
    const posterPng = await getRaw(`/api/v1/channel-codes/${code.body.id}/poster`);
    expect(readPng(Buffer.from(await posterPng.arrayBuffer()))).toEqual({
      width: 720,
      height: 1080,
      colorType: 2,
    });
    const posterSvg = readSvg(
      await (await getRaw(`/api/v1/channel-codes/${code.body.id}/poster?format=svg`)).text(),
    );
    expect(posterSvg.root).toMatchObject({ width: '720', height: '1080' });
    expect(posterSvg.text).toContain('Scan &amp; meet your');
    expect((await getRaw(`/api/v1/channel-codes/${code.body.id}/poster?format=gif`)).status).toBe(400);
  });

  it('renders a Chinese headline without crashing: boxes in the PNG, real text in the SVG', () => {
    const poster = {
      headline: '扫码添加导购 领取两张优惠券',
      caption: '门店海报',
      link: 'https://x.example/c/abcdefgh',
    };
    expect(readPng(renderPosterPng(poster))).toMatchObject({ width: 720, height: 1080 });
    const svg = readSvg(renderPosterSvg(poster));
    expect(svg.text).toContain('扫码添加导购');
    expect(svg.text).toContain('门店海报');
  });

  it('the public link redirects to the platform link Orchard chose; an archived code is gone', async () => {
    const code = await create({ name: 'App page', source: 'app_page' });
    const token = code.body.link.split('/c/')[1];
    const opened = await h.app.request(`/c/${token}`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get('location')).toMatch(/^sandbox:\/\/link\/[\w-]+$/);
    const links = await acq.get('/api/v1/sandbox/links');
    const link = links.body.items.find((l: { url: string }) => l.url === opened.headers.get('location'));
    expect(link).toMatchObject({ kind: 'contact', state: code.body.state, staffIds: [guide.accountId] });
    expect((await h.app.request('/c/nosuchcode1')).status).toBe(404);
    await acq.api('PATCH', `/api/v1/channel-codes/${code.body.id}`, { isArchived: true });
    expect((await h.app.request(`/c/${token}`)).status).toBe(410);
  });

  it('a partner code attributes the members it brings to the partner', async () => {
    const partner = await acq.api('POST', '/api/v1/partners', {
      name: 'Tea House next door',
      contact: 'Ms Chen',
    });
    expect(partner.status).toBe(201);
    const code = await create({
      name: 'Alliance: tea house',
      source: 'partner_merchant',
      partnerId: partner.body.id,
    });
    const worker = createWorker(h);
    const { opened } = await acq.arrive('Tea Lover', code.body.link);
    expect(opened.status).toBe(200);
    await worker.run();
    const partners = await acq.get('/api/v1/partners');
    expect(partners.body.items).toContainEqual(
      expect.objectContaining({
        id: partner.body.id,
        name: 'Tea House next door',
        arrivals: 1,
        newMembers: 1,
      }),
    );
    const rows = await h.deps.db.select().from(channelCodes).where(eq(channelCodes.id, code.body.id));
    expect(rows[0]?.partnerId).toBe(partner.body.id);
  });
});
