import { describe, expect, it } from 'vitest';
import { MemberApiError } from './api.ts';
import { type MemberLocale, translateMember } from './i18n.tsx';
import type { MemberMessageKey } from './messages.en.ts';
import { errorText } from './ui.tsx';

const textsIn = (locale: MemberLocale) => {
  const t = (key: MemberMessageKey, vars?: Record<string, string | number>) =>
    translateMember(locale, key, vars);
  // An unknown key has no text (as the provider's tryT).
  const tryT = (key: string): string | undefined => translateMember(locale, key as MemberMessageKey);
  return (error: unknown) => errorText(t, tryT, error);
};

describe('errorText', () => {
  it("says a campaign that is no longer the member's is gone, in the member's language", () => {
    // A store's campaign after the member moved store: the server answers 404 not_found.
    const gone = new MemberApiError(404, 'not_found', 'Fission campaign not found for this member');
    expect(textsIn('en')(gone)).toBe('This is no longer available to you.');
    expect(textsIn('zh-CN')(gone)).toBe('该内容已不再对你开放。');
  });

  it("falls back to the server's message for a code without a translation", () => {
    const odd = new MemberApiError(409, 'something_new', 'Something new happened');
    expect(textsIn('en')(odd)).toBe('That did not work: Something new happened');
  });
});
