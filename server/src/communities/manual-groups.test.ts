import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/deps.ts';
import { communities, staffTasks } from '../db/schema/index.ts';
import { buildHttpApp } from '../http/routes.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { createMemoryPlatform } from '../platforms/memory/memory-platform.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { createBrand } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

/** A platform that cannot create groups (WeCom customer groups are opened in the staff's client). */
describe('series on a platform without canCreateGroup', () => {
  let h: Harness;
  let deps: AppDeps;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let accountId: string;
  let client: ReturnType<typeof createTestClient>;
  let n = 0;
  const at = () => new Date();
  const deliver = async (...events: PlatformEvent[]) => {
    await ingestEvents(deps.db, { tenantId: brand.tenant.id, platformAccountId: accountId }, events, {
      now: deps.now(),
    });
    await processPendingEvents(deps);
  };
  const join = (member: string, group: string): PlatformEvent => ({
    type: 'member.joined_group',
    externalId: `e${++n}`,
    occurredAt: at(),
    member: { externalId: member, name: member },
    groupExternalId: group,
    via: 'link',
  });
  const createGroupTasks = () =>
    deps.db
      .select()
      .from(staffTasks)
      .where(and(eq(staffTasks.tenantId, brand.tenant.id), eq(staffTasks.kind, 'create_group')))
      .orderBy(staffTasks.createdAt);

  beforeAll(async () => {
    h = await createHarness();
    const platform = createMemoryPlatform(h.deps);
    deps = platform.deps;
    brand = await createBrand(deps);
    accountId = (await platform.addAccount(brand.tenant.id, { capabilities: { canCreateGroup: false } }))
      .account.id;
    client = createTestClient(buildHttpApp(deps));
  });
  afterAll(() => h.close());

  it('gives staff a create_group task, links their group by name, and asks again when it is full', async () => {
    const created = await client.post(
      '/api/v1/community-series',
      {
        platformAccountId: accountId,
        storeId: brand.store.id,
        nameTemplate: 'Shop',
        numbering: 'number',
        capacity: 2,
      },
      brand.owner.headers,
    );
    expect(created.status).toBe(201);
    expect(created.body.groups).toEqual([]);
    const seriesId = created.body.id as string;
    let tasks = await createGroupTasks();
    expect(tasks).toEqual([
      expect.objectContaining({
        title: 'Create the group "Shop 1"',
        storeId: brand.store.id,
        status: 'open',
        data: expect.objectContaining({ seriesId, index: 1, capacity: 2 }),
      }),
    ]);

    // Staff open the group by hand; the platform reports it and it joins the series.
    await deliver({
      type: 'group.created',
      externalId: `e${++n}`,
      occurredAt: at(),
      groupExternalId: 'g-1',
      name: 'Shop 1',
    });
    const [group] = await deps.db.select().from(communities).where(eq(communities.externalId, 'g-1'));
    expect(group).toMatchObject({ seriesId, seriesIndex: 1, storeId: brand.store.id, capacity: 2 });
    expect((await createGroupTasks())[0]).toMatchObject({ status: 'done' });

    await deliver(join('m1', 'g-1'), join('m2', 'g-1'));
    // The same join again under another id: no second count, no second task.
    await deliver(join('m2', 'g-1'));
    const [full] = await deps.db.select().from(communities).where(eq(communities.id, group!.id));
    expect(full).toMatchObject({ memberCount: 2 });
    tasks = await createGroupTasks();
    expect(tasks.map((t) => [t.title, t.status])).toEqual([
      ['Create the group "Shop 1"', 'done'],
      ['Create the group "Shop 2"', 'open'],
    ]);
    const series = await client.get(`/api/v1/community-series/${seriesId}`, brand.owner.headers);
    expect(series.body.pendingIndex).toBeNull();
  });

  it('refuses to create a community without an external id where the platform cannot create groups', async () => {
    const res = await client.post(
      '/api/v1/communities',
      { platformAccountId: accountId, name: 'Nope' },
      brand.owner.headers,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      details: [{ path: 'externalId', message: 'required: this platform cannot create groups' }],
    });
  });

  it('a join into a group Orchard never saw creates it unassigned to a store', async () => {
    await deliver(join('m9', 'g-unknown'));
    const [group] = await deps.db.select().from(communities).where(eq(communities.externalId, 'g-unknown'));
    expect(group).toMatchObject({ storeId: null, seriesId: null, name: 'Group g-unknown', memberCount: 1 });
  });
});
