import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, members, memberTags } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';

type Tag = { id: string; name: string; groupId: string | null; sortOrder: number };
type Problem = { error: { code: string; details?: { path: string; message: string }[] } };

describe('tags and bulk tagging', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let guide: Awaited<ReturnType<typeof createStaffWithToken>>;
  let own: string[];
  let otherStoreMember: string;
  let foreignMember: string;
  let foreignTag: string;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    const tenantId = brand.tenant.id;
    const store2 = await createStore(h.deps, tenantId);
    guide = await createStaffWithToken(h.deps, { tenantId, role: 'guide', storeId: brand.store.id });
    const rows = await h.deps.db
      .insert(members)
      .values([
        { tenantId, storeId: brand.store.id, name: 'A' },
        { tenantId, storeId: brand.store.id, name: 'B' },
        { tenantId, storeId: store2.id, name: 'C' },
      ])
      .returning();
    own = [rows[0]!.id, rows[1]!.id];
    otherStoreMember = rows[2]!.id;
    const other = await createBrand(h.deps);
    const [m] = await h.deps.db.insert(members).values({ tenantId: other.tenant.id, name: 'X' }).returning();
    foreignMember = m!.id;
    foreignTag = (await api.post<Tag>('/api/v1/tags', { name: 'theirs' }, other.owner.headers)).body.id;
  });
  afterAll(async () => {
    await h.close();
  });

  it('manages groups and tags; lists them grouped and ordered; readers cannot change them', async () => {
    const skin = await api.post<{ id: string }>(
      '/api/v1/tag-groups',
      { name: 'Skin', color: '#aa3300', sortOrder: 2 },
      brand.owner.headers,
    );
    const age = await api.post<{ id: string }>(
      '/api/v1/tag-groups',
      { name: 'Age', sortOrder: 1 },
      brand.owner.headers,
    );
    expect(skin.status).toBe(201);
    const dry = await api.post<Tag>(
      '/api/v1/tags',
      { name: 'dry', groupId: skin.body.id, sortOrder: 2 },
      brand.owner.headers,
    );
    await api.post(
      '/api/v1/tags',
      { name: 'oily', groupId: skin.body.id, sortOrder: 1 },
      brand.owner.headers,
    );
    await api.post('/api/v1/tags', { name: '0-1y', groupId: age.body.id }, brand.owner.headers);
    await api.post('/api/v1/tags', { name: 'vip' }, brand.owner.headers);
    expect(
      (await api.post('/api/v1/tags', { name: 'dry', groupId: skin.body.id }, brand.owner.headers)).status,
    ).toBe(409);
    expect((await api.post('/api/v1/tags', { name: 'x', color: 'red' }, brand.owner.headers)).status).toBe(
      400,
    );
    expect((await api.post('/api/v1/tags', { name: 'y' }, guide.headers)).status).toBe(403);

    const list = await api.get<{ groups: { name: string; tags: Tag[] }[]; ungrouped: Tag[] }>(
      '/api/v1/tags',
      guide.headers,
    );
    expect(list.status).toBe(200);
    expect(list.body.groups.map((g) => [g.name, g.tags.map((t) => t.name)])).toEqual([
      ['Age', ['0-1y']],
      ['Skin', ['oily', 'dry']],
    ]);
    expect(list.body.ungrouped.map((t) => t.name)).toEqual(['vip']);

    const renamed = await api.patch<Tag>(
      `/api/v1/tags/${dry.body.id}`,
      { name: 'very dry', groupId: null },
      brand.owner.headers,
    );
    expect(renamed.body).toMatchObject({ name: 'very dry', groupId: null });
    expect(
      (await api.patch(`/api/v1/tags/${foreignTag}`, { name: 'mine' }, brand.owner.headers)).status,
    ).toBe(404);
    expect(
      (await api.send('DELETE', `/api/v1/tags/${dry.body.id}`, { headers: brand.owner.headers })).status,
    ).toBe(204);
    expect(
      (await api.send('DELETE', `/api/v1/tags/${dry.body.id}`, { headers: brand.owner.headers })).status,
    ).toBe(404);
  });

  it('tags and untags many members at once, with timeline entries', async () => {
    const a = (await api.post<Tag>('/api/v1/tags', { name: 'bulk-a' }, brand.owner.headers)).body.id;
    const b = (await api.post<Tag>('/api/v1/tags', { name: 'bulk-b' }, brand.owner.headers)).body.id;
    const added = await api.post('/api/v1/members/tags', { memberIds: own, add: [a, b] }, guide.headers);
    expect(added.body).toEqual({ members: 2, added: 4, removed: 0 });
    const swapped = await api.post(
      '/api/v1/members/tags',
      { memberIds: [own[0]], add: [], remove: [b] },
      guide.headers,
    );
    expect(swapped.body).toEqual({ members: 1, added: 0, removed: 1 });
    const pairs = await h.deps.db.select().from(memberTags).where(eq(memberTags.memberId, own[0]!));
    expect(pairs.map((p) => p.tagId)).toEqual([a]);
    const events = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, own[0]!));
    expect(events.map((e) => e.type).sort()).toEqual(['tag.added', 'tag.added', 'tag.removed']);

    // By filter: every member with bulk-a gets bulk-c.
    const c = (await api.post<Tag>('/api/v1/tags', { name: 'bulk-c' }, brand.owner.headers)).body.id;
    const byFilter = await api.post(
      '/api/v1/members/tags',
      { filter: { tags: { all: [a] } }, add: [c] },
      brand.owner.headers,
    );
    expect(byFilter.body).toEqual({ members: 2, added: 2, removed: 0 });
  });

  it('refuses the whole call, naming them, when a member or tag is not the caller’s', async () => {
    const tag = (await api.post<Tag>('/api/v1/tags', { name: 'scoped' }, brand.owner.headers)).body.id;
    const res = await api.post<Problem>(
      '/api/v1/members/tags',
      { memberIds: [own[0], otherStoreMember, foreignMember], add: [tag, foreignTag] },
      guide.headers,
    );
    expect(res.status).toBe(400);
    const messages = res.body.error.details!.map((d) => d.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        `unknown member ${otherStoreMember}`,
        `unknown member ${foreignMember}`,
        `unknown tag ${foreignTag}`,
      ]),
    );
    expect(messages.join()).not.toContain(own[0]);
    expect(await h.deps.db.select().from(memberTags).where(eq(memberTags.tagId, tag))).toHaveLength(0);
    const neither = await api.post<Problem>('/api/v1/members/tags', { add: [tag] }, guide.headers);
    expect(neither.status).toBe(400);
  });
});
