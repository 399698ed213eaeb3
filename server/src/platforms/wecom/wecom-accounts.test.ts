import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAccounts } from '../../db/schema/index.ts';
import { createBrand, createStaffWithToken } from '../../testing/fixtures.ts';
import type { Harness } from '../../testing/harness.ts';
import { callApi } from '../sandbox/sandbox.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from './wecom.fixtures.ts';

describe('connecting WeCom self-built apps', () => {
  let h: Harness;
  let wc: WecomSetup;
  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness());
    wc.fake.people.addStaff('zhangsan');
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  const connect = (
    body: { settings?: Record<string, unknown>; secrets?: Record<string, string> },
    headers = wc.headers,
  ) =>
    callApi(h, headers, 'POST', '/api/v1/platform-accounts', {
      platform: 'wecom',
      name: 'Store app',
      ...body,
    });
  const validSettings = () => ({ corpId: wc.fake.app.corpId, agentId: 1000002, apiBaseUrl: wc.fake.url });
  const validSecrets = () => ({
    secret: wc.fake.app.secret,
    callbackToken: wc.fake.app.callbackToken,
    encodingAesKey: wc.fake.app.encodingAesKey,
  });

  it('validates settings and secrets, naming each failing field', async () => {
    const badKey = await connect({
      settings: validSettings(),
      secrets: { ...validSecrets(), encodingAesKey: 'x'.repeat(42) },
    });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.details).toEqual([
      { path: 'secrets.encodingAesKey', message: 'must be exactly 43 letters or digits' },
    ]);
    const noCorp = await connect({ settings: { agentId: 'abc' }, secrets: validSecrets() });
    expect(noCorp.status).toBe(400);
    expect(noCorp.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'settings.corpId',
      'settings.agentId',
    ]);
    const badQuota = await connect({
      settings: { ...validSettings(), massQuota: { period: 'day', limit: 'days_in_month' } },
      secrets: validSecrets(),
    });
    expect(badQuota.body.error.details).toEqual([
      { path: 'settings.massQuota.limit', message: expect.stringContaining('monthly') },
    ]);
    const noSecrets = await connect({ settings: validSettings() });
    expect(noSecrets.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'secrets.secret',
      'secrets.callbackToken',
      'secrets.encodingAesKey',
    ]);
  });

  it('seals the secrets, never returns them, and reports honest capabilities; several apps per brand', async () => {
    const created = await connect({ settings: validSettings(), secrets: validSecrets() });
    expect(created.status).toBe(201);
    const text = JSON.stringify(created.body);
    for (const value of Object.values(validSecrets())) expect(text).not.toContain(value);
    expect(created.body).toMatchObject({
      platform: 'wecom',
      hasSecrets: true,
      settings: {
        corpId: wc.fake.app.corpId,
        agentId: 1000002,
        replayWindowSeconds: 300,
        massQuota: { period: 'month', limit: 'days_in_month' },
      },
      capabilities: {
        canSendDirect: false,
        welcome: { mode: 'token', deadlineMs: 20_000, maxAttachments: 9 },
        groupWelcome: 'template',
        moderation: { delete: false, mute: false, remove: false, ban: false },
        canSendDice: false,
        tags: 'platform',
        moments: true,
        entryLinks: { contact: true, group: true, autoCreateGroup: true, maxStateLength: 30 },
        rateLimits: { massPerMemberPerMonth: 28 },
        massQuota: { period: 'month', limit: 'days_in_month', utcOffsetMinutes: 480 },
      },
    });
    const [row] = await h.deps.db
      .select()
      .from(platformAccounts)
      .where(eq(platformAccounts.id, created.body.id));
    expect(row!.secretsEncrypted).toMatch(/^v1\./);
    for (const value of Object.values(validSecrets())) expect(row!.secretsEncrypted).not.toContain(value);
    const list = await callApi(h, wc.headers, 'GET', '/api/v1/platform-accounts');
    expect(list.body.items.filter((a: { platform: string }) => a.platform === 'wecom')).toHaveLength(2);
  });

  it('checks a connection against WeCom: what works, and what does not', async () => {
    const good = await callApi(h, wc.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/check`);
    expect(good.body).toEqual({
      platformAccountId: wc.accountId,
      isOk: true,
      checks: [
        { name: 'credentials', isOk: true, detail: expect.any(String) },
        {
          name: 'customer_contact',
          isOk: true,
          detail: '1 staff member(s) with customer contact are visible to the app',
        },
        { name: 'callback', isOk: true, detail: expect.any(String) },
      ],
    });
    const wrong = await connect({
      settings: validSettings(),
      secrets: { ...validSecrets(), secret: 'not-the-secret' },
    });
    const bad = await callApi(h, wc.headers, 'POST', `/api/v1/platform-accounts/${wrong.body.id}/check`);
    expect(bad.body).toMatchObject({
      isOk: false,
      checks: [{ name: 'credentials', isOk: false, detail: expect.stringContaining('40001') }],
    });
    expect(JSON.stringify(bad.body)).not.toContain('not-the-secret');

    wc.fake.failNext('externalcontact/get_follow_user_list', 48002);
    const forbidden = await callApi(h, wc.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/check`);
    expect(forbidden.body.checks[1]).toMatchObject({
      name: 'customer_contact',
      isOk: false,
      detail: expect.stringContaining('48002'),
    });
  });

  it('keeps accounts to their brand and to owners and operators', async () => {
    const other = await createBrand(h.deps);
    expect(
      (await callApi(h, other.owner.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/check`))
        .status,
    ).toBe(404);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: wc.tenantId,
      role: 'guide',
      storeId: wc.brand.store.id,
    });
    expect(
      (await callApi(h, guide.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/check`)).status,
    ).toBe(403);
    expect(
      (await connect({ settings: validSettings(), secrets: validSecrets() }, guide.headers)).status,
    ).toBe(403);
  });

  it('links WeCom userids to staff members, once each, within the brand', async () => {
    const path = `/api/v1/platform-accounts/${wc.accountId}/staff-accounts`;
    const staffId = wc.brand.owner.staff.id;
    const linked = await callApi(h, wc.headers, 'POST', path, {
      staffId,
      externalId: 'zhangsan',
      displayName: 'Zhang San',
    });
    expect(linked).toMatchObject({
      status: 201,
      body: { staffId, externalId: 'zhangsan', displayName: 'Zhang San' },
    });
    expect((await callApi(h, wc.headers, 'POST', path, { staffId, externalId: 'zhangsan' })).status).toBe(
      409,
    );
    const other = await createBrand(h.deps);
    const foreignStaff = await callApi(h, wc.headers, 'POST', path, {
      staffId: other.owner.staff.id,
      externalId: 'lisi',
    });
    expect(foreignStaff.body.error.details).toEqual([
      { path: 'staffId', message: 'not a staff member of this brand' },
    ]);
    expect((await callApi(h, other.owner.headers, 'GET', path)).status).toBe(404);
    expect(
      (await callApi(h, wc.headers, 'GET', path)).body.items.map((a: { externalId: string }) => a.externalId),
    ).toEqual(['zhangsan']);
    expect(
      (await callApi(h, other.owner.headers, 'DELETE', `/api/v1/staff-accounts/${linked.body.id}`)).status,
    ).toBe(404);
    expect((await callApi(h, wc.headers, 'DELETE', `/api/v1/staff-accounts/${linked.body.id}`)).status).toBe(
      204,
    );
    expect((await callApi(h, wc.headers, 'GET', path)).body.items).toEqual([]);
  });
});
