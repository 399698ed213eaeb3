import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communities, memberEvents, memberIdentities, memberTags, tags } from '../db/schema/index.ts';
import { moderateGroupMessages } from '../moderation/moderate-group-message.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { featureHandlers } from '../pipeline/handlers.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi, type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { keywordAssistant } from './keyword-assistant.ts';

const handlers = [moderateGroupMessages, keywordAssistant];

describe('keyword assistant', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let groupId: string;
  let memberId: string;

  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Beauty Institute A' });
    groupId = group.body.id;
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      state: 'flyer',
      groupIds: [groupId],
    });
    memberId = await sb.createMember('Li Na');
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.url });
    await processPendingEvents(h.deps, { handlers });
  });
  afterAll(() => h.close());

  const createRule = (body: Record<string, unknown>, headers = sb.headers) =>
    callApi(h, headers, 'POST', '/api/v1/keyword-rules', {
      name: 'rule',
      matchMode: 'contains',
      scope: { kind: 'all' },
      reply: { text: 'hi' },
      ...body,
    });
  const post = (text: string) => sb.api('POST', '/api/v1/sandbox/messages', { memberId, groupId, text });
  const run = async () => {
    const stats = await processPendingEvents(h.deps, { handlers });
    await deliverOutbound(h.deps, { platformAccountId: sb.accountId, rateLimits: createRateLimitStore() });
    return stats;
  };
  const botTexts = async () => {
    const shown = await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`);
    return shown.body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);
  };
  const orchardMemberId = async () => {
    const [row] = await h.deps.db
      .select({ id: memberIdentities.memberId })
      .from(memberIdentities)
      .where(
        and(eq(memberIdentities.platformAccountId, sb.accountId), eq(memberIdentities.externalId, memberId)),
      );
    return row!.id;
  };

  it('is wired into the pipeline after moderation', () => {
    expect(featureHandlers.indexOf(moderateGroupMessages)).toBeGreaterThanOrEqual(0);
    expect(featureHandlers.indexOf(keywordAssistant)).toBeGreaterThan(
      featureHandlers.indexOf(moderateGroupMessages),
    );
  });

  it('answers "coupon" once per cooldown window and tags the member', async () => {
    const created = await createRule({
      name: 'Coupon',
      pattern: 'coupon',
      reply: { text: 'Your ¥10 coupon: tap the card', attachments: [{ type: 'coupon', templateId: 'c10' }] },
      tagNames: ['coupon-seeker'],
      cooldownSeconds: 600,
      priority: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      scope: { kind: 'all', id: null },
      cooldownSeconds: 600,
      tagNames: ['coupon-seeker'],
    });

    await post('Any COUPON today?');
    expect(await run()).toMatchObject({ processed: 1, failed: 0 });
    expect(await botTexts()).toEqual(['Your ¥10 coupon: tap the card']);

    await post('coupon please');
    h.clock.advance(599_000);
    await post('coupon coupon');
    await run();
    expect(await botTexts()).toHaveLength(1);

    h.clock.advance(1_000);
    await post('coupon?');
    await run();
    expect(await botTexts()).toEqual(['Your ¥10 coupon: tap the card', 'Your ¥10 coupon: tap the card']);

    const id = await orchardMemberId();
    const tagged = await h.deps.db
      .select({ name: tags.name, source: memberTags.source })
      .from(memberTags)
      .innerJoin(tags, eq(tags.id, memberTags.tagId))
      .where(eq(memberTags.memberId, id));
    expect(tagged).toEqual([{ name: 'coupon-seeker', source: `keyword:${created.body.id}` }]);
    const replied = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, id), eq(memberEvents.type, 'keyword.replied')));
    expect(replied).toHaveLength(2);
    expect(replied[0]!.data).toMatchObject({ ruleId: created.body.id, ruleName: 'Coupon' });
    await callApi(h, sb.headers, 'DELETE', `/api/v1/keyword-rules/${created.body.id}`);
  });

  it('answers with the highest priority rule only, and only rules in scope', async () => {
    const [community] = await h.deps.db
      .insert(communities)
      .values({
        tenantId: sb.brand.tenant.id,
        platformAccountId: sb.accountId,
        externalId: groupId,
        name: 'A',
        storeId: sb.brand.store.id,
      })
      .onConflictDoUpdate({
        target: [communities.platformAccountId, communities.externalId],
        set: { storeId: sb.brand.store.id },
      })
      .returning();
    const otherStore = await createStore(h.deps, sb.brand.tenant.id);
    const rules = [
      await createRule({ pattern: 'opening hours', reply: { text: 'low' }, priority: 1 }),
      await createRule({
        pattern: 'opening',
        reply: { text: 'store' },
        priority: 5,
        scope: { kind: 'store', id: sb.brand.store.id },
      }),
      await createRule({
        pattern: 'opening',
        reply: { text: 'other store' },
        priority: 9,
        scope: { kind: 'store', id: otherStore.id },
      }),
      await createRule({
        pattern: 'opening',
        reply: { text: 'private' },
        priority: 9,
        scope: { kind: 'private' },
      }),
      await createRule({
        pattern: 'hours',
        reply: { text: 'community' },
        priority: 3,
        scope: { kind: 'community', id: community!.id },
        matchMode: 'starts_with',
      }),
    ];
    expect(rules.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const before = (await botTexts()).length;
    await post('opening hours?');
    await run();
    expect((await botTexts()).slice(before)).toEqual(['store']);
    for (const r of rules) await callApi(h, sb.headers, 'DELETE', `/api/v1/keyword-rules/${r.body.id}`);
  });

  it('refuses a catastrophic regex at creation and on update, naming the field', async () => {
    for (const pattern of ['(a+)+$', '(a|a)*', '(x)\\1']) {
      const refused = await createRule({ matchMode: 'regex', pattern });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details).toEqual([
        { path: 'pattern', message: expect.stringContaining('must') },
      ]);
    }
    const safe = await createRule({ matchMode: 'regex', pattern: '^(hi|hello)\\b' });
    expect(safe.status).toBe(201);
    const patched = await callApi(h, sb.headers, 'PATCH', `/api/v1/keyword-rules/${safe.body.id}`, {
      pattern: '(\\w+\\s?)+$',
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].path).toBe('pattern');
    const plain = await callApi(h, sb.headers, 'PATCH', `/api/v1/keyword-rules/${safe.body.id}`, {
      matchMode: 'contains',
      pattern: '(a+)+',
    });
    expect(plain.status).toBe(200);
    await callApi(h, sb.headers, 'DELETE', `/api/v1/keyword-rules/${safe.body.id}`);
  });

  it('stops a slow but allowed regex at its time budget and keeps the worker going', async () => {
    const slow = await createRule({
      matchMode: 'regex',
      pattern: 'a*a*a*a*a*a*a*a*b',
      reply: { text: 'slow' },
      priority: 50,
    });
    expect(slow.status).toBe(201);
    const fallback = await createRule({ pattern: 'aaaa', reply: { text: 'fallback' } });
    const before = (await botTexts()).length;
    await post('a'.repeat(2000));
    const started = performance.now();
    expect(await run()).toMatchObject({ processed: 1, failed: 0 });
    expect(performance.now() - started).toBeLessThan(3000);
    expect((await botTexts()).slice(before)).toEqual(['fallback']);
    for (const r of [slow, fallback])
      await callApi(h, sb.headers, 'DELETE', `/api/v1/keyword-rules/${r.body.id}`);
  });

  it('lets store managers manage rules of their own stores only', async () => {
    const manager = await createStaffWithToken(h.deps, {
      tenantId: sb.brand.tenant.id,
      role: 'store_manager',
      storeId: sb.brand.store.id,
    });
    const otherStore = await createStore(h.deps, sb.brand.tenant.id);
    expect((await createRule({ scope: { kind: 'all' }, pattern: 'x' }, manager.headers)).status).toBe(403);
    expect(
      (await createRule({ scope: { kind: 'store', id: otherStore.id }, pattern: 'x' }, manager.headers))
        .status,
    ).toBe(403);
    const own = await createRule(
      { scope: { kind: 'store', id: sb.brand.store.id }, pattern: 'x' },
      manager.headers,
    );
    expect(own.status).toBe(201);
    const brandWide = await createRule({ pattern: 'y' });
    const listed = await callApi(h, manager.headers, 'GET', '/api/v1/keyword-rules');
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([own.body.id]);
    expect(
      (await callApi(h, manager.headers, 'DELETE', `/api/v1/keyword-rules/${brandWide.body.id}`)).status,
    ).toBe(404);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: sb.brand.tenant.id,
      role: 'guide',
      storeId: sb.brand.store.id,
    });
    expect(
      (await createRule({ scope: { kind: 'store', id: sb.brand.store.id }, pattern: 'z' }, guide.headers))
        .status,
    ).toBe(403);

    const stranger = await createBrand(h.deps);
    const foreign = await callApi(
      h,
      stranger.owner.headers,
      'PATCH',
      `/api/v1/keyword-rules/${own.body.id}`,
      { priority: 3 },
    );
    expect(foreign.status).toBe(404);
    expect(
      (
        await createRule(
          { scope: { kind: 'store', id: sb.brand.store.id }, pattern: 'q' },
          stranger.owner.headers,
        )
      ).status,
    ).toBe(404);
    for (const r of [own, brandWide])
      await callApi(h, sb.headers, 'DELETE', `/api/v1/keyword-rules/${r.body.id}`);
  });
});
