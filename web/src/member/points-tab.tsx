import { useCallback, useEffect, useState } from 'react';
import type { Schemas } from './api.ts';
import { useMemberI18n } from './i18n.tsx';
import type { TabProps } from './member-app.tsx';
import { errorText, Spinner } from './ui.tsx';

type Entry = Schemas['PointsEntry'];

/** Balance, level and the way to the next one, points about to expire, and the ledger, newest first. */
export const PointsTab = ({
  api,
  summary,
  onUnauthorized,
}: TabProps & { summary: Schemas['PointsSummary'] }) => {
  const { t, tryT, date } = useMemberI18n();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const loadPage = useCallback(
    async (after?: string) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.history(after);
        setEntries((previous) => (after ? [...previous, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (caught) {
        if ((caught as { status?: number }).status === 401) onUnauthorized();
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [api, onUnauthorized],
  );
  // The first page again whenever the balance changes (a check-in or a redemption on another tab).
  useEffect(() => {
    if (summary.balance >= 0) void loadPage();
  }, [loadPage, summary.balance]);

  const next = summary.nextLevel;
  const progress =
    next && next.threshold > 0
      ? Math.min(100, Math.round(((next.threshold - next.remaining) / next.threshold) * 100))
      : 100;
  return (
    <>
      <section className="m-card m-hero" aria-label={t('points.balance')}>
        <div className="m-hero-label">{t('points.balance')}</div>
        <div className="m-hero-value" data-testid="balance">
          {summary.balance}
        </div>
        <div className="m-hero-sub">{t('points.lifetime', { points: summary.lifetimePoints })}</div>
        <div className="m-level" data-testid="level">
          <span className="m-level-name">{summary.level?.name ?? t('points.noLevel')}</span>
          <span>
            {next
              ? t('points.nextLevel', { remaining: next.remaining, name: next.name })
              : t('points.topLevel')}
          </span>
        </div>
        {next && (
          <div className="m-progress" aria-hidden="true">
            <div style={{ width: `${progress}%` }} />
          </div>
        )}
        {summary.expiring && (
          <div className="m-hero-note">
            {t('points.expiring', { points: summary.expiring.points, date: date(summary.expiring.at) })}
          </div>
        )}
        {summary.makeupCards > 0 && (
          <div className="m-hero-note">{t('points.makeupCards', { n: summary.makeupCards })}</div>
        )}
      </section>

      <section className="m-card">
        <h2>{t('points.history')}</h2>
        {entries.length === 0 && !isLoading && !error && <p className="m-empty">{t('points.noHistory')}</p>}
        <ul className="m-list" data-testid="history">
          {entries.map((entry) => (
            <li key={entry.id} className="m-row">
              <div>
                <div className="m-row-title">{tryT(`source.${entry.source}`) ?? entry.reason}</div>
                <div className="m-row-sub">
                  {date(entry.createdAt)}
                  {entry.expiresAt && entry.points > 0
                    ? ` · ${t('points.expires', { date: date(entry.expiresAt) })}`
                    : ''}
                </div>
              </div>
              <div className={entry.points >= 0 ? 'm-plus' : 'm-minus'}>
                {entry.points > 0 ? `+${entry.points}` : entry.points}
              </div>
            </li>
          ))}
        </ul>
        {isLoading && <Spinner label={t('app.loading')} />}
        {error !== null && (
          <p className="m-error" role="alert">
            {errorText(t, tryT, error)}
          </p>
        )}
        {cursor && !isLoading && (
          <button type="button" className="m-button m-button-ghost" onClick={() => void loadPage(cursor)}>
            {t('points.loadMore')}
          </button>
        )}
      </section>
    </>
  );
};
