import { recordMemberEvents } from '../../timeline/record-member-event.ts';
import type { RewardTx } from '../reward-tx.ts';
import { findMemberChat } from '../reward-tx.ts';
import { renderTemplate } from '../settings/loyalty-settings.ts';
import type { BrandLoyalty } from '../settings/settings.store.ts';
import { type LevelRow, setMemberLevel } from './levels.store.ts';
import { decideLevelChange, type LevelChange, type LevelStanding, levelValueOf } from './levels.ts';

/**
 * After a member's standing changed, move them to the level it reaches: recorded on their timeline and, when
 * the brand wants it, announced in their private chat (upgrades only: nobody is told they went down).
 * `cause` names what changed the standing (a ledger entry), keying the timeline entry and the message.
 */
export const settleMemberLevel = async (
  rt: RewardTx,
  input: {
    memberId: string;
    standing: LevelStanding;
    levels: readonly LevelRow[];
    currentLevelId: string | null;
    brand: BrandLoyalty;
    cause: string;
  },
): Promise<LevelChange | null> => {
  const { memberId, brand } = input;
  if (input.levels.length === 0 && input.currentLevelId === null) return null;
  const change = decideLevelChange(
    input.levels,
    input.currentLevelId,
    levelValueOf(brand.rules.levels.basis, input.standing),
  );
  if (!change) return null;
  await setMemberLevel(rt.tx, { tenantId: rt.tenantId, memberId, levelId: change.to?.id ?? null });
  await recordMemberEvents(rt.tx, [
    {
      tenantId: rt.tenantId,
      memberId,
      type: 'level.changed',
      occurredAt: rt.now,
      data: { ...change, cause: input.cause },
      sourceEventId: rt.sourceEventId ?? null,
      discriminator: input.cause,
    },
  ]);
  if (brand.rules.levels.isAnnounced && change.direction === 'up' && change.to) {
    const chat = await findMemberChat(rt.tx, rt.tenantId, memberId);
    if (chat) {
      await rt.enqueue({
        key: `level:${memberId}:${input.cause}`,
        platformAccountId: chat.platformAccountId,
        message: {
          kind: 'send',
          payload: {
            target: chat.target,
            content: {
              text: renderTemplate(brand.rules.levels.template, { name: chat.name, level: change.to.name }),
            },
          },
        },
      });
    }
  }
  return change;
};
