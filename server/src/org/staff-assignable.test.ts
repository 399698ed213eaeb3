import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AcquisitionSetup, setUpAcquisition } from '../acquisition/acquisition.fixtures.ts';
import { callApi, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import type { FakeTelegram } from '../platforms/telegram/fake/fake-telegram-server.ts';
import { setUpTelegram, startFakeTelegramFor } from '../platforms/telegram/fake/telegram.fixtures.ts';
import { createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

/**
 * `GET /staff?assignableOn=` lists the staff a channel code on that platform account may assign, so the console's
 * picker offers exactly what `POST /channel-codes` accepts.
 */
describe('staff assignable on a platform account', () => {
  let h: Harness;
  let fake: FakeTelegram;
  let acq: AcquisitionSetup;
  let secondAccountId: string;
  let li: { staffId: string };
  let wang: { staffId: string };
  let zhao: { staffId: string };
  let elsewhere: { staffId: string };

  const names = async (headers: Record<string, string>, query: string) => {
    const res = await callApi(h, headers, 'GET', `/api/v1/staff${query}`);
    expect(res.status).toBe(200);
    return (res.body.items as { name: string }[]).map((s) => s.name);
  };

  beforeAll(async () => {
    h = await createHarness();
    fake = await startFakeTelegramFor(h);
    acq = await setUpAcquisition(h);
    const tenantId = acq.brand.tenant.id;
    li = await acq.addGuide('Guide Li');
    // Wang has an account on the brand's second sandbox account only; Zhao has none.
    const second = await acq.api('POST', '/api/v1/platform-accounts', {
      platform: 'sandbox',
      name: 'Second',
    });
    secondAccountId = second.body.id;
    const wangRow = await createStaffWithToken(h.deps, { tenantId, role: 'guide', name: 'Guide Wang' });
    const linked = await callApi(h, acq.headers, 'POST', '/api/v1/sandbox/staff-accounts', {
      platformAccountId: secondAccountId,
      staffId: wangRow.staff.id,
      name: 'Wang',
    });
    expect(linked.status).toBe(200);
    wang = { staffId: wangRow.staff.id };
    zhao = {
      staffId: (await createStaffWithToken(h.deps, { tenantId, role: 'guide', name: 'Guide Zhao' })).staff.id,
    };
    // A guide of another store with an account on the first sandbox account.
    const otherStore = await createStore(h.deps, tenantId);
    const other = await createStaffWithToken(h.deps, {
      tenantId,
      role: 'guide',
      storeId: otherStore.id,
      name: 'Guide Zhou',
    });
    await acq.api('POST', '/api/v1/sandbox/staff-accounts', { staffId: other.staff.id, name: 'Zhou' });
    elsewhere = { staffId: other.staff.id };
  });
  afterAll(async () => {
    await fake.close();
    await h.close();
  });

  it('lists only staff with an account on that platform account; without the filter, everyone', async () => {
    expect(await names(acq.headers, `?assignableOn=${acq.accountId}`)).toEqual(['Guide Li', 'Guide Zhou']);
    expect(await names(acq.headers, `?assignableOn=${secondAccountId}`)).toEqual(['Guide Wang']);
    expect(await names(acq.headers, '')).toEqual(
      expect.arrayContaining(['Guide Li', 'Guide Wang', 'Guide Zhao', 'Guide Zhou']),
    );
  });

  it('keeps the caller’s store scope and combines with storeId', async () => {
    const manager = await createStaffWithToken(h.deps, {
      tenantId: acq.brand.tenant.id,
      role: 'store_manager',
      storeId: acq.brand.store.id,
    });
    expect(await names(manager.headers, `?assignableOn=${acq.accountId}`)).toEqual(['Guide Li']);
    expect(await names(acq.headers, `?assignableOn=${acq.accountId}&storeId=${acq.brand.store.id}`)).toEqual([
      'Guide Li',
    ]);
  });

  it('offers exactly the staff a channel code on that account accepts', async () => {
    const codeFor = (staffId: string) =>
      acq.api('POST', '/api/v1/channel-codes', {
        name: 'Flyer',
        source: 'flyer',
        target: { kind: 'staff', strategy: 'round_robin', staff: [{ staffId }] },
      });
    expect((await codeFor(li.staffId)).status).toBe(201);
    expect((await codeFor(elsewhere.staffId)).status).toBe(201);
    for (const refused of [wang, zhao]) {
      const res = await codeFor(refused.staffId);
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].message).toBe('has no staff account on this platform account');
    }
  });

  it('lists every staff member on a bot platform, where Orchard assigns staff on arrival', async () => {
    const tg = await setUpTelegram(h, fake);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: tg.brand.tenant.id,
      role: 'guide',
      name: 'Bot guide',
    });
    expect(guide.staff.id).toBeTruthy();
    expect(await names(tg.brand.owner.headers, `?assignableOn=${tg.accountId}`)).toEqual([
      'Bot guide',
      'owner',
    ]);
  });

  it('answers another brand’s account as 404 and a malformed id as 400', async () => {
    const other = await setUpSandbox(h);
    const foreign = await callApi(h, acq.headers, 'GET', `/api/v1/staff?assignableOn=${other.accountId}`);
    expect(foreign.status).toBe(404);
    const malformed = await callApi(h, acq.headers, 'GET', '/api/v1/staff?assignableOn=not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].path).toBe('assignableOn');
  });
});
