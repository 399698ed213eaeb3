import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  communities,
  communityMembers,
  memberEvents,
  memberIdentities,
  members,
  memberTags,
  platformTags,
  staffTasks,
  tags,
} from '../db/schema/index.ts';
import { processPendingEvents } from '../pipeline/process-events.ts';
import { callApi } from '../platforms/sandbox/sandbox.fixtures.ts';
import { closeWecomHarness, openWecomHarness, type WecomSetup } from '../platforms/wecom/wecom.fixtures.ts';
import { tagMembers } from '../tags/tag-members.ts';
import type { Harness } from '../testing/harness.ts';
import { findDueSyncRequests, markSyncDone, requestPlatformSync } from './platform-sync.store.ts';
import { runSyncRequest } from './run-sync-request.ts';

const CHAT = 'wrOgQhDgAAHappyMomsA000000001';
const WANG = 'wmWangFang000000000000000000001';
const LI = 'wmLiNa00000000000000000000000001';
const ZHAO = 'wmZhaoLei0000000000000000000001';

describe('platform sync against the fake WeCom: groups, customers and tags read back (and tags written)', () => {
  let h: Harness;
  let wc: WecomSetup;
  beforeAll(async () => {
    ({ h, wc } = await openWecomHarness({ staff: ['zhangsan'] }));
  });
  afterAll(() => closeWecomHarness({ h, wc }));

  /** Run the worker's part until nothing is left: events, then the sync requests they recorded. */
  const settle = async () => {
    for (let round = 0; round < 10; round++) {
      const processed = await processPendingEvents(h.deps);
      const due = await findDueSyncRequests(h.deps.db, h.deps.now());
      for (const row of due) expect(await runSyncRequest(h.deps, row)).toBe('done');
      if (processed.claimed === 0 && due.length === 0) return;
    }
    throw new Error('the pipeline did not settle');
  };
  const memberOf = async (externalId: string) => {
    const [row] = await h.deps.db
      .select({ id: members.id, name: members.name })
      .from(memberIdentities)
      .innerJoin(members, eq(members.id, memberIdentities.memberId))
      .where(
        and(
          eq(memberIdentities.platformAccountId, wc.accountId),
          eq(memberIdentities.externalId, externalId),
        ),
      );
    return row;
  };
  const membershipOf = async (externalId: string) => {
    const member = await memberOf(externalId);
    const [row] = await h.deps.db
      .select({
        via: communityMembers.via,
        entryState: communityMembers.entryState,
        leftReason: communityMembers.leftReason,
        name: communities.name,
      })
      .from(communityMembers)
      .innerJoin(communities, eq(communities.id, communityMembers.communityId))
      .where(and(eq(communityMembers.memberId, member!.id), eq(communities.externalId, CHAT)));
    return row;
  };

  it('learns a new group’s name, QR-code joins with their join-way state, listed joins at once, unlisted leaves', async () => {
    expect(
      (
        await wc.deliver(
          wc.fake.people.createGroup({ chatId: CHAT, name: 'Happy Moms A', owner: 'zhangsan' }),
        )
      ).status,
    ).toBe(200);
    await settle();
    const [community] = await h.deps.db.select().from(communities).where(eq(communities.externalId, CHAT));
    expect(community).toMatchObject({ name: 'Happy Moms A', memberCount: 0, tenantId: wc.tenantId });

    const adapter = await h.deps.platforms.adapterFor(wc.tenantId, wc.accountId);
    const link = await adapter.createEntryLink!({
      kind: 'group',
      state: 'poster-3',
      groupExternalIds: [CHAT],
      autoCreateGroup: { nameTemplate: 'Happy Moms' },
    });
    expect(wc.fake.state.joinWays).toEqual([
      expect.objectContaining({ configId: link.externalId, autoCreateRoom: true, chatIds: [CHAT] }),
    ]);
    await wc.deliver(
      wc.fake.people.customersJoinGroup({
        chatId: CHAT,
        customers: [{ externalUserId: WANG, name: 'Wang Fang' }],
        joinScene: 3,
        state: 'poster-3',
        hasList: true,
      }),
    );
    await settle();
    expect(await membershipOf(WANG)).toMatchObject({ via: 'link', entryState: 'poster-3' });
    expect((await memberOf(WANG))?.name).toBe('Wang Fang');

    const before = wc.fake.callsTo('externalcontact/groupchat/get');
    await wc.deliver(
      wc.fake.people.customersJoinGroup({
        chatId: CHAT,
        customers: [{ externalUserId: LI }, { externalUserId: ZHAO }],
        joinScene: 0,
        hasList: true,
      }),
    );
    await settle();
    expect(wc.fake.callsTo('externalcontact/groupchat/get')).toBe(before);
    expect(await membershipOf(LI)).toMatchObject({ via: 'invited' });

    await wc.deliver(
      wc.fake.people.customersLeaveGroup({
        chatId: CHAT,
        externalUserIds: [ZHAO],
        quitScene: 1,
        hasList: false,
      }),
    );
    await settle();
    expect(await membershipOf(ZHAO)).toMatchObject({ leftReason: 'removed' });
    const [after] = await h.deps.db.select().from(communities).where(eq(communities.externalId, CHAT));
    expect(after?.memberCount).toBe(2);
  });

  it('reads a new customer’s name and corp tags back, and drops a tag the staff member took off', async () => {
    wc.fake.state.tagGroups.push({
      groupId: 'etgLevel',
      name: 'Level',
      tags: [{ id: 'etVip', name: 'VIP' }],
    });
    const { delivery } = wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmChenJing0000000000000000001',
      name: 'Chen Jing',
    });
    wc.fake.state.contacts.get('wmChenJing0000000000000000001')!.follows.get('zhangsan')!.tagIds.add('etVip');
    await wc.deliver(delivery);
    await settle();
    const chen = await memberOf('wmChenJing0000000000000000001');
    expect(chen?.name).toBe('Chen Jing');
    const tagged = await h.deps.db
      .select({ name: tags.name, source: memberTags.source })
      .from(memberTags)
      .innerJoin(tags, eq(tags.id, memberTags.tagId))
      .where(eq(memberTags.memberId, chen!.id));
    expect(tagged).toEqual([{ name: 'VIP', source: 'platform_sync' }]);

    wc.fake.state.contacts
      .get('wmChenJing0000000000000000001')!
      .follows.get('zhangsan')!
      .tagIds.delete('etVip');
    h.clock.advance(1_000);
    await wc.deliver(
      wc.fake.people.contactChanged({
        userid: 'zhangsan',
        externalUserId: 'wmChenJing0000000000000000001',
        changeType: 'edit_external_contact',
      }),
    );
    await settle();
    expect(await h.deps.db.select().from(memberTags).where(eq(memberTags.memberId, chen!.id))).toEqual([]);
  });

  it('writes an Orchard tag to WeCom: creates the corp tag once and marks it on the customer', async () => {
    const chen = await memberOf('wmChenJing0000000000000000001');
    const pushTagsOf = async (memberId: string) => {
      const base = { tenantId: wc.tenantId, platformAccountId: wc.accountId, now: h.deps.now() };
      await requestPlatformSync(h.deps.db, { ...base, scope: 'member_tags', key: memberId });
      await settle();
    };
    const [tag] = await h.deps.db
      .insert(tags)
      .values({ tenantId: wc.tenantId, name: 'Coupon lover' })
      .returning();
    await tagMembers(h.deps.db, {
      tenantId: wc.tenantId,
      memberIds: [chen!.id],
      tagIds: [tag!.id],
      source: 'manual',
      occurredAt: h.deps.now(),
    });
    await pushTagsOf(chen!.id);
    const orchardGroup = wc.fake.state.tagGroups.find((g) => g.name === 'Orchard');
    const created = orchardGroup?.tags.find((t) => t.name === 'Coupon lover');
    expect(created).toBeDefined();
    expect([
      ...wc.fake.state.contacts.get('wmChenJing0000000000000000001')!.follows.get('zhangsan')!.tagIds,
    ]).toEqual([created!.id]);
    expect(
      await h.deps.db
        .select({ tagId: platformTags.tagId })
        .from(platformTags)
        .where(eq(platformTags.externalId, created!.id)),
    ).toEqual([{ tagId: tag!.id }]);
    // Pushing again changes nothing on WeCom.
    const marks = wc.fake.callsTo('externalcontact/mark_tag');
    await pushTagsOf(chen!.id);
    expect(wc.fake.callsTo('externalcontact/mark_tag')).toBe(marks);
    expect(wc.fake.callsTo('externalcontact/add_corp_tag')).toBe(1);
  });

  it('imports the customers and groups WeCom had before Orchard was connected, through the API', async () => {
    wc.fake.people.customerAddsStaff({
      userid: 'zhangsan',
      externalUserId: 'wmOldCustomer00000000000000001',
      name: 'Old Friend',
      state: 'opening-day',
    });
    wc.fake.people.createGroup({
      chatId: 'wrOldGroup000000000000000000001',
      name: 'VIP Club',
      owner: 'zhangsan',
    });
    for (const scope of ['contacts', 'groups']) {
      const res = await callApi(h, wc.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/sync`, {
        scope,
      });
      expect(res).toMatchObject({ status: 202, body: { scope, status: 'requested' } });
    }
    expect(
      (
        await callApi(h, wc.headers, 'POST', `/api/v1/platform-accounts/${wc.accountId}/sync`, {
          scope: 'all',
        })
      ).status,
    ).toBe(400);
    await settle();
    const old = await memberOf('wmOldCustomer00000000000000001');
    expect(old?.name).toBe('Old Friend');
    const [added] = await h.deps.db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.memberId, old!.id), eq(memberEvents.type, 'staff.added')));
    expect(added?.data).toMatchObject({ entryState: 'opening-day', staffExternalId: 'zhangsan' });
    const [club] = await h.deps.db
      .select()
      .from(communities)
      .where(eq(communities.externalId, 'wrOldGroup000000000000000000001'));
    expect(club?.name).toBe('VIP Club');
  });

  it('alerts the staff member when a customer transfer fails', async () => {
    await wc.deliver(
      wc.fake.people.contactChanged({
        userid: 'zhangsan',
        externalUserId: WANG,
        changeType: 'transfer_fail',
        failReason: 'customer_refused',
      }),
    );
    await settle();
    const alerts = await h.deps.db.select().from(staffTasks).where(eq(staffTasks.tenantId, wc.tenantId));
    expect(alerts.find((t) => t.title.includes('customer_refused'))).toMatchObject({
      kind: 'other',
      staffId: wc.brand.owner.staff.id,
    });
  });

  it('keeps a request asked for again while it ran pending for one more run', async () => {
    const base = {
      tenantId: wc.tenantId,
      platformAccountId: wc.accountId,
      scope: 'group' as const,
      key: 'wrAgain',
      now: h.deps.now(),
    };
    await requestPlatformSync(h.deps.db, base);
    const [row] = (await findDueSyncRequests(h.deps.db, h.deps.now())).filter((r) => r.key === 'wrAgain');
    await requestPlatformSync(h.deps.db, { ...base, reason: 'members_joined' });
    await markSyncDone(h.deps.db, row!, h.deps.now());
    const [again] = (await findDueSyncRequests(h.deps.db, h.deps.now())).filter((r) => r.key === 'wrAgain');
    expect(again).toMatchObject({ status: 'pending', reason: 'members_joined', version: row!.version + 1 });
    await markSyncDone(h.deps.db, again!, h.deps.now());
    expect((await findDueSyncRequests(h.deps.db, h.deps.now())).filter((r) => r.key === 'wrAgain')).toEqual(
      [],
    );
  });
});
