import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAccounts } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { callApi } from './sandbox/sandbox.fixtures.ts';

describe('platform accounts API', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
  });
  afterAll(async () => {
    await h.close();
  });

  const create = (body: Record<string, unknown>, headers = brand.owner.headers) =>
    callApi(h, headers, 'POST', '/api/v1/platform-accounts', body);

  it('creates a sandbox account with default settings and shows a generated webhook secret once', async () => {
    const res = await create({ platform: 'sandbox', name: 'Demo sandbox' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      platform: 'sandbox',
      name: 'Demo sandbox',
      status: 'active',
      hasSecrets: true,
      settings: { rateLimits: { perSecond: 1000, perChatPerMinute: 600 }, welcomeDeadlineMs: 20_000 },
      capabilities: { canSendDirect: true, welcome: { mode: 'token', deadlineMs: 20_000 } },
    });
    expect(res.body.webhookUrl).toMatch(new RegExp(`/webhooks/${res.body.id}$`));
    expect(res.body.webhookSecret).toMatch(/^[\w-]{32}$/);

    const [row] = await h.deps.db.select().from(platformAccounts).where(eq(platformAccounts.id, res.body.id));
    expect(row!.secretsEncrypted).not.toContain(res.body.webhookSecret);
    expect(h.deps.secretBox.open(row!.secretsEncrypted!)).toEqual({ webhookSecret: res.body.webhookSecret });

    const got = await callApi(h, brand.owner.headers, 'GET', `/api/v1/platform-accounts/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.webhookSecret).toBeUndefined();
    expect(JSON.stringify(got.body)).not.toContain(res.body.webhookSecret);
  });

  it('never returns given secrets, in create, list or get', async () => {
    const secrets = {
      secret: 'app-secret-value-123',
      callbackToken: 'callbackToken456',
      encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    };
    const settings = { corpId: 'ww1234', agentId: 1000002 };
    const res = await create({ platform: 'wecom', name: 'WeCom app', settings, secrets });
    expect(res.status).toBe(201);
    expect(res.body.capabilities).toMatchObject({ canSendDirect: false });
    const list = await callApi(h, brand.owner.headers, 'GET', '/api/v1/platform-accounts');
    const got = await callApi(h, brand.owner.headers, 'GET', `/api/v1/platform-accounts/${res.body.id}`);
    for (const text of [JSON.stringify(res.body), JSON.stringify(list.body), JSON.stringify(got.body)]) {
      for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    }
    expect(list.body.items.map((a: { name: string }) => a.name)).toContain('WeCom app');
    expect(got.body.settings).toMatchObject(settings);
  });

  it('keeps a given sandbox webhook secret and validates sandbox settings', async () => {
    const res = await create({
      platform: 'sandbox',
      name: 'S',
      secrets: { webhookSecret: 'my-own-secret-abc' },
    });
    expect(res.body.webhookSecret).toBe('my-own-secret-abc');
    const bad = await create({ platform: 'sandbox', name: 'S', settings: { rateLimits: { perSecond: 0 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('settings.rateLimits.perSecond');
  });

  it("is for owners and operators, and hides another brand's accounts", async () => {
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    expect((await create({ platform: 'sandbox', name: 'x' }, guide.headers)).status).toBe(403);
    expect((await callApi(h, guide.headers, 'GET', '/api/v1/platform-accounts')).status).toBe(403);

    const mine = await create({ platform: 'sandbox', name: 'Mine' });
    const other = await createBrand(h.deps);
    const res = await callApi(h, other.owner.headers, 'GET', `/api/v1/platform-accounts/${mine.body.id}`);
    expect(res.status).toBe(404);
    const list = await callApi(h, other.owner.headers, 'GET', '/api/v1/platform-accounts');
    expect(list.body.items).toEqual([]);
  });
});
