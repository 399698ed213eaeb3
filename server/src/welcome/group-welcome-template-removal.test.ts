import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../acquisition/acquisition.fixtures.ts';
import { communities, outboundMessages } from '../db/schema/index.ts';
import { jobNames } from '../jobs/job-names.ts';
import { claimDueOutbound } from '../outbox/outbox.store.ts';
import { featureHandlers } from '../pipeline/handlers.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import type { Middleware } from '../pipeline/middleware.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { findDueSyncRequests } from '../platform-sync/platform-sync.store.ts';
import { runSyncRequest } from '../platform-sync/run-sync-request.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { callApi, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { setUpTelegram, startFakeTelegramFor } from '../platforms/telegram/fake/telegram.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { templateKeyPrefix } from './retire-group-welcome-templates.ts';
import { templateDeletesOf, templateRowsOf } from './welcome.fixtures.ts';

const delApi = 'externalcontact/group_welcome_template/del';
const addApi = 'externalcontact/group_welcome_template/add';

/** A level's template rows and the deletes queued for them, read from the outbox of one account. */
const outboxOf = (h: Harness, accountId: string) => ({
  templatesOf: (communityId: string) =>
    templateRowsOf(h.deps.db, accountId, { scope: 'community', scopeId: communityId }),
  deletes: () => templateDeletesOf(h.deps.db, accountId),
});

const communityOf = async (h: Harness, accountId: string, externalId: string) => {
  const [row] = await h.deps.db
    .select()
    .from(communities)
    .where(and(eq(communities.platformAccountId, accountId), eq(communities.externalId, externalId)));
  if (!row) throw new Error(`no community ${externalId}`);
  return row;
};

