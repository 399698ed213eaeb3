import { describe, expect, it } from 'vitest';
import {
  findStaleTemplates,
  parseTemplateKey,
  type TemplateRow,
  templateKeyPrefix,
} from './retire-group-welcome-templates.ts';

const row = (
  id: number,
  status: TemplateRow['status'],
  externalId: string | null = `t${id}`,
): TemplateRow => ({
  id,
  status,
  externalId,
});

describe('which group welcome templates are stale', () => {
  it('keeps the newest live template and retires the registered ones before it', () => {
    const rows = [row(4, 'sent'), row(3, 'failed'), row(2, 'sent'), row(1, 'sent')];
    expect(findStaleTemplates(rows, true).map((r) => r.id)).toEqual([2, 1]);
  });

  it('retires nothing while the newest template is not registered yet', () => {
    expect(findStaleTemplates([row(3, 'pending', null), row(2, 'sent')], true)).toEqual([]);
    expect(findStaleTemplates([row(3, 'sending', null), row(2, 'sent')], true)).toEqual([]);
  });

  it('keeps the last registered one when the newest was refused or cancelled', () => {
    const rows = [row(3, 'failed', null), row(2, 'cancelled', null), row(1, 'sent')];
    expect(findStaleTemplates(rows, true)).toEqual([]);
  });

  it('retires every registered template of a level whose welcome was cleared', () => {
    const rows = [row(3, 'pending', null), row(2, 'sent'), row(1, 'sent')];
    expect(findStaleTemplates(rows, false).map((r) => r.id)).toEqual([2, 1]);
  });
});

describe('template keys', () => {
  const community = '6f1c0b7e-2d1a-4c2e-9a0b-1f2e3d4c5b6a';

  it('name their level and content, in the old form and with the row they follow', () => {
    const prefix = templateKeyPrefix({ scope: 'community', scopeId: community });
    expect(parseTemplateKey(`${prefix}0123456789abcdef`)).toEqual({
      scope: 'community',
      scopeId: community,
      contentHash: '0123456789abcdef',
    });
    expect(
      parseTemplateKey(`${templateKeyPrefix({ scope: 'brand', scopeId: null })}0123456789abcdef:after:42`),
    ).toEqual({ scope: 'brand', scopeId: null, contentHash: '0123456789abcdef' });
    expect(parseTemplateKey('welcome:123')).toBeNull();
  });

  it('keep levels apart: no prefix is the start of another level’s', () => {
    const prefixes = [
      templateKeyPrefix({ scope: 'brand', scopeId: null }),
      templateKeyPrefix({ scope: 'series', scopeId: community }),
      templateKeyPrefix({ scope: 'community', scopeId: community }),
    ];
    for (const a of prefixes) {
      for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
    }
  });
});
