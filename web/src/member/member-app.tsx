import { useCallback, useEffect, useMemo, useState } from 'react';
import { createMemberApi, type MemberApi, MemberApiError, tokenFromPath } from './api.ts';
import { CheckinTab } from './checkin-tab.tsx';
import { CouponsTab } from './coupons-tab.tsx';
import { MemberI18nProvider, useMemberI18n } from './i18n.tsx';
import { InviteTab } from './invite-tab.tsx';
import { MallTab } from './mall-tab.tsx';
import { PointsTab } from './points-tab.tsx';
import { Failed, Icon, Spinner, Toast, type ToastMessage, useLoad } from './ui.tsx';

const tabs = ['points', 'mall', 'coupons', 'checkin', 'invite'] as const;
export type Tab = (typeof tabs)[number];

const tabOfHash = (hash: string): Tab => {
  const name = hash.replace(/^#/, '');
  return (tabs as readonly string[]).includes(name) ? (name as Tab) : 'points';
};

/** What every tab gets: the API, the member's points (and a way to refresh them), a toast, tab switching. */
export type TabProps = {
  api: MemberApi;
  balance: number;
  refreshPoints: () => void;
  notify: (text: string, tone?: ToastMessage['tone']) => void;
  onUnauthorized: () => void;
  openTab: (tab: Tab) => void;
};

/** Line icons drawn inline (no icon font, no emoji a phone might lack). */
const tabIconPaths: Record<Tab, string> = {
  points: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v10m-3-7h4.5a1.5 1.5 0 0 1 0 3H10',
  mall: 'M4 9h16v11H4zM3 6h18v3H3zm9 0v14M12 6c-1-3-5-3-5 0m5 0c1-3 5-3 5 0',
  coupons: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zm11 0v10',
  checkin: 'M4 6h16v14H4zm0 4h16M8 3v5m8-5v5m-7 7 2 2 4-4',
  invite: 'M16 19a6 6 0 0 0-12 0M10 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm9-3v6m-3-3h6',
};

/** The page for a link that is missing, malformed, expired or names no member: what to do, not a crash. */
const LinkProblem = () => {
  const { t } = useMemberI18n();
  return (
    <main className="m-problem" data-testid="link-problem">
      <div className="m-problem-icon" aria-hidden="true">
        <Icon
          d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1M4 4l16 16"
          size={56}
          stroke={1.6}
        />
      </div>
      <h1>{t('link.title')}</h1>
      <p>{t('link.body')}</p>
      <LanguageSwitch />
    </main>
  );
};

const LanguageSwitch = () => {
  const { t, locale, setLocale } = useMemberI18n();
  return (
    <button
      type="button"
      className="m-lang"
      aria-label={t('app.languageLabel')}
      data-testid="language-switch"
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('app.language')}
    </button>
  );
};

const MemberPages = ({ api }: { api: MemberApi }) => {
  const { t } = useMemberI18n();
  const [isUnauthorized, setUnauthorized] = useState(false);
  const [tab, setTab] = useState<Tab>(() => tabOfHash(window.location.hash));
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const onUnauthorized = useCallback(() => setUnauthorized(true), []);
  const loadProfile = useCallback(() => api.profile(), [api]);
  const loadPoints = useCallback(() => api.points(), [api]);
  const profile = useLoad(loadProfile, onUnauthorized);
  const points = useLoad(loadPoints, onUnauthorized);

  useEffect(() => {
    const onHash = () => setTab(tabOfHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (profile.state.data) document.title = profile.state.data.brand.name;
  }, [profile.state.data]);

  const reloadPoints = points.reload;
  const openTab = useCallback(
    (next: Tab) => {
      // The tab lives in the hash so a reload keeps it; the token stays in the path.
      window.history.replaceState(null, '', `#${next}`);
      setTab(next);
      window.scrollTo(0, 0);
      // Points may have changed meanwhile (a purchase in store, a reward): one small request per tab change.
      reloadPoints();
    },
    [reloadPoints],
  );
  const notify = useCallback(
    (text: string, tone: ToastMessage['tone'] = 'success') => setToast({ text, tone, id: Date.now() }),
    [],
  );
  const clearToast = useCallback(() => setToast(null), []);

  if (isUnauthorized) return <LinkProblem />;
  const failed = [profile.state, points.state].find((s) => s.status === 'failed' && !s.data);
  if (failed?.status === 'failed') {
    const isLink = failed.error instanceof MemberApiError && failed.error.status === 401;
    if (isLink) return <LinkProblem />;
    return (
      <main className="m-page">
        <Failed
          text={t('app.failed')}
          retryLabel={t('app.retry')}
          retry={() => {
            profile.reload();
            points.reload();
          }}
        />
      </main>
    );
  }
  if (!profile.state.data || !points.state.data) {
    return (
      <main className="m-page">
        <Spinner label={t('app.loading')} />
      </main>
    );
  }

  const me = profile.state.data;
  const summary = points.state.data;
  const props: TabProps = {
    api,
    balance: summary.balance,
    refreshPoints: points.reload,
    notify,
    onUnauthorized,
    openTab,
  };
  return (
    <>
      <header className="m-header">
        <div>
          <div className="m-brand" data-testid="brand-name">
            {me.brand.name}
          </div>
          <div className="m-hello">{t('app.hello', { name: me.member.name })}</div>
        </div>
        <div className="m-header-end">
          <span className="m-chip" data-testid="header-balance">
            {t('mall.price', { points: summary.balance })}
          </span>
          <LanguageSwitch />
        </div>
      </header>
      <main className="m-page">
        {tab === 'points' && <PointsTab {...props} summary={summary} />}
        {tab === 'mall' && <MallTab {...props} stores={me.stores} />}
        {tab === 'coupons' && <CouponsTab {...props} />}
        {tab === 'checkin' && <CheckinTab {...props} />}
        {tab === 'invite' && <InviteTab {...props} />}
      </main>
      <nav className="m-tabs" aria-label={t('app.tabs')}>
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            className={name === tab ? 'm-tab m-tab-active' : 'm-tab'}
            aria-current={name === tab ? 'page' : undefined}
            data-testid={`tab-${name}`}
            onClick={() => openTab(name)}
          >
            <Icon d={tabIconPaths[name]} />
            {t(`tab.${name}`)}
          </button>
        ))}
      </nav>
      <Toast key={toast?.id} message={toast} onDone={clearToast} />
    </>
  );
};

export const MemberApp = () => {
  const token = tokenFromPath(window.location.pathname);
  const api = useMemo(() => (token ? createMemberApi(token) : null), [token]);
  return <MemberI18nProvider>{api ? <MemberPages api={api} /> : <LinkProblem />}</MemberI18nProvider>;
};