/** WeCom: a dismissed group's community welcome templates are deleted there, once. */
describe('group welcome templates of a dismissed group', () => {
  let h: Harness;
  let wc: WecomSetup;
  let worker: ReturnType<typeof createWorker>;
  let outbox: ReturnType<typeof outboxOf>;

  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({ staff: ['zhangsan'] }));
    worker = createWorker(h);
    outbox = outboxOf(h, wc.accountId);
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  const texts = () => wc.fake.state.groupWelcomeTemplates.map((t) => t.text).sort();
  /** WeCom reports a new group by its id only: Orchard reads it back (platform sync) to learn it. */
  const openGroup = async (chatId: string, name: string) => {
    await wc.deliver(wc.fake.people.createGroup({ chatId, name, owner: 'zhangsan' }));
    await worker.run();
    for (const row of await findDueSyncRequests(h.deps.db, h.deps.now())) await runSyncRequest(h.deps, row);
    await worker.run();
    return communityOf(h, wc.accountId, chatId);
  };
  const saveWelcome = async (communityId: string, text: string | null) => {
    const res = await callApi(h, wc.headers, 'PUT', `/api/v1/communities/${communityId}/welcome`, {
      group: text === null ? null : { text },
    });
    expect(res.status).toBe(200);
  };
  const dismissedEvent = (chatId: string, externalId: string): PlatformEvent => ({
    type: 'group.dismissed',
    externalId,
    occurredAt: h.deps.now(),
    groupExternalId: chatId,
  });

  it('deletes the registered template of a dismissed group once, and nobody else’s', async () => {
    const a = await openGroup('wrGroupA', 'Moms A');
    const b = await openGroup('wrGroupB', 'Moms B');
    await saveWelcome(a.id, 'Welcome %NICKNAME% to {group}');
    await saveWelcome(b.id, 'Hello %NICKNAME% in {group}');
    expect(
      (await callApi(h, wc.headers, 'PATCH', '/api/v1/welcome-settings', { group: { text: 'Brand' } }))
        .status,
    ).toBe(200);
    await worker.run();
    expect(texts()).toEqual(['Brand', 'Hello %NICKNAME% in Moms B', 'Welcome %NICKNAME% to Moms A']);
    const [registered] = await outbox.templatesOf(a.id);
    const deletesBefore = wc.fake.callsTo(delApi);

    const dismissal = wc.fake.people.dismissGroup('wrGroupA');
    expect((await wc.deliver(dismissal)).status).toBe(200);
    await worker.run();
    expect((await communityOf(h, wc.accountId, 'wrGroupA')).status).toBe('dismissed');
    expect(texts()).toEqual(['Brand', 'Hello %NICKNAME% in Moms B']);
    expect(wc.fake.callsTo(delApi)).toBe(deletesBefore + 1);
    expect(await outbox.deletes()).toEqual([{ status: 'sent', templateExternalId: registered!.externalId }]);

    // WeCom redelivers the callback, and platform sync later reads the group back as dismissed: nothing more.
    expect((await wc.deliver(dismissal)).status).toBe(200);
    await ingestEvents(h.deps.db, { tenantId: wc.tenantId, platformAccountId: wc.accountId }, [
      dismissedEvent('wrGroupA', 'sync:dismissed:wrGroupA'),
    ]);
    await worker.run();
    expect(wc.fake.callsTo(delApi)).toBe(deletesBefore + 1);
    expect(await outbox.deletes()).toHaveLength(1);

    // Saving a welcome for the dismissed group keeps it in Orchard but registers nothing on WeCom.
    const addsBefore = wc.fake.callsTo(addApi);
    await saveWelcome(a.id, 'Too late');
    await worker.run();
    expect(wc.fake.callsTo(addApi)).toBe(addsBefore);
    expect(texts()).toEqual(['Brand', 'Hello %NICKNAME% in Moms B']);
  });

  it('cancels a template still waiting to be registered when its group was dismissed: WeCom never sees it', async () => {
    const c = await openGroup('wrGroupC', 'Moms C');
    const addsBefore = wc.fake.callsTo(addApi);
    const deletesBefore = await outbox.deletes();
    await saveWelcome(c.id, 'Welcome to C');
    // Dismissed before the worker registered the template.
    await wc.deliver(wc.fake.people.dismissGroup('wrGroupC'));
    await worker.run();
    expect(await outbox.templatesOf(c.id)).toMatchObject([
      { status: 'cancelled', externalId: null, lastError: expect.stringContaining('dismissed') },
    ]);
    expect(wc.fake.callsTo(addApi)).toBe(addsBefore);
    expect(texts()).toEqual(['Brand', 'Hello %NICKNAME% in Moms B']);
    expect(await outbox.deletes()).toEqual(deletesBefore);
  });

  it('deletes a template that was already on its way when its group was dismissed, once it is registered', async () => {
    const e = await openGroup('wrGroupE', 'Moms E');
    await saveWelcome(e.id, 'Welcome to E');
    // A delivery run claimed the registration, then its worker stopped (crash); the dismissal arrives meanwhile.
    const [claimed] = await claimDueOutbound(h.deps.db, {
      platformAccountId: wc.accountId,
      now: h.deps.now(),
      limit: 10,
      lockMs: 60_000,
    }).then((rows) => rows.filter((r) => r.kind === 'group_welcome_template'));
    expect(claimed).toMatchObject({ status: 'sending' });
    await wc.deliver(wc.fake.people.dismissGroup('wrGroupE'));
    await worker.run();
    // Its lock expires, the minute's outbox sweep finds it, and a new run registers it; that retires it at once.
    h.clock.advance(61_000);
    await h.deps.jobs.send(jobNames.sweepOutbox, {});
    await worker.run();
    const [template] = await outbox.templatesOf(e.id);
    expect(template).toMatchObject({ id: claimed!.id, status: 'sent' });
    expect((await outbox.deletes()).filter((x) => x.templateExternalId === template!.externalId)).toEqual([
      { status: 'sent', templateExternalId: template!.externalId },
    ]);
    expect(texts()).toEqual(['Brand', 'Hello %NICKNAME% in Moms B']);
  });

  it('queues the deletes in the dismissal’s transaction: an event that fails leaves neither', async () => {
    const d = await openGroup('wrGroupD', 'Moms D');
    await saveWelcome(d.id, 'Welcome to D');
    await worker.run();
    expect(texts()).toContain('Welcome to D');
    const deletesBefore = (await outbox.deletes()).length;

    await wc.deliver(wc.fake.people.dismissGroup('wrGroupD'));
    const failLate: Middleware = async (ctx, next) => {
      if (ctx.event.type === 'group.dismissed') throw new Error('a later handler failed');
      await next();
    };
    const failed = await processPendingEvents(h.deps, { handlers: [...featureHandlers, failLate] });
    expect(failed).toMatchObject({ claimed: 1, failed: 1 });
    expect((await communityOf(h, wc.accountId, 'wrGroupD')).status).toBe('active');
    expect(await outbox.deletes()).toHaveLength(deletesBefore);

    // The retry runs the whole event: the group is dismissed and its template deleted together.
    h.clock.advance(60_000);
    await worker.run();
    expect((await communityOf(h, wc.accountId, 'wrGroupD')).status).toBe('dismissed');
    expect(texts()).not.toContain('Welcome to D');
    expect(await outbox.deletes()).toHaveLength(deletesBefore + 1);
  });
});

