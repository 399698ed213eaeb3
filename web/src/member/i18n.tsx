import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type MemberMessageKey } from './messages.en.ts';
import { zhCN } from './messages.zh-cn.ts';

/**
 * The member pages' translator: the console's mechanism (flat keys, `{name}` placeholders, the browser's language
 * unless chosen) on the member texts alone, without the console's dictionaries or dayjs in this light bundle.
 */
export type MemberLocale = 'zh-CN' | 'en';
export type MemberT = (key: MemberMessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<MemberLocale, Record<MemberMessageKey, string>> = { en, 'zh-CN': zhCN };
const localeKey = 'orchard.member.locale';

export const initialMemberLocale = (): MemberLocale => {
  const saved = localStorage.getItem(localeKey);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
};

export const formatMessage = (message: string, vars?: Record<string, string | number>): string =>
  vars ? message.replace(/\{(\w+)\}/g, (all, name: string) => String(vars[name] ?? all)) : message;

export const translateMember = (
  locale: MemberLocale,
  key: MemberMessageKey,
  vars?: Record<string, string | number>,
): string => formatMessage(dictionaries[locale][key], vars);

type MemberI18n = {
  locale: MemberLocale;
  setLocale: (locale: MemberLocale) => void;
  t: MemberT;
  /** For keys built from server data (ledger sources, error codes): the text, or undefined. */
  tryT: (key: string, vars?: Record<string, string | number>) => string | undefined;
  /** A date (YYYY-MM-DD or ISO) in the reader's language: 2025年5月12日 / May 12, 2025. */
  date: (value: string) => string;
};

const I18nContext = createContext<MemberI18n | null>(null);

export const MemberI18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<MemberLocale>(initialMemberLocale);
  const setLocale = useCallback((next: MemberLocale) => {
    localStorage.setItem(localeKey, next);
    setLocaleState(next);
  }, []);
  document.documentElement.lang = locale;
  const value = useMemo<MemberI18n>(() => {
    const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
    const dayOnly = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    return {
      locale,
      setLocale,
      t: (key, vars) => translateMember(locale, key, vars),
      tryT: (key, vars) =>
        key in dictionaries[locale]
          ? formatMessage(dictionaries[locale][key as MemberMessageKey], vars)
          : undefined,
      // A bare day is a calendar day, not an instant: read and shown in UTC so no timezone moves it.
      date: (value) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? dayOnly.format(new Date(`${value}T00:00:00Z`))
          : dates.format(new Date(value)),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useMemberI18n = (): MemberI18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useMemberI18n outside MemberI18nProvider');
  return value;
};
