import type { PlatformEvent } from '../platforms/platform.ts';
import type { ContactSnapshot, GroupSnapshot } from '../platforms/platform-operations.ts';

/**
 * Platform sync, pure rules: what a snapshot read back from the platform means for Orchard, as the events
 * the platform would have sent. Events read back carry `sync:` external ids derived from the platform's
 * own facts (join time, add time), so reading the same state twice stores nothing new.
 */

export type ActiveMember = { externalId: string; joinedAt: Date | null };

/**
 * A group as the platform shows it against the members Orchard has in it: the group itself (created on
 * first sight, with its real name), joins Orchard missed, and departures it missed. Staff are not members.
 */
export const diffGroup = (
  snapshot: GroupSnapshot,
  active: ActiveMember[],
  options: { now: Date; leaveReason: 'left' | 'removed' },
): PlatformEvent[] => {
  const chatId = snapshot.groupExternalId;
  if (snapshot.status === 'dismissed') {
    return [
      {
        type: 'group.dismissed',
        externalId: `sync:dismissed:${chatId}`,
        occurredAt: options.now,
        groupExternalId: chatId,
      },
    ];
  }
  const events: PlatformEvent[] = [
    {
      type: 'group.created',
      externalId: `sync:group:${chatId}`,
      occurredAt: snapshot.createdAt,
      groupExternalId: chatId,
      name: snapshot.name || chatId,
      ownerExternalId: snapshot.ownerExternalId,
    },
  ];
  const customers = snapshot.members.filter((m) => !m.isStaff);
  const known = new Set(active.map((m) => m.externalId));
  for (const m of customers) {
    if (known.has(m.externalId)) continue;
    events.push({
      type: 'member.joined_group',
      externalId: `sync:join:${chatId}:${m.externalId}:${m.joinedAt.getTime()}`,
      occurredAt: m.joinedAt,
      member: { externalId: m.externalId, ...(m.name ? { name: m.name } : {}) },
      groupExternalId: chatId,
      entryState: m.entryState,
      via: m.via,
      inviterExternalId: m.inviterExternalId,
    });
  }
  const present = new Set(customers.map((m) => m.externalId));
  for (const m of active) {
    if (present.has(m.externalId)) continue;
    events.push({
      type: 'member.left_group',
      externalId: `sync:leave:${chatId}:${m.externalId}:${m.joinedAt?.getTime() ?? 0}`,
      occurredAt: options.now,
      member: { externalId: m.externalId },
      groupExternalId: chatId,
      reason: options.leaveReason,
    });
  }
  return events;
};

/** A customer's relations read back (an import): each as the add event the platform sent back then. */
export const contactEventsOf = (contact: ContactSnapshot): PlatformEvent[] =>
  contact.relations.map((r) => ({
    type: 'member.added_staff',
    externalId: `sync:contact:${r.staffExternalId}:${contact.externalId}:${r.addedAt.getTime()}`,
    occurredAt: r.addedAt,
    member: { externalId: contact.externalId, ...(contact.name ? { name: contact.name } : {}) },
    staffExternalId: r.staffExternalId,
    entryState: r.entryState,
  }));

/** A request's key: the thing it is about, '' for the whole account. */
export const syncKeyOf = (event: Extract<PlatformEvent, { type: 'platform.changed' }>): string => {
  if (event.scope === 'group') return event.groupExternalId ?? '';
  if (event.scope === 'contact') return event.memberExternalId ?? '';
  return '';
};

/** The platform tags a member should carry, from the relations (each staff member tags separately). */
export const platformTagIdsOf = (contact: ContactSnapshot): string[] => [
  ...new Set(contact.relations.flatMap((r) => r.platformTagIds)),
];

/** Tags to add and remove so that `current` becomes `wanted`. */
export const diffSets = (current: Iterable<string>, wanted: Iterable<string>) => {
  const has = new Set(current);
  const want = new Set(wanted);
  return { add: [...want].filter((t) => !has.has(t)), remove: [...has].filter((t) => !want.has(t)) };
};