/**
 * Platforms that post group welcomes as messages (the sandbox, Telegram) have no templates to delete: a dismissal
 * there queues nothing, even where a template row exists for the group (seeded here, so the test would catch a
 * delete queued without the adapter's `deleteGroupWelcome`).
 */
describe('a dismissed group on a platform without group welcome templates', () => {
  let h: Harness;
  let fakeTelegram: Awaited<ReturnType<typeof startFakeTelegramFor>>;

  beforeAll(async () => {
    h = await createHarness();
    fakeTelegram = await startFakeTelegramFor(h);
  });
  afterAll(async () => {
    await fakeTelegram.close();
    await h.close();
  });

  const dismissOn = async (
    target: { tenantId: string; platformAccountId: string },
    headers: Record<string, string>,
  ) => {
    const at = h.deps.now();
    await ingestEvents(h.deps.db, target, [
      {
        type: 'group.created',
        externalId: 'created-1',
        occurredAt: at,
        groupExternalId: '-100777',
        name: 'Moms',
      },
    ]);
    await processPendingEvents(h.deps);
    const community = await communityOf(h, target.platformAccountId, '-100777');
    const saved = await callApi(h, headers, 'PUT', `/api/v1/communities/${community.id}/welcome`, {
      group: { text: 'Welcome %NICKNAME%' },
    });
    expect(saved.status).toBe(200);
    await h.deps.db.insert(outboundMessages).values({
      tenantId: target.tenantId,
      platformAccountId: target.platformAccountId,
      idempotencyKey: `${templateKeyPrefix({ scope: 'community', scopeId: community.id })}0123456789abcdef`,
      kind: 'group_welcome_template',
      payload: { content: { text: 'Welcome %NICKNAME%' } },
      status: 'sent',
      externalId: 'template-1',
    });
    await ingestEvents(h.deps.db, target, [
      { type: 'group.dismissed', externalId: 'dismissed-1', occurredAt: at, groupExternalId: '-100777' },
    ]);
    expect(await processPendingEvents(h.deps)).toMatchObject({ processed: 1, failed: 0 });
    expect((await communityOf(h, target.platformAccountId, '-100777')).status).toBe('dismissed');
    return outboxOf(h, target.platformAccountId).deletes();
  };

  it('queues nothing on the sandbox', async () => {
    const sb = await setUpSandbox(h);
    const target = { tenantId: sb.brand.tenant.id, platformAccountId: sb.accountId };
    expect(await dismissOn(target, sb.headers)).toEqual([]);
  });

  it('queues nothing on Telegram', async () => {
    const tg = await setUpTelegram(h, fakeTelegram);
    const target = { tenantId: tg.brand.tenant.id, platformAccountId: tg.accountId };
    expect(await dismissOn(target, tg.brand.owner.headers)).toEqual([]);
  });
});
