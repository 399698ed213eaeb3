import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelCodeArrivals, members } from '../db/schema/index.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { type AcquisitionSetup, createWorker, setUpAcquisition } from './acquisition.fixtures.ts';

type Guide = { staffId: string; accountId: string };
type Message = { kind: string; text: string | null };

/** Each strategy and limit on its own, through the code's public link as customers open it. */
describe('staff assignment strategies and code limits', () => {
  let h: Harness;
  let acq: AcquisitionSetup;
  let worker: ReturnType<typeof createWorker>;
  let a: Guide;
  let b: Guide;
  let c: Guide;
  let backup: Guide;

  const staffCode = (target: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    acq.createCode({ target: { kind: 'staff', ...target }, ...extra });
  const team = (...guides: Guide[]) => guides.map((g) => ({ staffId: g.staffId }));
  /** Open the public link (as a scan) and say whose account it leads to. */
  const scan = async (code: { link: string }): Promise<string> => {
    const res = await h.app.request(new URL(code.link).pathname);
    expect(res.status).toBe(302);
    const links = await acq.get('/api/v1/sandbox/links');
    return links.body.items.find((l: { url: string }) => l.url === res.headers.get('location')).staffIds[0];
  };
  const nameOf = (accountId: string) =>
    ({ [a.accountId]: 'a', [b.accountId]: 'b', [c.accountId]: 'c', [backup.accountId]: 'backup' })[accountId];
  const arrive = async (name: string, code: { link: string }) => {
    const { memberId, opened } = await acq.arrive(name, code.link);
    expect(opened.status).toBe(200);
    await worker.run();
    return { memberId, staff: nameOf(opened.body.addedStaff.staffId) };
  };
  const welcomeOf = async (memberId: string) =>
    (await acq.get(`/api/v1/sandbox/members/${memberId}/messages`)).body.items
      .filter((m: Message) => m.kind === 'welcome')
      .map((m: Message) => m.text);

  beforeAll(async () => {
    h = await createHarness();
    acq = await setUpAcquisition(h);
    worker = createWorker(h);
    [a, b, c, backup] = [
      await acq.addGuide('A'),
      await acq.addGuide('B'),
      await acq.addGuide('C'),
      await acq.addGuide('Backup'),
    ];
    await acq.api('PATCH', '/api/v1/welcome-settings', { private: { text: 'Brand welcome, {nickname}' } });
  });
  afterAll(() => h.close());

  it('round robin takes the staff in turn', async () => {
    const code = await staffCode({ strategy: 'round_robin', staff: team(a, b, c) });
    const order = [];
    for (let i = 0; i < 5; i++) order.push(nameOf(await scan(code)));
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b']);
  });

  it('least loaded takes whoever owns the fewest members, counting places held by recent scans', async () => {
    await h.deps.db.insert(members).values([
      { tenantId: acq.tenantId, name: 'Owned 1', ownerStaffId: a.staffId },
      { tenantId: acq.tenantId, name: 'Owned 2', ownerStaffId: a.staffId },
      { tenantId: acq.tenantId, name: 'Owned 3', ownerStaffId: b.staffId },
    ]);
    const code = await staffCode({ strategy: 'least_loaded', staff: team(a, b, c) });
    const order = [];
    for (let i = 0; i < 3; i++) order.push(nameOf(await scan(code)));
    // c owns none; then b and c hold one each (b by ownership, c by the scan), b has fewer today; then c.
    expect(order).toEqual(['c', 'b', 'c']);
  });

  it('schedule: the window on duty (brand time zone, Asia/Shanghai) decides, outside it the backup', async () => {
    const code = await staffCode({
      strategy: 'schedule',
      staff: team(a, b, c),
      backupStaffIds: [backup.staffId],
      schedule: [
        { weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '18:00', staffIds: [a.staffId, b.staffId] },
        { weekdays: [6, 7], from: '10:00', to: '16:00', staffIds: [c.staffId] },
      ],
    });
    const at = async (iso: string) => {
      h.clock.now = new Date(iso);
      await acq.renewSession();
      return nameOf(await scan(code));
    };
    // Monday 2031-03-03 10:00 in Shanghai is 02:00 UTC.
    expect(await at('2031-03-03T02:00:00Z')).toBe('a');
    expect(await at('2031-03-03T02:01:00Z')).toBe('b');
    expect(await at('2031-03-03T12:00:00Z')).toBe('backup'); // 20:00 local
    expect(await at('2031-03-08T03:00:00Z')).toBe('c'); // Saturday 11:00 local
    expect(await at('2031-03-08T09:00:00Z')).toBe('backup'); // Saturday 17:00 local
  });

  it('a daily cap hands over to the backup and starts again the next local day', async () => {
    h.clock.now = new Date('2031-04-01T02:00:00Z');
    await acq.renewSession();
    const code = await staffCode({
      strategy: 'round_robin',
      staff: [{ staffId: a.staffId, dailyCap: 1 }],
      backupStaffIds: [backup.staffId],
    });
    expect((await arrive('Early bird', code)).staff).toBe('a');
    expect((await arrive('Second', code)).staff).toBe('backup');
    h.clock.now = new Date('2031-04-01T16:30:00Z'); // 00:30 on 2 April in Shanghai
    await acq.renewSession();
    expect((await arrive('Next day', code)).staff).toBe('a');
  });

  it('an expired code sends scans to its backup and its late arrivals get the brand welcome', async () => {
    const expiresAt = new Date(h.clock.now.getTime() + 3_600_000).toISOString();
    const code = await staffCode(
      { strategy: 'round_robin', staff: team(a), backupStaffIds: [backup.staffId] },
      { expiresAt, welcome: { text: 'Code offer for {nickname}' }, tagNames: ['promo'] },
    );
    const before = await arrive('In time', code);
    expect(before.staff).toBe('a');
    expect(await welcomeOf(before.memberId)).toEqual(['Code offer for In time']);
    h.clock.advance(2 * 3_600_000);
    await acq.renewSession();
    expect((await acq.get(`/api/v1/channel-codes/${code.id}`)).body.status).toBe('expired');
    const late = await arrive('Too late', code);
    expect(late.staff).toBe('backup');
    expect(await welcomeOf(late.memberId)).toEqual(['Brand welcome, Too late']);
    const memberId = await acq.orchardMemberOf(late.memberId);
    const [arrival] = await h.deps.db
      .select()
      .from(channelCodeArrivals)
      .where(eq(channelCodeArrivals.memberId, memberId));
    expect(arrival).toMatchObject({ codeId: code.id, isCodeOpen: false, staffId: backup.staffId });
    const detail = await acq.get(`/api/v1/members/${memberId}`);
    expect(detail.body.tags.map((t: { name: string }) => t.name)).toEqual(['promo']);
  });

  it('a code at its total cap has ended: no backup means 410, and a member still arriving is attributed', async () => {
    const code = await staffCode(
      { strategy: 'round_robin', staff: team(a, b) },
      { totalCap: 2, welcome: { text: 'Limited offer' } },
    );
    await arrive('One', code);
    // A scan made before the cap was reached, opened on the platform after it was.
    const res = await h.app.request(new URL(code.link).pathname);
    const heldLink = res.headers.get('location')!;
    await arrive('Two', code);
    expect((await acq.get(`/api/v1/channel-codes/${code.id}`)).body).toMatchObject({
      status: 'full',
      arrivalCount: 2,
    });
    expect((await h.app.request(new URL(code.link).pathname)).status).toBe(410);
    const refused = await acq.arrive('Three', code.link);
    expect(refused.opened.status).toBe(409);
    const { memberId, opened } = await acq.arrive('Four', heldLink);
    expect(opened.status).toBe(200);
    await worker.run();
    expect(await welcomeOf(memberId)).toEqual(['Brand welcome, Four']);
    const stats = await acq.get(`/api/v1/channel-codes/${code.id}/stats`);
    expect(stats.body.totals).toMatchObject({ arrivals: 3, newMembers: 3 });
  });
});
