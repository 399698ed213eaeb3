import type { Capabilities } from '../platforms/platform.ts';
import type { ModerationActionType, ModerationSettings } from './settings.ts';

/** Pure escalation rules: what to do about a member's n-th offence on a platform with these capabilities. */

export type ActionDecision = { type: ModerationActionType } | { type: 'alert'; wanted: ModerationActionType };

export const canPerform = (type: ModerationActionType, capabilities: Capabilities): boolean =>
  type === 'warn' ? capabilities.canSendDirect : capabilities.moderation[type];

/** The ladder's step for this offence number (past the end: the last step); 'alert' when the platform can't. */
export const decideAction = (input: {
  offenceCount: number;
  ladder: readonly ModerationActionType[];
  capabilities: Capabilities;
}): ActionDecision => {
  const index = Math.min(Math.max(input.offenceCount, 1), input.ladder.length) - 1;
  const wanted = input.ladder[index] ?? 'warn';
  return canPerform(wanted, input.capabilities) ? { type: wanted } : { type: 'alert', wanted };
};

export type ModerationPlan = {
  /** Done through the platform, in this order (the message goes before its author). */
  actions: ModerationActionType[];
  /** Wanted but not allowed by the platform: staff are alerted with the evidence. */
  alerted: ModerationActionType[];
};

const order: ModerationActionType[] = ['delete', 'warn', 'mute', 'remove', 'ban'];

/** The ladder's decision plus deleting the offending message, each split into doable and for-staff. */
export const planModeration = (input: {
  offenceCount: number;
  settings: Pick<ModerationSettings, 'ladder' | 'deleteOffendingMessage'>;
  capabilities: Capabilities;
}): ModerationPlan => {
  const decision = decideAction({ ...input, ladder: input.settings.ladder });
  const wanted = new Set<ModerationActionType>([decision.type === 'alert' ? decision.wanted : decision.type]);
  // The offending message goes at every step (when the brand wants that), not only when the ladder says delete.
  if (input.settings.deleteOffendingMessage) wanted.add('delete');
  const sorted = order.filter((t) => wanted.has(t));
  return {
    actions: sorted.filter((t) => canPerform(t, input.capabilities)),
    alerted: sorted.filter((t) => !canPerform(t, input.capabilities)),
  };
};
