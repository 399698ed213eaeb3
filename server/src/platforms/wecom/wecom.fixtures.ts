import { and, eq } from 'drizzle-orm';
import { staffAccounts } from '../../db/schema/index.ts';
import { createBrand } from '../../testing/fixtures.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { callApi } from '../sandbox/sandbox.fixtures.ts';
import type { FakeDelivery } from './fake/fake-wecom-people.ts';
import { type FakeWecom, startFakeWecom } from './fake/fake-wecom-server.ts';

/**
 * Test helpers: a fake WeCom on the harness's clock, a brand with a WeCom account connected to it through
 * the API (as an operator would), and a way to deliver the fake's encrypted callbacks to the webhook.
 */
export const setUpWecom = async (
  h: Harness,
  options: { settings?: Record<string, unknown>; massPerMonth?: number } = {},
) => {
  const fake = await startFakeWecom({ now: () => h.clock.now, massPerMonth: options.massPerMonth });
  const brand = await createBrand(h.deps);
  const headers = brand.owner.headers;
  const created = await callApi(h, headers, 'POST', '/api/v1/platform-accounts', {
    platform: 'wecom',
    name: 'WeCom app',
    settings: {
      corpId: fake.app.corpId,
      agentId: fake.app.agentId,
      apiBaseUrl: fake.url,
      ...options.settings,
    },
    secrets: {
      secret: fake.app.secret,
      callbackToken: fake.app.callbackToken,
      encodingAesKey: fake.app.encodingAesKey,
    },
  });
  if (created.status !== 201) throw new Error(`wecom account: ${JSON.stringify(created.body)}`);
  const accountId: string = created.body.id;

  /** POST a callback to Orchard's webhook exactly as WeCom would. */
  const deliver = (delivery: FakeDelivery) =>
    h.app.request(`/webhooks/${accountId}?${delivery.query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: delivery.body,
    });

  /** A WeCom staff userid that is an Orchard staff member's account (the owner's by default). */
  const linkStaff = async (userid: string, staffId = brand.owner.staff.id) => {
    fake.people.addStaff(userid);
    await h.deps.db
      .insert(staffAccounts)
      .values({ tenantId: brand.tenant.id, staffId, platformAccountId: accountId, externalId: userid })
      .onConflictDoNothing();
    const [row] = await h.deps.db
      .select()
      .from(staffAccounts)
      .where(and(eq(staffAccounts.platformAccountId, accountId), eq(staffAccounts.externalId, userid)));
    return row!;
  };

  return { fake, brand, headers, accountId, tenantId: brand.tenant.id, deliver, linkStaff };
};

export type WecomSetup = Awaited<ReturnType<typeof setUpWecom>>;

/** A test file's harness with a fake WeCom and a connected account whose userids `staff` are linked to the owner. */
export const openWecomHarness = async (
  options: Parameters<typeof setUpWecom>[1] & { staff?: string[]; at?: Date } = {},
): Promise<{ h: Harness; wc: WecomSetup }> => {
  const h = await createHarness();
  if (options.at) h.clock.now = options.at;
  const wc = await setUpWecom(h, options);
  for (const userid of options.staff ?? []) await wc.linkStaff(userid);
  return { h, wc };
};

export const closeWecomHarness = async (opened: { h?: Harness; wc?: { fake: FakeWecom } }) => {
  await opened.wc?.fake.close();
  await opened.h?.close();
};
