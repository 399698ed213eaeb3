import { describe, expect, it } from 'vitest';
import { createRateWindow } from './rate-window.ts';
import {
  autoGroupNameOf,
  checkWelcomeCode,
  groupLetterOf,
  linkTokenOf,
  pickGroupWithRoom,
  rollDice,
  sandboxCapabilities,
} from './sandbox.ts';
import { sandboxSettingsSchema } from './sandbox-settings.ts';

describe('sandbox rules', () => {
  it('fills settings with generous defaults and rehearses the WeCom welcome', () => {
    const settings = sandboxSettingsSchema.parse({});
    expect(settings.rateLimits).toEqual({ perSecond: 1000, perChatPerMinute: 600 });
    const caps = sandboxCapabilities(settings);
    expect(caps.welcome).toEqual({ mode: 'token', deadlineMs: 20_000, maxAttachments: 9 });
    expect(caps.canSendDirect).toBe(true);
    expect(caps.groupCapacity).toBe(500);
    const telegramLike = sandboxSettingsSchema.parse({
      welcomeMode: 'message',
      rateLimits: { perSecond: 30, perChatPerMinute: 20 },
    });
    expect(sandboxCapabilities(telegramLike).welcome).toEqual({ mode: 'message' });
    expect(sandboxCapabilities(telegramLike).rateLimits.perChatPerMinute).toBe(20);
  });

  it('draws dice within the range of each emoji', () => {
    expect(rollDice('🎲', () => 0)).toBe(1);
    expect(rollDice('🎲', () => 0.9999)).toBe(6);
    expect(rollDice('⚽', () => 0.9999)).toBe(5);
    expect(rollDice('🎰', () => 0.9999)).toBe(64);
  });

  it('names auto-created groups A, B, … Z, AA', () => {
    expect([0, 1, 2, 25, 26, 27].map(groupLetterOf)).toEqual(['A', 'B', 'C', 'Z', 'AA', 'AB']);
    expect(autoGroupNameOf('Spring tasting ', 1)).toBe('Spring tasting B');
  });

  it('picks the first listed open group with room', () => {
    const groups = [
      { id: 'a', capacity: 2, memberCount: 2, isDismissed: false },
      { id: 'b', capacity: 2, memberCount: 0, isDismissed: true },
      { id: 'c', capacity: 2, memberCount: 1, isDismissed: false },
    ];
    expect(pickGroupWithRoom(groups)?.id).toBe('c');
    expect(pickGroupWithRoom(groups.slice(0, 2))).toBeUndefined();
  });

  it('accepts a welcome code once and within the deadline', () => {
    const addedAt = new Date('2025-03-01T10:00:00Z');
    const contact = { welcomeCode: 'wc-1', welcomeUsedAt: null, addedAt };
    const at = (ms: number) => new Date(addedAt.getTime() + ms);
    expect(checkWelcomeCode(contact, 'wc-1', at(20_000), 20_000)).toBe('ok');
    expect(checkWelcomeCode(contact, 'wc-1', at(20_001), 20_000)).toBe('expired');
    expect(checkWelcomeCode(contact, 'wc-2', at(1), 20_000)).toBe('unknown');
    expect(checkWelcomeCode(undefined, 'wc-1', at(1), 20_000)).toBe('unknown');
    expect(checkWelcomeCode({ ...contact, welcomeUsedAt: at(1) }, 'wc-1', at(2), 20_000)).toBe('used');
  });

  it('reads a link token from a bare token or a URL', () => {
    expect(linkTokenOf('abc_-1')).toBe('abc_-1');
    expect(linkTokenOf('sandbox://link/abc_-1')).toBe('abc_-1');
    expect(linkTokenOf('https://orchard.example/s/abc_-1?utm=x')).toBe('abc_-1');
  });

  it('limits sends per account per second and per chat per minute', () => {
    const window = createRateWindow({ perSecond: 3, perChatPerMinute: 2 });
    expect(window.take('g1', 0)).toBe(0);
    expect(window.take('g1', 10)).toBe(0);
    expect(window.take('g1', 20)).toBe(59_980);
    expect(window.take('g2', 30)).toBe(0);
    expect(window.take('g3', 40)).toBe(960);
    expect(window.take('g3', 1001)).toBe(0);
  });
});
