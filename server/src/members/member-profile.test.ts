import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import { recordMemberEvents } from '../timeline/record-member-event.ts';

type Problem = { error: { code: string; details: { path: string; message: string }[] } };
type Detail = {
  description: string | null;
  storeId: string | null;
  attributes: Record<string, unknown>;
  tags: { name: string }[];
};

describe('member profile: attributes, edits and timeline', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  let memberId: string;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
    const [m] = await h.deps.db
      .insert(members)
      .values({ tenantId: brand.tenant.id, storeId: brand.store.id, name: 'Li Na' })
      .returning();
    memberId = m!.id;
    const define = (body: object) => api.post('/api/v1/member-attributes', body, brand.owner.headers);
    expect((await define({ key: 'baby_birthday', label: 'Baby birthday', type: 'date' })).status).toBe(201);
    expect((await define({ key: 'kids', label: 'Kids', type: 'number' })).status).toBe(201);
    expect(
      (await define({ key: 'skin', label: 'Skin', type: 'choice', options: ['dry', 'oily'] })).status,
    ).toBe(201);
    expect((await define({ key: 'note', label: 'Note', type: 'text' })).status).toBe(201);
  });
  afterAll(async () => {
    await h.close();
  });

  it('defines typed attributes: bad definitions are 400s, duplicates 409, guides may only read', async () => {
    const define = (body: object, headers = brand.owner.headers) =>
      api.post<Problem>('/api/v1/member-attributes', body, headers);
    expect((await define({ key: 'size', label: 'Size', type: 'choice' })).body.error.details[0]!.path).toBe(
      'options',
    );
    expect((await define({ key: 'n', label: 'N', type: 'number', options: ['1'] })).status).toBe(400);
    expect((await define({ key: 'Bad Key', label: 'x', type: 'text' })).body.error.details[0]!.path).toBe(
      'key',
    );
    expect((await define({ key: 'kids', label: 'Kids', type: 'number' })).status).toBe(409);
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    expect((await define({ key: 'x', label: 'x', type: 'text' }, guide.headers)).status).toBe(403);
    const list = await api.get<{ items: { key: string }[] }>('/api/v1/member-attributes', guide.headers);
    expect(list.body.items.map((a) => a.key)).toEqual(['baby_birthday', 'kids', 'note', 'skin']);
  });

  it('sets description, store and attributes; a wrong value is a 400 naming the field and changes nothing', async () => {
    const bad = await api.patch<Problem>(
      `/api/v1/members/${memberId}`,
      {
        description: 'should not land',
        attributes: { kids: 'two', baby_birthday: '2024-13-01', skin: 'normal', shoe: 40 },
      },
      brand.owner.headers,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'attributes.kids', message: 'expected a number' },
      { path: 'attributes.baby_birthday', message: 'expected a date as YYYY-MM-DD' },
      { path: 'attributes.skin', message: 'expected one of: dry, oily' },
      { path: 'attributes.shoe', message: 'unknown attribute' },
    ]);
    const foreignStore = await createStore(h.deps, (await createBrand(h.deps)).tenant.id);
    const badStore = await api.patch<Problem>(
      `/api/v1/members/${memberId}`,
      { storeId: foreignStore.id },
      brand.owner.headers,
    );
    expect(badStore.body.error.details).toEqual([{ path: 'storeId', message: 'unknown store' }]);

    const ok = await api.patch<Detail>(
      `/api/v1/members/${memberId}`,
      {
        description: 'Prefers weekend visits',
        attributes: { kids: 2, baby_birthday: '2024-05-01', skin: 'dry', note: 'x' },
      },
      brand.owner.headers,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      description: 'Prefers weekend visits',
      attributes: { kids: 2, baby_birthday: '2024-05-01', skin: 'dry', note: 'x' },
    });
    const cleared = await api.patch<Detail>(
      `/api/v1/members/${memberId}`,
      { attributes: { note: null } },
      brand.owner.headers,
    );
    expect(cleared.body.attributes).toEqual({ kids: 2, baby_birthday: '2024-05-01', skin: 'dry' });
    const got = await api.get<Detail>(`/api/v1/members/${memberId}`, brand.owner.headers);
    expect(got.body.attributes).toEqual(cleared.body.attributes);
  });

  it('pages the timeline newest first', async () => {
    const start = h.clock.now.getTime();
    await recordMemberEvents(
      h.deps.db,
      Array.from({ length: 5 }, (_, i) => ({
        tenantId: brand.tenant.id,
        memberId,
        type: 'message.posted' as const,
        occurredAt: new Date(start + (i + 1) * 60_000),
        data: { n: i },
      })),
    );
    const seen: { type: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: typeof seen; nextCursor: string | null } } = await api.get(
        `/api/v1/members/${memberId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        brand.owner.headers,
      );
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    // 5 messages and the two successful profile updates from the test before.
    expect(seen.map((e) => e.type)).toEqual([
      ...Array(5).fill('message.posted'),
      'profile.updated',
      'profile.updated',
    ]);
    const times = seen.map((e) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(
      (await api.get(`/api/v1/members/${memberId}/timeline?cursor=abc`, brand.owner.headers)).status,
    ).toBe(400);
  });
});
