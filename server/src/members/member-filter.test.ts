import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, memberTags, tags } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken, createStore } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import type { TagExpression } from './member-filter.ts';
import { listMembers } from './members.store.ts';

/** A fixed pseudo-random sequence, so the fixture is the same on every run. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('members filter by tag expression, store, stage and joined date', () => {
  let h: Harness;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  const tagIds: string[] = [];
  const memberTagsOf = new Map<string, Set<string>>();
  const memberStore = new Map<string, string>();
  const memberMeta = new Map<string, { stage: string; createdAt: Date }>();

  beforeAll(async () => {
    h = await createHarness();
    brand = await createBrand(h.deps);
    const tenantId = brand.tenant.id;
    const store2 = await createStore(h.deps, tenantId);
    for (const name of ['t0', 't1', 't2', 't3']) {
      const [tag] = await h.deps.db.insert(tags).values({ tenantId, name }).returning();
      tagIds.push(tag!.id);
    }
    const random = seeded(7);
    const rows = await h.deps.db
      .insert(members)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          tenantId,
          name: `m${i}`,
          storeId: i % 3 === 0 ? store2.id : brand.store.id,
          stage: i % 4 === 0 ? ('core' as const) : ('new' as const),
          createdAt: new Date(Date.UTC(2025, 0, 1 + i)),
        })),
      )
      .returning();
    const pairs = rows.flatMap((m) =>
      tagIds.filter(() => random() < 0.4).map((tagId) => ({ tenantId, memberId: m.id, tagId })),
    );
    await h.deps.db.insert(memberTags).values(pairs);
    for (const m of rows) {
      memberTagsOf.set(m.id, new Set(pairs.filter((p) => p.memberId === m.id).map((p) => p.tagId)));
      memberStore.set(m.id, m.storeId!);
      memberMeta.set(m.id, { stage: m.stage, createdAt: m.createdAt });
    }
  });
  afterAll(async () => {
    await h.close();
  });

  const expected = (e: TagExpression) =>
    [...memberTagsOf]
      .filter(
        ([, has]) =>
          (e.all ?? []).every((t) => has.has(t)) &&
          (!e.any?.length || e.any.some((t) => has.has(t))) &&
          !(e.none ?? []).some((t) => has.has(t)),
      )
      .map(([id]) => id)
      .sort();

  const listAll = async (filter: Parameters<typeof listMembers>[1]) => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMembers(h.deps.db, { ...filter, cursor, limit: 7 });
      ids.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  };

  it('matches an in-memory evaluation for every all/any/none combination', async () => {
    const [a, b, c, d] = tagIds as [string, string, string, string];
    const expressions: TagExpression[] = [
      { all: [a] },
      { all: [a, b] },
      { any: [c, d] },
      { none: [a] },
      { none: [a, b, c, d] },
      { all: [a], any: [b, c] },
      { all: [a], none: [d] },
      { any: [b, c], none: [a] },
      { all: [a, b], any: [c, d], none: [] },
      { all: [b], any: [a, c], none: [d] },
    ];
    for (const tagsExpr of expressions) {
      const got = await listAll({
        tenantId: brand.tenant.id,
        scope: { kind: 'brand' },
        limit: 7,
        tags: tagsExpr,
      });
      expect(got.sort(), JSON.stringify(tagsExpr)).toEqual(expected(tagsExpr));
    }
    expect(expected({ all: [a, b] }).length).toBeGreaterThan(0);
    expect(expected({ none: [a, b, c, d] }).length).toBeGreaterThan(0);
  });

  it('applies the filter through the API with comma-separated tags, store scope, stage and joined dates', async () => {
    const api = createTestClient(h.app);
    const [a, b, , d] = tagIds as [string, string, string, string];
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    const query = `tagsAny=${a},${b}&tagsNone=${d}&stage=core&joinedFrom=2025-01-10&joinedTo=2025-02-20T00:00:00Z&limit=200`;
    const res = await api.get<{ items: { id: string; stage: string; createdAt: string }[] }>(
      `/api/v1/members?${query}`,
      guide.headers,
    );
    expect(res.status).toBe(200);
    const want = expected({ any: [a, b], none: [d] }).filter((id) => {
      const meta = memberMeta.get(id)!;
      const joined = meta.createdAt.toISOString();
      return (
        memberStore.get(id) === brand.store.id &&
        meta.stage === 'core' &&
        joined >= '2025-01-10' &&
        joined < '2025-02-20'
      );
    });
    expect(want.length).toBeGreaterThan(0);
    expect(res.body.items.map((m) => m.id).sort()).toEqual(want);

    const other = await createBrand(h.deps);
    const [theirs] = await h.deps.db
      .insert(tags)
      .values({ tenantId: other.tenant.id, name: 'x' })
      .returning();
    const foreign = await api.get<{ error: { details: { message: string }[] } }>(
      `/api/v1/members?tagsAll=${theirs!.id}`,
      brand.owner.headers,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0]!.message).toBe(`unknown tag ${theirs!.id}`);
    expect((await api.get('/api/v1/members?tagsAll=nope', brand.owner.headers)).status).toBe(400);
    expect((await api.get('/api/v1/members?stage=sleepy', brand.owner.headers)).status).toBe(400);
  });
});
