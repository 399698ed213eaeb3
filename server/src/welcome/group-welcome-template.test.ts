import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorker } from '../acquisition/acquisition.fixtures.ts';
import { outboundMessages } from '../db/schema/index.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import type { Harness } from '../testing/harness.ts';
import { toTemplateContent } from './group-welcome-template.ts';
import { templateDeletesOf, templateRowsOf } from './welcome.fixtures.ts';

/** WeCom shows group welcomes itself: Orchard registers the brand's group welcome as a WeCom template. */
describe('group welcome templates on a platform that shows group welcomes itself', () => {
  let h: Harness;
  let wc: WecomSetup;
  let worker: ReturnType<typeof createWorker>;

  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({ staff: ['zhangsan'] }));
    worker = createWorker(h);
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  const save = (body: Record<string, unknown>) =>
    callApi(h, wc.headers, 'PATCH', '/api/v1/welcome-settings', body);
  const templateRows = () => templateRowsOf(h.deps.db, wc.accountId);
  const deleteRows = () => templateDeletesOf(h.deps.db, wc.accountId);
  const texts = () => wc.fake.state.groupWelcomeTemplates.map((t) => t.text);
  const addApi = 'externalcontact/group_welcome_template/add';
  const delApi = 'externalcontact/group_welcome_template/del';

  it('registers the saved group welcome as a WeCom template, %NICKNAME% left for WeCom, once per content', async () => {
    const group = {
      text: 'Welcome {nickname} to {group}! Rules are in the announcement.',
      attachments: [
        { type: 'coupon', templateId: '00000000-0000-4000-8000-000000000000' },
        { type: 'link', url: 'https://shop.example/rules', title: 'Group rules' },
        { type: 'image', url: 'https://shop.example/banner.png' },
      ],
    };
    expect((await save({ group })).status).toBe(200);
    await worker.run();
    expect(wc.fake.state.groupWelcomeTemplates).toEqual([
      { templateId: expect.any(String), text: 'Welcome %NICKNAME% to ! Rules are in the announcement.' },
    ]);
    const [row] = await templateRows();
    const firstId = row!.externalId;
    expect(row).toMatchObject({
      status: 'sent',
      externalId: wc.fake.state.groupWelcomeTemplates[0]!.templateId,
    });
    expect(row!.payload).toEqual({
      content: {
        text: 'Welcome %NICKNAME% to ! Rules are in the announcement.',
        attachments: [{ type: 'link', url: 'https://shop.example/rules', title: 'Group rules' }],
      },
    });

    // The same welcome saved again, or other settings saved: nothing new for WeCom.
    expect((await save({ group })).status).toBe(200);
    expect((await save({ groupBatchSeconds: 10 })).status).toBe(200);
    await worker.run();
    expect(wc.fake.state.groupWelcomeTemplates).toHaveLength(1);

    // A changed welcome is a new template and the old one is deleted once it is registered; clearing the
    // welcome before the new one went out deletes both.
    expect((await save({ group: { text: 'Hello %NICKNAME%' } })).status).toBe(200);
    expect((await save({ group: null })).status).toBe(200);
    await worker.run();
    expect(wc.fake.state.groupWelcomeTemplates).toEqual([]);
    expect((await templateRows()).map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(await deleteRows()).toEqual([
      { status: 'sent', templateExternalId: firstId },
      { status: 'sent', templateExternalId: (await templateRows())[1]!.externalId },
    ]);
  });

  it('deletes the old template only once the new one is registered; a new one refused for good keeps it', async () => {
    await save({ group: { text: 'A' } });
    await worker.run();
    expect(texts()).toEqual(['A']);
    const deletesBefore = wc.fake.callsTo(delApi);

    // WeCom busy: the new template waits for its retry, and the old one stays until then.
    wc.fake.failNext(addApi, -1);
    await save({ group: { text: 'B' } });
    await worker.run();
    expect(texts()).toEqual(['A']);
    expect(wc.fake.callsTo(delApi)).toBe(deletesBefore);
    h.clock.advance(10_000);
    await worker.run();
    expect(texts()).toEqual(['B']);
    expect(wc.fake.callsTo(delApi)).toBe(deletesBefore + 1);

    // Refused for good: B goes on greeting; saving C again registers it and only then deletes B.
    wc.fake.failNext(addApi, 48002);
    await save({ group: { text: 'C' } });
    await worker.run();
    expect(texts()).toEqual(['B']);
    expect((await templateRows()).at(-1)).toMatchObject({ status: 'failed' });
    await save({ group: { text: 'C' } });
    await worker.run();
    expect(texts()).toEqual(['C']);
  });

  it('takes a template already gone as deleted; a refused delete is logged and the new template stays', async () => {
    // Someone deleted C in the WeCom admin console: its delete is answered "not found", which is done.
    const [c] = wc.fake.state.groupWelcomeTemplates;
    wc.fake.state.groupWelcomeTemplates.length = 0;
    await save({ group: { text: 'D' } });
    await worker.run();
    expect(texts()).toEqual(['D']);
    expect((await deleteRows()).at(-1)).toEqual({ status: 'sent', templateExternalId: c!.templateId });

    const warn = vi.spyOn(h.deps.logger, 'warn');
    try {
      wc.fake.failNext(delApi, 48002);
      await save({ group: { text: 'E' } });
      await worker.run();
      expect(texts()).toEqual(['D', 'E']);
      const d = wc.fake.state.groupWelcomeTemplates[0]!.templateId;
      expect((await deleteRows()).at(-1)).toEqual({ status: 'failed', templateExternalId: d });
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ templateExternalId: d }),
        expect.stringContaining('could not be deleted'),
      );
    } finally {
      warn.mockRestore();
    }
    // The refused delete waits for an operator, who sends it again from Operations.
    const [failed] = await h.deps.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(eq(outboundMessages.status, 'failed'))
      .orderBy(desc(outboundMessages.id))
      .limit(1);
    const retried = await callApi(h, wc.headers, 'POST', `/api/v1/outbound-messages/${failed!.id}/retry`);
    expect(retried.status).toBe(200);
    await worker.run();
    expect(texts()).toEqual(['E']);
  });

  it('registers a content again after another one replaced it (A, B, then A)', async () => {
    await save({ group: { text: 'A again' } });
    await worker.run();
    const first = wc.fake.state.groupWelcomeTemplates.find((t) => t.text === 'A again')!.templateId;
    await save({ group: { text: 'B again' } });
    await worker.run();
    await save({ group: { text: 'A again' } });
    await worker.run();
    expect(texts()).toEqual(['A again']);
    expect(wc.fake.state.groupWelcomeTemplates[0]!.templateId).not.toBe(first);
  });

  it('keeps what a template holds: the text and the first image or link, the community’s names filled', () => {
    expect(
      toTemplateContent(
        {
          text: '%NICKNAME%, welcome to {group} of {store}',
          attachments: [
            { type: 'miniprogram', appId: 'wx', page: 'p', title: 'Mall' },
            { type: 'image', url: 'https://x/banner.png' },
          ],
        },
        { group: 'VIP 1', store: 'Jing’an' },
      ),
    ).toEqual({
      text: '%NICKNAME%, welcome to VIP 1 of Jing’an',
      attachments: [{ type: 'image', url: 'https://x/banner.png' }],
    });
    expect(toTemplateContent({ attachments: [{ type: 'file', url: 'f', name: 'f' }] })).toEqual({});
  });
});
