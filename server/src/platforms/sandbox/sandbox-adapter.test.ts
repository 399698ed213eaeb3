import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inboundEvents, outboundMessages } from '../../db/schema/index.ts';
import { deliverOutbound } from '../../outbox/deliver-outbound.ts';
import { enqueueOutboundBatch } from '../../outbox/outbox.store.ts';
import { createRateLimitStore } from '../../outbox/rate-limit.ts';
import { createHarness, type Harness } from '../../testing/harness.ts';
import { refusalOf } from '../../testing/refusal-of.ts';
import type { PlatformAdapter } from '../platform.ts';
import { type SandboxSetup, setUpSandbox } from './sandbox.fixtures.ts';

describe('sandbox adapter', () => {
  let h: Harness;
  let sb: SandboxSetup;
  let adapter: PlatformAdapter;
  let staffId: string;
  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h, {
      welcomeDeadlineMs: 20_000,
      rateLimits: { perSecond: 1000, perChatPerMinute: 3 },
    });
    adapter = await h.deps.platforms.adapterFor(sb.brand.tenant.id, sb.accountId);
    staffId = await sb.createStaffAccount();
  });
  afterAll(async () => {
    await h.close();
  });

  /** A member who joined a fresh group through a link. */
  const memberInGroup = async (name: string) => {
    const group = await sb.api('POST', '/api/v1/sandbox/groups', { name: `${name}'s group` });
    const link = await sb.api('POST', '/api/v1/sandbox/links', { kind: 'group', groupIds: [group.body.id] });
    const memberId = await sb.createMember(name);
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token });
    return { memberId, groupId: group.body.id as string, token: link.body.token as string };
  };

  const addedStaffEvent = async (memberId: string) => {
    const rows = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.platformAccountId, sb.accountId))
      .orderBy(asc(inboundEvents.id));
    return rows
      .map((r) => r.payload as { type: string; member: { externalId: string }; welcomeToken?: string })
      .findLast((e) => e.type === 'member.added_staff' && e.member.externalId === memberId)!;
  };

  it('reports the sandbox capabilities from the account settings', () => {
    expect(adapter.platform).toBe('sandbox');
    expect(adapter.capabilities.welcome).toEqual({ mode: 'token', deadlineMs: 20_000, maxAttachments: 9 });
    expect(adapter.capabilities.moderation).toEqual({ delete: true, mute: true, remove: true, ban: true });
  });

  it("send lands in the group's messages as a bot message; dice too", async () => {
    const { groupId } = await memberInGroup('Qian');
    const sent = await adapter.send(
      { kind: 'group', groupExternalId: groupId },
      { text: 'Welcome, everyone' },
    );
    const dice = await adapter.sendDice!({ kind: 'group', groupExternalId: groupId }, '🎯');
    const shown = await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`);
    expect(shown.body.items.slice(-2)).toMatchObject([
      { id: sent.externalId, senderKind: 'bot', kind: 'text', text: 'Welcome, everyone', isDeleted: false },
      { id: dice.externalId, senderKind: 'bot', kind: 'dice', diceValue: dice.value },
    ]);
  });

  it('refuses an unknown target, a dismissed group and a member without a contact, for good', async () => {
    const unknown = await refusalOf(adapter.send({ kind: 'group', groupExternalId: 'nope' }, { text: 'x' }));
    expect(unknown).toMatchObject({ code: 'rejected', isTemporary: false });
    const lonely = await sb.createMember('Lonely');
    const noContact = await refusalOf(
      adapter.send({ kind: 'member', memberExternalId: lonely }, { text: 'x' }),
    );
    expect(noContact.options.platformCode).toBe('no_contact');
    const { groupId } = await memberInGroup('Sun');
    await h.database.executeSql('update sandbox_groups set dismissed_at = now() where id = $1', [groupId]);
    const dismissed = await refusalOf(
      adapter.send({ kind: 'group', groupExternalId: groupId }, { text: 'x' }),
    );
    expect(dismissed.options.platformCode).toBe('group_dismissed');
  });

  it('sendMany writes group texts in one go, in order, and says per message what went wrong', async () => {
    const one = await memberInGroup('Zhou');
    const two = await memberInGroup('Wu');
    const dismissed = await memberInGroup('Zheng');
    await h.database.executeSql('update sandbox_groups set dismissed_at = now() where id = $1', [
      dismissed.groupId,
    ]);
    const lonely = await sb.createMember('Wang');
    const group = (id: string) => ({ kind: 'group' as const, groupExternalId: id });
    const outcomes = await adapter.sendMany!([
      { target: group(one.groupId), content: { text: 'first' } },
      { target: group(two.groupId), content: { text: 'to two' } },
      { target: group(dismissed.groupId), content: { text: 'nobody reads this' } },
      { target: group(one.groupId), content: { text: 'second' } },
      { target: group('not-a-group'), content: { text: 'lost' } },
      { target: { kind: 'member', memberExternalId: lonely }, content: { text: 'hello?' } },
      { target: group(one.groupId.toUpperCase()), content: { text: 'third' } },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, false, false, true]);
    const refusal = (index: number) => {
      const outcome = outcomes[index]!;
      return outcome.ok ? undefined : (outcome.error as { options: { platformCode: unknown } });
    };
    expect(refusal(2)?.options.platformCode).toBe('group_dismissed');
    expect(refusal(4)).toMatchObject({ code: 'rejected', isTemporary: false });
    expect(refusal(5)?.options.platformCode).toBe('no_contact');
    const idOf = (index: number) => (outcomes[index] as { externalId: string }).externalId;
    const shown = await sb.get(`/api/v1/sandbox/groups/${one.groupId}/messages`);
    expect(shown.body.items.filter((m: { senderKind: string }) => m.senderKind === 'bot')).toMatchObject([
      { id: idOf(0), text: 'first' },
      { id: idOf(3), text: 'second' },
      { id: idOf(6), text: 'third' },
    ]);
    const other = await sb.get(`/api/v1/sandbox/groups/${two.groupId}/messages`);
    expect(other.body.items.filter((m: { senderKind: string }) => m.senderKind === 'bot')).toMatchObject([
      { id: idOf(1), text: 'to two' },
    ]);
  });

  it('sendMany keeps to the per-chat limit: the messages past it are rate_limited', async () => {
    const { groupId } = await memberInGroup('Feng');
    const outcomes = await adapter.sendMany!(
      Array.from({ length: 5 }, (_, n) => ({
        target: { kind: 'group' as const, groupExternalId: groupId },
        content: { text: `burst ${n}` },
      })),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, false, false]);
    expect(outcomes[3]).toMatchObject({ ok: false, error: { code: 'rate_limited', isTemporary: true } });
    const shown = await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`);
    expect(shown.body.items.filter((m: { senderKind: string }) => m.senderKind === 'bot')).toHaveLength(3);
  });

  it('answers rate_limited (temporary, with a retry hint) past the per-chat limit', async () => {
    const { groupId } = await memberInGroup('Busy');
    const target = { kind: 'group' as const, groupExternalId: groupId };
    for (let i = 0; i < 3; i += 1) await adapter.send(target, { text: `m${i}` });
    const limited = await refusalOf(adapter.send(target, { text: 'one too many' }));
    expect(limited).toMatchObject({ code: 'rate_limited', isTemporary: true });
    expect(limited.options.retryAfterMs).toBeGreaterThan(0);
  });

  const botTexts = async (groupId: string) =>
    (await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`)).body.items
      .filter((m: { senderKind: string }) => m.senderKind === 'bot')
      .map((m: { text: string }) => m.text);

  it("inTransaction writes in the caller's transaction: a rollback takes its messages back", async () => {
    const { groupId } = await memberInGroup('Chu');
    const target = { kind: 'group' as const, groupExternalId: groupId };
    const rolledBack = h.deps.db.transaction(async (tx) => {
      const outcomes = await adapter.inTransaction!(tx).sendMany!([{ target, content: { text: 'undone' } }]);
      expect(outcomes.map((o) => o.ok)).toEqual([true]);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    await h.deps.db.transaction((tx) => adapter.inTransaction!(tx).send(target, { text: 'kept' }));
    expect(await botTexts(groupId)).toEqual(['kept']);
  });

  it('inTransaction is the same bot: it counts against the same per-chat limit', async () => {
    const { groupId } = await memberInGroup('Wei');
    const target = { kind: 'group' as const, groupExternalId: groupId };
    await adapter.send(target, { text: 'one' });
    await adapter.send(target, { text: 'two' });
    const outcomes = await h.deps.db.transaction((tx) =>
      adapter.inTransaction!(tx).sendMany!([
        { target, content: { text: 'three' } },
        { target, content: { text: 'four' } },
      ]),
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(await botTexts(groupId)).toEqual(['one', 'two', 'three']);
  });

  it('the outbox locks, sends and records sandbox rows in one transaction, each once with two runs at once', async () => {
    const groups = [(await memberInGroup('Jiang')).groupId, (await memberInGroup('Shen')).groupId];
    const texts = groups.flatMap((groupId) => [1, 2, 3].map((n) => ({ groupId, text: `${groupId}:${n}` })));
    await enqueueOutboundBatch(
      h.deps.db,
      texts.map(({ groupId, text }) => ({
        tenantId: sb.brand.tenant.id,
        platformAccountId: sb.accountId,
        idempotencyKey: `tx-delivery:${text}`,
        kind: 'send' as const,
        payload: { target: { kind: 'group' as const, groupExternalId: groupId }, content: { text } },
        notBefore: h.deps.now(),
      })),
    );
    const inTransaction = vi.spyOn(adapter, 'inTransaction');
    const rateLimits = createRateLimitStore();
    const run = () => deliverOutbound(h.deps, { platformAccountId: sb.accountId, rateLimits, limit: 2 });
    let sent = 0;
    for (let round = 0; round < 5 && sent < texts.length; round += 1) {
      const stats = await Promise.all([run(), run()]);
      sent += stats.reduce((sum, s) => sum + s.sent, 0);
    }
    expect(sent).toBe(texts.length);
    for (const groupId of groups) {
      expect(await botTexts(groupId)).toEqual([1, 2, 3].map((n) => `${groupId}:${n}`));
    }
    const rows = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(like(outboundMessages.idempotencyKey, 'tx-delivery:%'));
    expect(rows.map((r) => r.status)).toEqual(texts.map(() => 'sent'));
    expect(rows.every((r) => r.externalId !== null && r.attempts === 0)).toBe(true);
    // Every run sent through the adapter bound to its own transaction.
    expect(inTransaction).toHaveBeenCalled();
    inTransaction.mockRestore();
  });

  it('sendWelcome works once with the welcome code, then is refused (41051)', async () => {
    const memberId = await sb.createMember('Li');
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'contact',
      state: 's',
      staffIds: [staffId],
    });
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token });
    const { welcomeToken } = await addedStaffEvent(memberId);
    const input = {
      welcomeToken,
      memberExternalId: memberId,
      staffExternalId: staffId,
      content: { text: 'Hello Li!' },
    };

    const sent = await adapter.sendWelcome(input);
    const chat = await sb.get(`/api/v1/sandbox/members/${memberId}/messages`);
    expect(chat.body.items.at(-1)).toMatchObject({
      id: sent.externalId,
      kind: 'welcome',
      senderKind: 'bot',
      text: 'Hello Li!',
    });

    const again = await refusalOf(adapter.sendWelcome(input));
    expect(again).toMatchObject({ code: 'rejected', isTemporary: false });
    expect(again.options.platformCode).toBe('41051');
    // Outside the welcome mechanism the member is still reachable through the contact.
    await adapter.send({ kind: 'member', memberExternalId: memberId }, { text: 'a later note' });
    const after = await sb.get(`/api/v1/sandbox/members/${memberId}/messages?staffId=${staffId}`);
    expect(after.body.items.at(-1)).toMatchObject({ senderKind: 'bot', kind: 'text', text: 'a later note' });
  });

  it('sendWelcome after the deadline is refused (41050)', async () => {
    const memberId = await sb.createMember('Late');
    const link = await sb.api('POST', '/api/v1/sandbox/links', {
      kind: 'contact',
      state: 's',
      staffIds: [staffId],
    });
    await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: link.body.token });
    const { welcomeToken } = await addedStaffEvent(memberId);
    h.clock.advance(20_001);
    const late = await refusalOf(
      adapter.sendWelcome({
        welcomeToken,
        memberExternalId: memberId,
        staffExternalId: staffId,
        content: { text: 'hi' },
      }),
    );
    expect(late.options.platformCode).toBe('41050');
    const forged = await refusalOf(
      adapter.sendWelcome({
        welcomeToken: 'wc-forged',
        memberExternalId: memberId,
        staffExternalId: staffId,
        content: { text: 'hi' },
      }),
    );
    expect(forged.options.platformCode).toBe('41050');
  });

  it('a muted member cannot post until the mute ends', async () => {
    const { memberId, groupId } = await memberInGroup('Noisy');
    await adapter.moderate!({
      type: 'mute',
      groupExternalId: groupId,
      memberExternalId: memberId,
      untilMs: h.clock.now.getTime() + 60_000,
    });
    const muted = await sb.api('POST', '/api/v1/sandbox/messages', { memberId, groupId, text: 'hello?' });
    expect(muted.status).toBe(409);
    expect(muted.body.error.message).toMatch(/muted/);
    h.clock.advance(60_001);
    const later = await sb.api('POST', '/api/v1/sandbox/messages', { memberId, groupId, text: 'back' });
    expect(later.status).toBe(200);
  });

  it('delete flags the message; remove raises member.left_group (removed)', async () => {
    const { memberId, groupId } = await memberInGroup('Spammer');
    const posted = await sb.api('POST', '/api/v1/sandbox/messages', { memberId, groupId, text: 'buy now' });
    await adapter.moderate!({
      type: 'delete',
      groupExternalId: groupId,
      messageExternalId: posted.body.messageId,
    });
    await adapter.moderate!({ type: 'remove', groupExternalId: groupId, memberExternalId: memberId });

    const shown = await sb.get(`/api/v1/sandbox/groups/${groupId}/messages`);
    expect(shown.body.items.find((m: { id: string }) => m.id === posted.body.messageId).isDeleted).toBe(true);
    const groups = await sb.get('/api/v1/sandbox/groups');
    expect(groups.body.items.find((g: { id: string }) => g.id === groupId).memberCount).toBe(0);
    const [row] = await h.deps.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.type, 'member.left_group'))
      .orderBy(asc(inboundEvents.id));
    expect(row?.payload).toMatchObject({
      reason: 'removed',
      groupExternalId: groupId,
      member: { externalId: memberId },
    });
    const notThere = await refusalOf(
      adapter.moderate!({ type: 'remove', groupExternalId: groupId, memberExternalId: memberId }),
    );
    expect(notThere.options.platformCode).toBe('not_in_group');
  });

  it('a banned member cannot rejoin through the link', async () => {
    const { memberId, groupId, token } = await memberInGroup('Troll');
    await adapter.moderate!({ type: 'ban', groupExternalId: groupId, memberExternalId: memberId });
    const rejoin = await sb.api('POST', '/api/v1/sandbox/links/open', { memberId, link: token });
    expect(rejoin.status).toBe(409);
    expect(rejoin.body.error.message).toMatch(/banned/);
  });

  it('creates entry links and groups without raising events', async () => {
    const group = await adapter.createGroup!({
      name: 'API group',
      ownerStaffExternalId: staffId,
      capacity: 3,
    });
    const link = await adapter.createEntryLink!({
      kind: 'group',
      state: 'campaign-9',
      groupExternalIds: [group.externalId],
      autoCreateGroup: { nameTemplate: 'API group' },
    });
    expect(link.url).toMatch(/^sandbox:\/\/link\//);
    const links = await sb.get('/api/v1/sandbox/links');
    expect(links.body.items.find((l: { id: string }) => l.id === link.externalId)).toMatchObject({
      state: 'campaign-9',
      groupIds: [group.externalId],
      autoCreateGroup: true,
    });
    const tooLong = await refusalOf(
      adapter.createEntryLink!({ kind: 'contact', state: 'x'.repeat(31), staffExternalIds: [staffId] }),
    );
    expect(tooLong.options.platformCode).toBe('invalid_spec');
    const count = await h.database.executeSql(
      `select count(*)::int as n from inbound_events where payload->>'groupExternalId' = $1`,
      [group.externalId],
    );
    expect(count.rows[0]!.n).toBe(0);
  });
});
