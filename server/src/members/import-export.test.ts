import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberEvents, members, memberTags, tags } from '../db/schema/index.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createTestClient } from '../testing/test-client.ts';
import { parseCsv } from './csv.ts';

type Problem = { error: { code: string; message: string; details: { path: string; message: string }[] } };

describe('members CSV import and export', () => {
  let h: Harness;
  let api: ReturnType<typeof createTestClient>;
  let brand: Awaited<ReturnType<typeof createBrand>>;
  const countOf = async (tenantId: string) =>
    (await h.deps.db.select().from(members).where(eq(members.tenantId, tenantId))).length;

  beforeAll(async () => {
    h = await createHarness();
    api = createTestClient(h.app);
    brand = await createBrand(h.deps);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a file with broken rows, naming each row and problem, and writes nothing', async () => {
    const csv = [
      'name,phone,store,tags,external_id',
      `Wang Li,+86 138 0000 0001,${brand.store.code},new;vip,pos-1`,
      ',13800000002,,,',
      'Zhao,not-a-phone,NOPE,,pos-1',
    ].join('\n');
    const res = await api.post<Problem>('/api/v1/members/import', { csv }, brand.owner.headers);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'row 3.name', message: 'required' },
      { path: 'row 4.phone', message: '"not-a-phone" is not a phone number' },
      { path: 'row 4.external_id', message: '"pos-1" repeats row 2' },
    ]);
    const unknownStore = await api.post<Problem>(
      '/api/v1/members/import',
      { csv: `name,store\nZhao,NOPE` },
      brand.owner.headers,
    );
    expect(unknownStore.body.error.details).toEqual([
      { path: 'row 2.store', message: 'unknown store "NOPE"' },
    ]);
    const broken = await api.post<Problem>(
      '/api/v1/members/import',
      { csv: 'name\n"unclosed' },
      brand.owner.headers,
    );
    expect(broken.body.error.details).toEqual([
      { path: 'line 2', message: 'a quoted field is never closed' },
    ]);
    expect(await countOf(brand.tenant.id)).toBe(0);
    expect(await h.deps.db.select().from(tags).where(eq(tags.tenantId, brand.tenant.id))).toEqual([]);
  });

  it('imports text/csv in one go, creating tags, and updates members matched by external_id', async () => {
    const csv = `\uFEFFName,Phone,Store,Tags,External_ID\r\n"Wang, Li",+86 138 0000 0001,${brand.store.code},new;vip,pos-1\r\nZhao,,,vip,\r\n`;
    const res = await h.app.request('/api/v1/members/import', {
      method: 'POST',
      headers: { ...brand.owner.headers, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(await res.json()).toEqual({ created: 2, updated: 0, tagged: 3 });
    const [wang] = await h.deps.db.select().from(members).where(eq(members.externalRef, 'pos-1'));
    expect(wang).toMatchObject({ name: 'Wang, Li', phone: '+86 138 0000 0001', storeId: brand.store.id });
    expect(await h.deps.db.select().from(memberTags).where(eq(memberTags.memberId, wang!.id))).toHaveLength(
      2,
    );
    const timeline = await h.deps.db.select().from(memberEvents).where(eq(memberEvents.memberId, wang!.id));
    expect(timeline.map((e) => e.type).sort()).toEqual(['member.imported', 'tag.added', 'tag.added']);

    const again = await api.post(
      '/api/v1/members/import',
      { csv: 'name,external_id,tags\nWang Li,pos-1,loyal' },
      brand.owner.headers,
    );
    expect(again.body).toEqual({ created: 0, updated: 1, tagged: 1 });
    expect(await countOf(brand.tenant.id)).toBe(2);
  });

  it('lets a guide import only into their store and only with existing tags', async () => {
    const guide = await createStaffWithToken(h.deps, {
      tenantId: brand.tenant.id,
      role: 'guide',
      storeId: brand.store.id,
    });
    const res = await api.post<Problem>(
      '/api/v1/members/import',
      { csv: `name,store,tags\nA,,\nB,${brand.store.code},brand-new` },
      guide.headers,
    );
    expect(res.body.error.details).toEqual([
      { path: 'row 2.store', message: 'required for a store-bound caller' },
      { path: 'row 3.tags', message: 'unknown tag "brand-new"' },
    ]);
  });

  it('exports what it imports: a round trip through another brand gives the same file', async () => {
    const res = await h.app.request('/api/v1/members/export', { headers: brand.owner.headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const first = await res.text();
    const parsed = parseCsv(first);
    expect(parsed.ok && parsed.rows[0]).toEqual([
      'name',
      'phone',
      'store',
      'tags',
      'external_id',
      'id',
      'stage',
      'joined_at',
    ]);
    expect(
      parsed.ok &&
        parsed.rows
          .slice(1)
          .map((r) => r.slice(0, 5))
          .sort(),
    ).toEqual([
      ['Wang Li', '+86 138 0000 0001', brand.store.code, 'loyal;new;vip', 'pos-1'],
      ['Zhao', '', '', 'vip', ''],
    ]);

    const other = await createBrand(h.deps);
    const csv = first.replaceAll(brand.store.code, other.store.code);
    expect((await api.post('/api/v1/members/import', { csv }, other.owner.headers)).status).toBe(200);
    const second = await (
      await h.app.request('/api/v1/members/export', { headers: other.owner.headers })
    ).text();
    const importable = (text: string) => {
      const p = parseCsv(text);
      return p.ok ? p.rows.map((r) => r.slice(0, 5)).sort() : [];
    };
    expect(importable(second)).toEqual(importable(csv));
  });
});
