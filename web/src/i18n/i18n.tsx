import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-cn.ts';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };
const localeKey = 'orchard.locale';

const initialLocale = (): Locale => {
  const saved = localStorage.getItem(localeKey);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
};

/** `{name}` in a message is replaced by vars.name. */
export const format = (message: string, vars?: Record<string, string | number>): string =>
  vars ? message.replace(/\{(\w+)\}/g, (all, name: string) => String(vars[name] ?? all)) : message;

export const translate = (locale: Locale, key: MessageKey, vars?: Record<string, string | number>) =>
  format(dictionaries[locale][key], vars);

type I18n = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** For keys built from server data (event types, actions): the translation, or undefined when there is none. */
  tryT: (key: string) => string | undefined;
};
const I18nContext = createContext<I18n | null>(null);

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(localeKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  const t = useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
  const tryT = useCallback(
    (key: string) => (key in dictionaries[locale] ? dictionaries[locale][key as MessageKey] : undefined),
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t, tryT }), [locale, setLocale, t, tryT]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

export const useT = (): Translate => useI18n().t;
