import { describe, expect, it } from 'vitest';
import type { GroupSnapshot } from '../platforms/platform-operations.ts';
import { contactEventsOf, diffGroup, diffSets, platformTagIdsOf, syncKeyOf } from './platform-sync.ts';

const now = new Date('2030-06-01T00:00:00Z');
const joined = new Date('2030-05-30T10:00:00Z');

const group = (members: GroupSnapshot['members']): GroupSnapshot => ({
  groupExternalId: 'wrChat',
  name: 'Happy Moms A',
  ownerExternalId: 'zhangsan',
  createdAt: new Date('2030-05-01T00:00:00Z'),
  status: 'active',
  members,
});

describe('reading a group back', () => {
  it('creates the group with its real name, adds missed joins with their entry state, skips staff', () => {
    const events = diffGroup(
      group([
        { externalId: 'zhangsan', isStaff: true, joinedAt: joined, via: 'invited' },
        {
          externalId: 'wmA',
          name: 'Wang',
          isStaff: false,
          joinedAt: joined,
          via: 'link',
          entryState: 'poster-3',
        },
        { externalId: 'wmB', isStaff: false, joinedAt: joined, via: 'invited' },
      ]),
      [{ externalId: 'wmB', joinedAt: joined }],
      { now, leaveReason: 'left' },
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'group.created',
        externalId: 'sync:group:wrChat',
        name: 'Happy Moms A',
        ownerExternalId: 'zhangsan',
      }),
      {
        type: 'member.joined_group',
        externalId: `sync:join:wrChat:wmA:${joined.getTime()}`,
        occurredAt: joined,
        member: { externalId: 'wmA', name: 'Wang' },
        groupExternalId: 'wrChat',
        entryState: 'poster-3',
        via: 'link',
        inviterExternalId: undefined,
      },
    ]);
  });

  it('reports members Orchard has that the platform no longer lists as gone, with the callback’s reason', () => {
    const events = diffGroup(group([]), [{ externalId: 'wmC', joinedAt: joined }], {
      now,
      leaveReason: 'removed',
    });
    expect(events.at(-1)).toEqual({
      type: 'member.left_group',
      externalId: `sync:leave:wrChat:wmC:${joined.getTime()}`,
      occurredAt: now,
      member: { externalId: 'wmC' },
      groupExternalId: 'wrChat',
      reason: 'removed',
    });
  });

  it('turns a dismissed group into group.dismissed only', () => {
    expect(
      diffGroup({ ...group([]), status: 'dismissed' }, [{ externalId: 'wmC', joinedAt: null }], {
        now,
        leaveReason: 'left',
      }),
    ).toEqual([
      {
        type: 'group.dismissed',
        externalId: 'sync:dismissed:wrChat',
        occurredAt: now,
        groupExternalId: 'wrChat',
      },
    ]);
  });
});

describe('reading customers back', () => {
  const contact = {
    externalId: 'wmA',
    name: 'Wang',
    relations: [
      { staffExternalId: 'zhangsan', addedAt: joined, entryState: 'flyer', platformTagIds: ['t1', 't2'] },
      { staffExternalId: 'lisi', addedAt: now, platformTagIds: ['t2', 't3'] },
    ],
  };

  it('gives each relation the add event it once was, keyed by when it began', () => {
    expect(contactEventsOf(contact)).toEqual([
      expect.objectContaining({
        type: 'member.added_staff',
        externalId: `sync:contact:zhangsan:wmA:${joined.getTime()}`,
        member: { externalId: 'wmA', name: 'Wang' },
        staffExternalId: 'zhangsan',
        entryState: 'flyer',
      }),
      expect.objectContaining({ staffExternalId: 'lisi', entryState: undefined }),
    ]);
    expect(platformTagIdsOf(contact)).toEqual(['t1', 't2', 't3']);
  });

  it('keys requests by what they are about and diffs tag sets', () => {
    const base = { type: 'platform.changed' as const, externalId: 'x', occurredAt: now };
    expect(syncKeyOf({ ...base, scope: 'group', groupExternalId: 'g' })).toBe('g');
    expect(syncKeyOf({ ...base, scope: 'contact', memberExternalId: 'wmA' })).toBe('wmA');
    expect(syncKeyOf({ ...base, scope: 'tags' })).toBe('');
    expect(diffSets(['a', 'b'], ['b', 'c'])).toEqual({ add: ['c'], remove: ['a'] });
  });
});
