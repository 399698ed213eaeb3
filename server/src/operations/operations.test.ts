import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEvents, outboundMessages, platformAccounts } from '../db/schema/index.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

type Page = { items: { id: number; status: string; lastError: string | null }[]; nextCursor: string | null };

describe('operations: inbound events and outbound messages', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let failedEventId: number;
  let failedOutboundId: number;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    const account = await api.post<{ id: string }>(
      '/api/v1/platform-accounts',
      { platform: 'sandbox', name: 'Sandbox' },
      brand.owner.headers,
    );
    const tenantId = brand.tenant.id;
    const platformAccountId = account.body.id;
    const event = (n: number) => ({
      type: 'group.dismissed',
      externalId: `e-${n}`,
      occurredAt: new Date().toISOString(),
      groupExternalId: 'g-1',
    });
    const rows = await h.deps.db
      .insert(inboundEvents)
      .values([
        {
          tenantId,
          platformAccountId,
          externalId: 'e-1',
          type: 'group.dismissed',
          payload: event(1),
          status: 'processed',
        },
        {
          tenantId,
          platformAccountId,
          externalId: 'e-2',
          type: 'group.dismissed',
          payload: event(2),
          status: 'failed',
          attempts: 10,
          lastError: 'handler crashed',
        },
      ])
      .returning({ id: inboundEvents.id });
    failedEventId = rows[1]!.id;
    const [outbound] = await h.deps.db
      .insert(outboundMessages)
      .values({
        tenantId,
        platformAccountId,
        idempotencyKey: 'k-1',
        kind: 'send',
        payload: { target: { kind: 'group', groupExternalId: 'g-1' }, content: { text: 'hi' } },
        status: 'failed',
        attempts: 1,
        lastError: 'group dismissed',
      })
      .returning({ id: outboundMessages.id });
    failedOutboundId = outbound!.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists failed events and outbound messages with their errors, newest first, paged', async () => {
    const failed = await api.get<Page>('/api/v1/events?status=failed', brand.owner.headers);
    expect(failed.status).toBe(200);
    expect(failed.body.items).toMatchObject([
      { id: failedEventId, status: 'failed', lastError: 'handler crashed' },
    ]);
    const firstPage = await api.get<Page>('/api/v1/events?limit=1', brand.owner.headers);
    expect(firstPage.body.items.map((e) => e.id)).toEqual([failedEventId]);
    const secondPage = await api.get<Page>(
      `/api/v1/events?limit=1&cursor=${firstPage.body.nextCursor}`,
      brand.owner.headers,
    );
    expect(secondPage.body.items).toHaveLength(1);
    expect(secondPage.body.nextCursor).toBeNull();
    const outbound = await api.get<Page>('/api/v1/outbound-messages?status=failed', brand.owner.headers);
    expect(outbound.body.items).toMatchObject([{ id: failedOutboundId, lastError: 'group dismissed' }]);
  });

  it('keeps them to the brand and to owners and operators', async () => {
    const other = await createBrand(h.deps);
    expect((await api.get<Page>('/api/v1/events', other.owner.headers)).body.items).toEqual([]);
    expect((await api.post(`/api/v1/events/${failedEventId}/retry`, {}, other.owner.headers)).status).toBe(
      404,
    );
    expect(
      (await api.post(`/api/v1/outbound-messages/${failedOutboundId}/retry`, {}, other.owner.headers)).status,
    ).toBe(404);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    expect((await api.get('/api/v1/events', guide.headers)).status).toBe(403);
    expect((await api.get('/api/v1/events?status=lost', brand.owner.headers)).status).toBe(400);
  });

  it('retries a failed event once: pending again, worker woken, then processed', async () => {
    h.jobs.sent.length = 0;
    const retried = await api.post(`/api/v1/events/${failedEventId}/retry`, {}, brand.owner.headers);
    expect(retried).toEqual({ status: 200, body: { id: failedEventId, status: 'pending' } });
    expect(h.jobs.sent.map((j) => j.name)).toContain('events.process');
    expect((await api.post(`/api/v1/events/${failedEventId}/retry`, {}, brand.owner.headers)).status).toBe(
      404,
    );
    expect(await processPendingEvents(h.deps)).toMatchObject({ processed: 1, failed: 0 });
    const [row] = await h.deps.db.select().from(inboundEvents).where(eq(inboundEvents.id, failedEventId));
    expect(row?.status).toBe('processed');
  });

  it('retries a failed outbound message: pending again and delivery woken for its account', async () => {
    h.jobs.sent.length = 0;
    const retried = await api.post(
      `/api/v1/outbound-messages/${failedOutboundId}/retry`,
      {},
      brand.owner.headers,
    );
    expect(retried.body).toEqual({ id: failedOutboundId, status: 'pending' });
    const [row] = await h.deps.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.id, failedOutboundId));
    expect(row?.status).toBe('pending');
    const [account] = await h.deps.db
      .select()
      .from(platformAccounts)
      .where(eq(platformAccounts.id, row!.platformAccountId));
    expect(h.jobs.sent).toContainEqual(
      expect.objectContaining({ name: 'outbox.deliver', data: { platformAccountId: account!.id } }),
    );
  });
});
