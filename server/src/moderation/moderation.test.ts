import { describe, expect, it } from 'vitest';
import { defaultMemoryCapabilities } from '../platforms/memory/memory-adapter.ts';
import type { Capabilities } from '../platforms/platform.ts';
import { decideAction, planModeration } from './moderation.ts';

const all = defaultMemoryCapabilities;
const none: Capabilities = {
  ...all,
  canSendDirect: false,
  moderation: { delete: false, mute: false, remove: false, ban: false },
};
const noRemoval: Capabilities = {
  ...all,
  moderation: { delete: true, mute: true, remove: false, ban: false },
};
const ladder = ['warn', 'remove', 'ban'] as const;

describe('decideAction', () => {
  it('walks the ladder by offence number and repeats its last step', () => {
    expect(decideAction({ offenceCount: 1, ladder, capabilities: all })).toEqual({ type: 'warn' });
    expect(decideAction({ offenceCount: 2, ladder, capabilities: all })).toEqual({ type: 'remove' });
    expect(decideAction({ offenceCount: 3, ladder, capabilities: all })).toEqual({ type: 'ban' });
    expect(decideAction({ offenceCount: 9, ladder, capabilities: all })).toEqual({ type: 'ban' });
  });

  it('answers alert where the platform cannot act', () => {
    expect(decideAction({ offenceCount: 2, ladder, capabilities: noRemoval })).toEqual({
      type: 'alert',
      wanted: 'remove',
    });
    expect(decideAction({ offenceCount: 1, ladder, capabilities: none })).toEqual({
      type: 'alert',
      wanted: 'warn',
    });
    expect(decideAction({ offenceCount: 1, ladder: ['mute'], capabilities: noRemoval })).toEqual({
      type: 'mute',
    });
  });
});

describe('planModeration', () => {
  const settings = { ladder: [...ladder], deleteOffendingMessage: true };
  it('deletes the message first, then the ladder step', () => {
    expect(planModeration({ offenceCount: 2, settings, capabilities: all })).toEqual({
      actions: ['delete', 'remove'],
      alerted: [],
    });
  });
  it('splits what the platform allows from what staff must do', () => {
    expect(planModeration({ offenceCount: 2, settings, capabilities: noRemoval })).toEqual({
      actions: ['delete'],
      alerted: ['remove'],
    });
    expect(planModeration({ offenceCount: 1, settings, capabilities: none })).toEqual({
      actions: [],
      alerted: ['delete', 'warn'],
    });
  });
  it('keeps the message when told to', () => {
    const keep = { ...settings, deleteOffendingMessage: false };
    expect(planModeration({ offenceCount: 1, settings: keep, capabilities: all }).actions).toEqual(['warn']);
  });
});
