import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker } from '../acquisition/acquisition.fixtures.ts';
import { outboundMessages } from '../db/schema/index.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import type { Harness } from '../testing/harness.ts';
import { toTemplateContent } from './group-welcome-template.ts';

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
  const templateRows = () =>
    h.deps.db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.platformAccountId, wc.accountId),
          eq(outboundMessages.kind, 'group_welcome_template'),
        ),
      )
      .orderBy(outboundMessages.id);

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

    // A changed welcome is a new template; clearing it registers nothing.
    expect((await save({ group: { text: 'Hello %NICKNAME%' } })).status).toBe(200);
    expect((await save({ group: null })).status).toBe(200);
    await worker.run();
    expect(wc.fake.state.groupWelcomeTemplates.map((t) => t.text)).toEqual([
      'Welcome %NICKNAME% to ! Rules are in the announcement.',
      'Hello %NICKNAME%',
    ]);
    expect((await templateRows()).map((r) => r.status)).toEqual(['sent', 'sent']);
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
