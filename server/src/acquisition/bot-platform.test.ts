import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { members, outboundMessages } from '../db/schema/index.ts';
import { featureHandlers } from '../pipeline/handlers.ts';
import { ingestEvents } from '../pipeline/ingest.ts';
import type { Arrival, Middleware } from '../pipeline/middleware.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import type { MemoryAdapter } from '../platforms/memory/memory-adapter.ts';
import { createMemoryPlatform, type MemoryPlatform } from '../platforms/memory/memory-platform.ts';
import type { PlatformEvent } from '../platforms/platform.ts';
import { createBrand, createStaffWithToken } from '../testing/fixtures.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { createChannelCode } from './create-channel-code.ts';
import { openChannelCode } from './open-code-link.ts';

/**
 * A platform where members talk to one bot (Telegram: `t.me/<bot>?start=<state>`): the code has one link, and
 * Orchard assigns staff when the member arrives. The code is made the way another feature (fission) makes its
 * personal invite codes: through the use case, with a purpose and a referrer.
 */
describe('channel codes on a bot platform, created by another feature', () => {
  let h: Harness;
  let memory: MemoryPlatform;
  let adapter: MemoryAdapter;
  let accountId: string;
  let tenantId: string;
  const arrivals: Arrival[] = [];
  const recordArrival: Middleware = async (ctx, next) => {
    if (ctx.arrival) arrivals.push(ctx.arrival);
    await next();
  };

  beforeAll(async () => {
    h = await createHarness();
    const brand = await createBrand(h.deps);
    tenantId = brand.tenant.id;
    memory = createMemoryPlatform(h.deps);
    const added = await memory.addAccount(tenantId, {
      capabilities: {
        welcome: { mode: 'message' },
        entryLinks: {
          contact: true,
          group: true,
          autoCreateGroup: false,
          maxStateLength: 64,
          contactVia: 'bot',
          maxGroupsPerLink: 1,
        },
      },
    });
    adapter = added.adapter;
    accountId = added.account.id;
  });
  afterAll(() => h.close());

  it('one bot link for every scan; staff assigned round robin on arrival; ctx.arrival tells later handlers', async () => {
    const [a, b] = [
      await createStaffWithToken(h.deps, { tenantId, role: 'guide', name: 'A' }),
      await createStaffWithToken(h.deps, { tenantId, role: 'guide', name: 'B' }),
    ];
    const [referrer] = await h.deps.db.insert(members).values({ tenantId, name: 'Inviter' }).returning();
    const code = await createChannelCode(memory.deps, {
      tenantId,
      scope: { kind: 'brand' },
      purpose: 'invite',
      referrerMemberId: referrer!.id,
      input: {
        name: "Inviter's personal link",
        source: 'custom',
        platformAccountId: accountId,
        target: {
          kind: 'staff',
          strategy: 'round_robin',
          staff: [{ staffId: a.staff.id }, { staffId: b.staff.id }],
        },
        welcome: { text: 'Welcome {nickname}, {staff} will look after you' },
      },
    });
    const first = await openChannelCode(memory.deps, { token: code.token });
    const second = await openChannelCode(memory.deps, { token: code.token });
    expect(first).toMatchObject({ outcome: 'redirect', url: 'memory://link/mem-1' });
    expect(second).toMatchObject({ outcome: 'redirect', url: 'memory://link/mem-1' });
    expect(adapter.calls.filter((c) => c.method === 'createEntryLink')).toEqual([
      {
        method: 'createEntryLink',
        spec: { kind: 'contact', state: code.state, staffExternalIds: [] },
        externalId: 'mem-1',
      },
    ]);

    const start = (n: number): PlatformEvent => ({
      type: 'member.added_staff',
      externalId: `start-${n}`,
      occurredAt: h.clock.now,
      member: { externalId: `tg-${n}`, name: `Telegram ${n}` },
      staffExternalId: 'the-bot',
      entryState: code.state,
    });
    await ingestEvents(h.deps.db, { tenantId, platformAccountId: accountId }, [start(1), start(2), start(3)]);
    await processPendingEvents(memory.deps, { handlers: [...featureHandlers, recordArrival] });

    const owners = await h.deps.db
      .select({ name: members.name, owner: members.ownerStaffId })
      .from(members)
      .where(eq(members.tenantId, tenantId))
      .orderBy(asc(members.name));
    expect(owners.filter((m) => m.name.startsWith('Telegram')).map((m) => m.owner)).toEqual([
      a.staff.id,
      b.staff.id,
      a.staff.id,
    ]);
    expect(arrivals).toHaveLength(3);
    expect(arrivals[0]).toEqual({
      kind: 'contact',
      channelCodeId: code.id,
      isFirstTouch: true,
      isNewMember: true,
      isCodeOpen: true,
      staffId: a.staff.id,
      communityId: null,
      purpose: 'invite',
      referrerMemberId: referrer!.id,
    });
    const welcomes = await h.deps.db
      .select({ payload: outboundMessages.payload })
      .from(outboundMessages)
      .where(eq(outboundMessages.platformAccountId, accountId))
      .orderBy(asc(outboundMessages.id));
    expect(welcomes.map((w) => (w.payload as { content: { text: string } }).content.text)).toEqual([
      'Welcome Telegram 1, A will look after you',
      'Welcome Telegram 2, B will look after you',
      'Welcome Telegram 3, A will look after you',
    ]);
    expect(welcomes.every((w) => !('welcomeToken' in w.payload) && !('notAfter' in w.payload))).toBe(true);
  });
});
