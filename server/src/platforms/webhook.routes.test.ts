import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inboundEvents, platformAccounts } from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type SandboxSetup, setUpSandbox } from './sandbox/sandbox.fixtures.ts';
import { sandboxSignatureHeaders } from './sandbox/sandbox-signature.ts';

describe('POST /webhooks/{platformAccountId}', () => {
  let h: Harness;
  let sb: SandboxSetup;
  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.jobs.sent.length = 0;
  });

  const bodyOf = (externalId: string) =>
    JSON.stringify({
      events: [
        {
          type: 'message',
          externalId,
          occurredAt: h.clock.now.toISOString(),
          member: { externalId: 'm-1', name: 'Lin' },
          chat: { kind: 'group', groupExternalId: 'g-1' },
          messageExternalId: 'msg-1',
          text: 'hello',
        },
      ],
    });

  const deliver = (body: string, headers: Record<string, string>, accountId = sb.accountId) =>
    h.app.request(`/webhooks/${accountId}`, { method: 'POST', headers, body });

  const storedWith = (externalId: string) =>
    h.deps.db
      .select()
      .from(inboundEvents)
      .where(
        and(eq(inboundEvents.platformAccountId, sb.accountId), eq(inboundEvents.externalId, externalId)),
      );

  it('stores a signed delivery once, however often it is delivered, and wakes the worker once', async () => {
    const body = bodyOf('evt-dup');
    const headers = sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime());
    const first = await deliver(body, headers);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, received: 1 });
    const second = await deliver(body, headers);
    expect(second.status).toBe(200);

    const rows = await storedWith('evt-dup');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tenantId: sb.brand.tenant.id, type: 'message', status: 'pending' });
    expect(rows[0]!.payload).toMatchObject({
      text: 'hello',
      chat: { kind: 'group', groupExternalId: 'g-1' },
    });
    expect(h.jobs.sent).toEqual([{ name: 'events.process', data: {}, options: { singletonKey: 'events' } }]);
  });

  it('refuses a tampered body with 401 and stores nothing', async () => {
    const body = bodyOf('evt-tampered');
    const headers = sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime());
    const res = await deliver(body.replace('hello', 'hacked'), headers);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/signature/);
    expect(await storedWith('evt-tampered')).toHaveLength(0);
    expect(h.jobs.sent).toEqual([]);
  });

  it('refuses a replay outside the 5-minute window with 401', async () => {
    const body = bodyOf('evt-stale');
    const headers = sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime() - 6 * 60_000);
    const res = await deliver(body, headers);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/replay window/);
    expect(await storedWith('evt-stale')).toHaveLength(0);
  });

  it('refuses unsigned deliveries and answers 400 for a signed body that is not valid events', async () => {
    expect((await deliver(bodyOf('evt-unsigned'), {})).status).toBe(401);
    const body = JSON.stringify({ events: [{ type: 'nope', externalId: 'x' }] });
    const res = await deliver(body, sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime()));
    expect(res.status).toBe(400);
  });

  it('answers 404 for an unknown account', async () => {
    const body = bodyOf('evt-x');
    const headers = sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime());
    expect((await deliver(body, headers, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await deliver(body, headers, 'not-a-uuid')).status).toBe(404);
  });

  it('reads the account from the registry cache, so a change takes effect once the registry forgets it', async () => {
    const setStatus = (status: 'active' | 'disabled') =>
      h.deps.db.update(platformAccounts).set({ status }).where(eq(platformAccounts.id, sb.accountId));
    const signed = (externalId: string) => {
      const body = bodyOf(externalId);
      return [body, sandboxSignatureHeaders(sb.webhookSecret, body, h.clock.now.getTime())] as const;
    };
    await setStatus('disabled');
    // Cached (no account query per delivery): whoever changes an account tells the registry.
    expect((await deliver(...signed('evt-cached'))).status).toBe(200);
    h.deps.platforms.invalidate(sb.accountId);
    expect((await deliver(...signed('evt-disabled'))).status).toBe(404);
    expect(await storedWith('evt-disabled')).toHaveLength(0);
    await setStatus('active');
    h.deps.platforms.invalidate(sb.accountId);
    expect((await deliver(...signed('evt-enabled'))).status).toBe(200);
  });
});
