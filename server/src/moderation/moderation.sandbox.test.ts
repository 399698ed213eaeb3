import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackCommunities } from '../communities/communities.handler.ts';
import { auditLog, memberEvents, moderationIncidents, sessions } from '../db/schema/index.ts';
import { keywordAssistant } from '../keywords/keyword-assistant.ts';
import { deliverOutbound } from '../outbox/deliver-outbound.ts';
import { createRateLimitStore } from '../outbox/rate-limit.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi, type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { moderateGroupMessages } from './moderate-group-message.ts';

// As in pipeline/handlers.ts: membership first, so the newcomer rule sees the join.
const handlers = [trackCommunities, moderateGroupMessages, keywordAssistant];
type Shown = { senderKind: string; text: string; memberId: string | null; isDeleted: boolean };

describe('moderation in the sandbox', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let groupId: string;
  let linkUrl: string;

  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: 'Happy Moms A' });
    groupId = group.body.id;
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'group',
      state: 'poster',
      groupIds: [groupId],
    });
    linkUrl = link.body.url;
    // The tests move the clock by hours; keep the owner signed in throughout.
    await h.deps.db
      .update(sessions)
      .set({ expiresAt: new Date(h.clock.now.getTime() + 10 * 86_400_000) })
      .where(eq(sessions.tenantId, sb.brand.tenant.id));
  });
  afterAll(() => h.close());

  const join = async (name: string) => {
    const memberId = await sb.createMember(name);
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: linkUrl });
    return memberId;
  };
  const post = (memberId: string, text: string) =>
    sb.api('POST', '/api/v1/sandbox/messages', { memberId, groupId, text });
  const run = async () => {
    await processPendingEvents(h.deps, { handlers });
    await deliverOutbound(h.deps, { platformAccountId: sb.accountId, rateLimits: createRateLimitStore() });
    // The sandbox reports a removal as a departure; process it too.
    await processPendingEvents(h.deps, { handlers });
  };
  const shown = async (): Promise<Shown[]> =>
    (await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`)).body.items;
  const memberCount = async () =>
    (await sb.get('/api/v1/sandbox/groups')).body.items.find((g: { id: string }) => g.id === groupId)
      .memberCount;

  it('warns a newcomer posting a link, then removes them on the second offence', async () => {
    const keyword = await callApi(h, sb.headers, 'POST', '/api/v1/keyword-rules', {
      name: 'Visit',
      matchMode: 'contains',
      pattern: 'visit',
      scope: { kind: 'all' },
      reply: { text: 'Welcome to visit our store!' },
    });
    expect(keyword.status).toBe(201);
    const spammer = await join('Spam Wang');
    await run();
    expect(await memberCount()).toBe(1);

    h.clock.advance(5 * 60_000);
    const first = await post(spammer, 'visit deals.com for cheap bags');
    await run();
    let messages = await shown();
    expect(messages.find((m) => m.text === 'visit deals.com for cheap bags')).toMatchObject({
      isDeleted: true,
    });
    const bot = messages.filter((m) => m.senderKind === 'bot').map((m) => m.text);
    expect(bot).toEqual([
      'Spam Wang, please follow the group rules (no links in your first hour). Repeated offences lead to removal.',
    ]);
    expect(await memberCount()).toBe(1);

    h.clock.advance(60_000);
    await post(spammer, 'cheap bags at https://bags.example.net');
    await run();
    messages = await shown();
    expect(messages.find((m) => m.text === 'cheap bags at https://bags.example.net')).toMatchObject({
      isDeleted: true,
    });
    expect(
      messages.some((m) => m.senderKind === 'system' && m.text === 'Spam Wang was removed from the group'),
    ).toBe(true);
    expect(await memberCount()).toBe(0);

    const incidents = await h.deps.db
      .select()
      .from(moderationIncidents)
      .where(eq(moderationIncidents.tenantId, sb.brand.tenant.id))
      .orderBy(moderationIncidents.occurredAt);
    expect(incidents.map((i) => [i.offenceNumber, i.reasons, i.actions, i.alerted])).toEqual([
      [1, ['newcomer_link'], ['delete', 'warn'], []],
      [2, ['newcomer_link'], ['delete', 'remove'], []],
    ]);
    expect(incidents[0]!.messageExternalId).toBe(first.body.messageId);

    const audit = await h.deps.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, sb.brand.tenant.id), eq(auditLog.actorType, 'system')));
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['moderation.delete', 'moderation.delete', 'moderation.remove', 'moderation.warn'].sort(),
    );
    expect(audit.find((a) => a.action === 'moderation.remove')?.data).toMatchObject({
      message: { text: 'cheap bags at https://bags.example.net' },
      links: ['https://bags.example.net'],
      offenceNumber: 2,
    });
    const timeline = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.tenantId, sb.brand.tenant.id), eq(memberEvents.type, 'moderation.action')));
    expect(timeline).toHaveLength(2);
    // The keyword rule matched "visit", but a moderated message gets no friendly reply.
    expect(messages.some((m) => m.text === 'Welcome to visit our store!')).toBe(false);
  });

  it('leaves a member who joined over an hour ago alone, and answers their keyword', async () => {
    const regular = await join('Regular Zhao');
    await run();
    h.clock.advance(61 * 60_000);
    await post(regular, 'I will visit shop.example.cn tomorrow');
    await run();
    const messages = await shown();
    expect(messages.find((m) => m.text === 'I will visit shop.example.cn tomorrow')).toMatchObject({
      isDeleted: false,
    });
    expect(messages.filter((m) => m.text === 'Welcome to visit our store!')).toHaveLength(1);
  });
});
