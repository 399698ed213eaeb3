import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import { trackCommunities } from '../communities/communities.handler.ts';
import {
  auditLog,
  communities,
  inboundEvents,
  memberIdentities,
  moderationIncidents,
  outboundMessages,
  staffAccounts,
  staffTasks,
} from '../db/schema/index.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import type { MemoryAdapter } from '../platforms/memory/memory-adapter.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import type { Attachment, PlatformEvent } from '../platforms/platform.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { moderateGroupMessages } from './moderate-group-message.ts';

const cannotModerate = { moderation: { delete: false, mute: false, remove: false, ban: false } };

describe('moderation through platform capabilities', () => {
  let h: Harness;
  let deps: AppDeps;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let accountId: string;
  let adapter: MemoryAdapter;
  let n = 0;

  beforeAll(async () => {
    h = await createHarness();
    const platform = createMemoryPlatform(h.deps);
    deps = platform.deps;
    brand = await createBrand(deps);
    const added = await platform.addAccount(brand.tenant.id, { capabilities: cannotModerate });
    accountId = added.account.id;
    adapter = added.adapter;
  });
  afterAll(() => h.close());

  const saveSettings = async (settings: Record<string, unknown>) => {
    const res = await h.app.request('/api/v1/moderation/settings', {
      method: 'PUT',
      headers: { ...brand.owner.headers, 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    expect(res.status).toBe(200);
  };
  const ingest = (events: PlatformEvent[], account = accountId) =>
    ingestEvents(deps.db, { tenantId: brand.tenant.id, platformAccountId: account }, events);
  const joined = (member: string, group = 'group-1'): PlatformEvent => ({
    type: 'member.joined_group',
    externalId: `e-${++n}`,
    occurredAt: h.clock.now,
    member: { externalId: member, name: member },
    groupExternalId: group,
    via: 'link',
  });
  const message = (
    member: string,
    text: string,
    attachments: Attachment[] = [],
    group = 'group-1',
  ): PlatformEvent => ({
    type: 'message',
    externalId: `e-${++n}`,
    occurredAt: h.clock.now,
    member: { externalId: member, name: member },
    chat: { kind: 'group', groupExternalId: group },
    messageExternalId: `msg-${n}`,
    text,
    attachments,
  });
  const run = async (account = accountId) => {
    // As in pipeline/handlers.ts: membership first, so the newcomer rule sees the join.
    const stats = await processPendingEvents(deps, { handlers: [trackCommunities, moderateGroupMessages] });
    await deliverOutbound(deps, { platformAccountId: account, rateLimits: createRateLimitStore() });
    return stats;
  };
  const incidentsOf = async (member: string) =>
    h.deps.db
      .select({
        reasons: moderationIncidents.reasons,
        actions: moderationIncidents.actions,
        alerted: moderationIncidents.alerted,
      })
      .from(moderationIncidents)
      .innerJoin(memberIdentities, eq(memberIdentities.memberId, moderationIncidents.memberId))
      .where(eq(memberIdentities.externalId, member))
      .orderBy(moderationIncidents.occurredAt);
  const alerts = () => h.deps.db.select().from(staffTasks).where(eq(staffTasks.tenantId, brand.tenant.id));

  it('warns first, then alerts staff where the platform cannot remove', async () => {
    await saveSettings({ deleteOffendingMessage: false });
    await ingest([joined('m-1')]);
    await run();
    h.clock.advance(60_000);
    await ingest([message('m-1', 'join my group: www.spam.cn')]);
    await run();
    expect(adapter.sent.map((s) => s.content.text)).toEqual([
      'm-1, please follow the group rules (no links in your first hour). Repeated offences lead to removal.',
    ]);
    expect(await alerts()).toHaveLength(0);

    h.clock.advance(60_000);
    await ingest([message('m-1', 'again: www.spam.cn')]);
    await run();
    expect(adapter.moderations).toEqual([]);
    expect(adapter.sent).toHaveLength(1);
    const [task] = await alerts();
    expect(task).toMatchObject({
      kind: 'moderation_alert',
      status: 'open',
      data: {
        wantedActions: ['remove'],
        doneActions: [],
        message: { text: 'again: www.spam.cn' },
        member: { externalId: 'm-1' },
        group: { externalId: 'group-1' },
        offenceNumber: 2,
      },
    });
    expect(await incidentsOf('m-1')).toEqual([
      { reasons: ['newcomer_link'], actions: ['warn'], alerted: [] },
      { reasons: ['newcomer_link'], actions: [], alerted: ['remove'] },
    ]);
    const audit = await h.deps.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, brand.tenant.id), eq(auditLog.action, 'moderation.alert.remove')));
    expect(audit[0]?.data).toMatchObject({ message: { text: 'again: www.spam.cn' } });
  });

  it('acts once when the same event is processed again', async () => {
    await ingest([message('m-1', 'third time www.spam.cn')]);
    await run();
    const counts = async () => ({
      incidents: (await incidentsOf('m-1')).length,
      tasks: (await alerts()).length,
      outbound: (
        await h.deps.db
          .select()
          .from(outboundMessages)
          .where(eq(outboundMessages.platformAccountId, accountId))
      ).length,
      audit: (await h.deps.db.select().from(auditLog).where(eq(auditLog.tenantId, brand.tenant.id))).length,
    });
    const before = await counts();
    expect(before).toMatchObject({ incidents: 3, tasks: 2 });
    // Redelivery is dropped at ingest; a forced re-run of the processed event changes nothing either.
    await h.deps.db
      .update(inboundEvents)
      .set({ status: 'pending' })
      .where(eq(inboundEvents.platformAccountId, accountId));
    expect((await run()).processed).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
  });

  it('never moderates staff accounts or whitelisted members', async () => {
    await h.deps.db.insert(staffAccounts).values({
      tenantId: brand.tenant.id,
      staffId: brand.owner.staff.id,
      platformAccountId: accountId,
      externalId: 'staff-1',
    });
    await ingest([joined('staff-1'), joined('vip-1')]);
    await run();
    const [vip] = await h.deps.db
      .select()
      .from(memberIdentities)
      .where(eq(memberIdentities.externalId, 'vip-1'));
    await saveSettings({ whitelist: { memberIds: [vip!.memberId] }, blockedWords: ['casino'] });
    await ingest([
      message('staff-1', 'sale at shop.example.cn casino'),
      message('vip-1', 'see vip.example.com casino'),
    ]);
    await run();
    expect(await incidentsOf('staff-1')).toEqual([]);
    expect(await incidentsOf('vip-1')).toEqual([]);

    await saveSettings({ whitelist: { allStaff: false }, blockedWords: ['casino'] });
    await ingest([message('staff-1', 'casino night')]);
    await run();
    expect(await incidentsOf('staff-1')).toEqual([
      { reasons: ['blocked_word'], actions: ['warn'], alerted: ['delete'] },
    ]);
  });

  it('counts a flood once per burst and recognises QR-code images', async () => {
    await saveSettings({ flood: { messages: 3, seconds: 10 }, deleteOffendingMessage: false });
    await ingest([message('m-2', 'hi'), message('m-2', 'hi'), message('m-2', 'hi'), message('m-2', 'hi')]);
    await run();
    h.clock.advance(30_000);
    await ingest([message('m-2', 'scan', [{ type: 'image', url: 'https://cdn.example/qrcode.png' }])]);
    await run();
    expect((await incidentsOf('m-2')).map((i) => i.reasons)).toEqual([['flood'], ['qr_code']]);
  });

  it('shows the settings and incidents to brand admins only, with validation naming the field', async () => {
    const get = (path: string, headers: Record<string, string>) => callApi(h, headers, 'GET', path);
    const settings = (await get('/api/v1/moderation/settings', brand.owner.headers)).body;
    expect(settings).toMatchObject({
      ladder: ['warn', 'remove', 'ban'],
      flood: { messages: 3, seconds: 10 },
    });
    const incidents = (await get('/api/v1/moderation/incidents?limit=2', brand.owner.headers)).body;
    expect(incidents.items).toHaveLength(2);
    expect(incidents.items[0]).toMatchObject({
      reasons: ['qr_code'],
      evidence: { message: { text: 'scan' } },
    });
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    expect((await get('/api/v1/moderation/incidents', guide.headers)).status).toBe(403);
    const bad = await callApi(h, brand.owner.headers, 'PUT', '/api/v1/moderation/settings', {
      ladder: ['warn', 'explode'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('ladder.1');
  });

  it('bans across every group of the brand on a platform that can', async () => {
    const platform = createMemoryPlatform(h.deps);
    const full = await platform.addAccount(brand.tenant.id);
    await h.deps.db.insert(communities).values(
      ['g-a', 'g-b'].map((externalId) => ({
        tenantId: brand.tenant.id,
        platformAccountId: full.account.id,
        externalId,
        name: externalId,
      })),
    );
    await saveSettings({ ladder: ['ban'], blockedWords: ['casino'] });
    await ingestEvents(platform.deps.db, { tenantId: brand.tenant.id, platformAccountId: full.account.id }, [
      message('m-3', 'casino!', [], 'g-c'),
    ]);
    await processPendingEvents(platform.deps, { handlers: [moderateGroupMessages] });
    await deliverOutbound(platform.deps, {
      platformAccountId: full.account.id,
      rateLimits: createRateLimitStore(),
    });
    expect(full.adapter.moderations.map((m) => m.action)).toEqual([
      { type: 'delete', groupExternalId: 'g-c', messageExternalId: `msg-${n}` },
      ...['g-c', 'g-a', 'g-b'].map((g) => ({ type: 'ban', groupExternalId: g, memberExternalId: 'm-3' })),
    ]);
  });
  it('treats a member who left and came back as a newcomer again, a repeated join as no re-join', async () => {
    await saveSettings({ deleteOffendingMessage: false });
    const left = (member: string): PlatformEvent => ({
      type: 'member.left_group',
      externalId: `e-${++n}`,
      occurredAt: h.clock.now,
      member: { externalId: member, name: member },
      groupExternalId: 'group-1',
      reason: 'left',
    });
    await ingest([joined('m-4')]);
    await run();
    h.clock.advance(2 * 3_600_000);
    // Still in the group: the join time stays the first one, so this is no newcomer.
    await ingest([joined('m-4')]);
    await run();
    h.clock.advance(60_000);
    await ingest([message('m-4', 'see old.example.com')]);
    await run();
    expect(await incidentsOf('m-4')).toEqual([]);

    await ingest([left('m-4')]);
    await run();
    h.clock.advance(60_000);
    await ingest([joined('m-4')]);
    await run();
    h.clock.advance(60_000);
    await ingest([message('m-4', 'see new.example.com')]);
    await run();
    expect((await incidentsOf('m-4')).map((i) => i.reasons)).toEqual([['newcomer_link']]);
  });
});
