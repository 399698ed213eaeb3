import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberIdentities, members } from '../db/schema/index.ts';
import { callApi, type SandboxSetup, setUpSandbox } from '../platforms/sandbox/sandbox.fixtures.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

describe('GET /mass-sends: the console’s list of sends and where each stands', () => {
  let h: Harness;
  let sb: SandboxSetup;
  const memberIds: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    sb = await setUpSandbox(h);
    const tenantId = sb.brand.tenant.id;
    for (const externalId of ['sb-ann', 'sb-bo']) {
      const [member] = await h.deps.db.insert(members).values({ tenantId, name: externalId }).returning();
      await h.deps.db
        .insert(memberIdentities)
        .values({ tenantId, memberId: member!.id, platformAccountId: sb.accountId, externalId });
      memberIds.push(member!.id);
    }
  });
  afterAll(() => h.close());

  const plan = async (text: string, ids = memberIds) => {
    const res = await sb.api('POST', '/api/v1/mass-sends', {
      recipients: { kind: 'members', memberIds: ids },
      content: { text },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('lists sends newest first, a page at a time, with recipients counted per status', async () => {
    const first = await plan('Spring sale');
    h.clock.advance(1000);
    const second = await plan('Only Ann', [memberIds[0]!]);
    h.clock.advance(1000);
    const third = await plan('Summer sale');

    const page1 = await callApi(h, sb.headers, 'GET', '/api/v1/mass-sends?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((s: { id: string }) => s.id)).toEqual([third, second]);
    expect(page1.body.items[1]).toMatchObject({
      platformAccountId: sb.accountId,
      recipientKind: 'member',
      recipients: { planned: 1 },
    });
    expect(page1.body.nextCursor).toBe(second);

    const page2 = await callApi(h, sb.headers, 'GET', `/api/v1/mass-sends?limit=2&cursor=${second}`);
    expect(page2.body.items.map((s: { id: string }) => s.id)).toEqual([first]);
    expect(page2.body.items[0].recipients).toEqual({ planned: 2 });
    expect(page2.body.nextCursor).toBeNull();

    // The single view counts the same way.
    const one = await callApi(h, sb.headers, 'GET', `/api/v1/mass-sends/${first}`);
    expect(one.body.recipients).toEqual({ planned: 2 });
  });

  it('shows another brand none of them, refuses a guide, and names a bad cursor', async () => {
    const other = await createBrand(h.deps);
    const theirs = await callApi(h, other.owner.headers, 'GET', '/api/v1/mass-sends');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);

    const guide = await createStaffWithToken(h.deps, {
      tenantId: sb.brand.tenant.id,
      role: 'guide',
      storeId: sb.brand.store.id,
    });
    expect((await callApi(h, guide.headers, 'GET', '/api/v1/mass-sends')).status).toBe(403);

    const bad = await callApi(h, sb.headers, 'GET', '/api/v1/mass-sends?cursor=nope');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('cursor');
  });
});
