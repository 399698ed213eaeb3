import { useCallback, useState } from 'react';
import { newRequestId } from './api.ts';
import { canMakeUp, leadingBlanks, shiftMonth } from './calendar.ts';
import { useMemberI18n } from './i18n.tsx';
import type { TabProps } from './member-app.tsx';
import { errorText, Failed, Spinner, useLoad } from './ui.tsx';

const weekdays = (locale: string): string[] => {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'narrow', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
};

/** The month's check-ins, today's check-in, and make-up cards for missed days within the brand's reach. */
export const CheckinTab = ({ api, balance, refreshPoints, notify, onUnauthorized }: TabProps) => {
  const { t, tryT, date, locale } = useMemberI18n();
  const [month, setMonth] = useState<string | undefined>(undefined);
  const load = useCallback(() => api.calendar(month), [api, month]);
  const { state, reload } = useLoad(load, onUnauthorized);
  const [picked, setPicked] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      reload();
      refreshPoints();
    } catch (caught) {
      if ((caught as { status?: number }).status === 401) onUnauthorized();
      notify(errorText(t, tryT, caught), 'error');
    } finally {
      setBusy(false);
    }
  };

  if (state.status === 'failed' && !state.data) {
    return <Failed text={errorText(t, tryT, state.error)} retry={reload} retryLabel={t('app.retry')} />;
  }
  if (!state.data) return <Spinner label={t('app.loading')} />;
  const cal = state.data;
  const thisMonth = cal.today.slice(0, 7);
  const monthTitle = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${cal.month}-01T00:00:00Z`));

  const checkInToday = () =>
    act(async () => {
      const result = await api.checkIn();
      if (result.status === 'already') {
        notify(t('checkin.already'));
        return;
      }
      const earned = result.points
        ? t('checkin.earned', { points: result.points })
        : t('checkin.earnedNoPoints');
      // A streak milestone may bring a coupon as well.
      notify(result.coupons?.length ? `${earned} ${t('checkin.coupons')}` : earned);
    });
  const buyCard = () =>
    act(async () => {
      const bought = await api.buyMakeupCard(newRequestId());
      notify(t('checkin.bought', { n: bought.cards }));
    });
  const makeUp = (day: string) =>
    act(async () => {
      const result = await api.makeUp(day);
      setPicked(null);
      notify(t('checkin.madeUp', { date: date(day), points: result.points ?? 0 }));
    });

  return (
    <section aria-label={t('checkin.title')}>
      <div className="m-card m-hero">
        <div className="m-hero-value" data-testid="streak">
          {t('checkin.streak', { n: cal.streak })}
        </div>
        <div className="m-hero-sub">{t('checkin.total', { n: cal.total })}</div>
        <button
          type="button"
          className="m-button m-button-big"
          data-testid="checkin-button"
          disabled={cal.isCheckedInToday || isBusy}
          onClick={() => void checkInToday()}
        >
          {cal.isCheckedInToday ? t('checkin.done') : t('checkin.button')}
        </button>
      </div>

      <div className="m-card">
        <div className="m-month">
          <button
            type="button"
            className="m-icon-button"
            aria-label={t('checkin.previous')}
            onClick={() => setMonth(shiftMonth(cal.month, -1))}
          >
            ‹
          </button>
          <h2 data-testid="calendar-month">{monthTitle}</h2>
          <button
            type="button"
            className="m-icon-button"
            aria-label={t('checkin.next')}
            disabled={cal.month >= thisMonth}
            onClick={() => setMonth(shiftMonth(cal.month, 1))}
          >
            ›
          </button>
        </div>
        <div className="m-calendar" data-testid="calendar">
          {weekdays(locale).map((name, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: narrow weekday names repeat (S, S; T, T)
            <div key={i} className="m-weekday" aria-hidden="true">
              {name}
            </div>
          ))}
          {Array.from({ length: leadingBlanks(cal.month) }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have nothing else to tell them apart
            <div key={`blank-${i}`} />
          ))}
          {cal.days.map((day) => {
            const isMakeable = canMakeUp(day, cal.today, cal.makeupWithinDays);
            const classes = [
              'm-day',
              day.kind ? `m-day-${day.kind === 'makeup' ? 'makeup' : 'checked'}` : '',
              day.isToday ? 'm-day-today' : '',
              isMakeable ? 'm-day-missed' : '',
              picked === day.day ? 'm-day-picked' : '',
            ].join(' ');
            return (
              <button
                key={day.day}
                type="button"
                className={classes}
                disabled={!isMakeable}
                data-day={day.day}
                data-kind={day.kind ?? ''}
                aria-pressed={picked === day.day}
                aria-label={`${date(day.day)}${
                  day.kind
                    ? ` · ${t(day.kind === 'makeup' ? 'checkin.legendMakeup' : 'checkin.legendChecked')}`
                    : ''
                }`}
                onClick={() => setPicked(picked === day.day ? null : day.day)}
              >
                {Number(day.day.slice(8))}
              </button>
            );
          })}
        </div>
        <div className="m-legend">
          <span className="m-dot m-dot-checked" /> {t('checkin.legendChecked')}
          <span className="m-dot m-dot-makeup" /> {t('checkin.legendMakeup')}
        </div>
      </div>

      {cal.makeupCardPrice > 0 && (
        <div className="m-card" data-testid="makeup">
          <h2>{t('checkin.makeupTitle')}</h2>
          <p className="m-row-sub">
            {t('checkin.makeupHelp', { days: cal.makeupWithinDays, price: cal.makeupCardPrice })}
          </p>
          <p data-testid="makeup-cards">{t('checkin.cards', { n: cal.makeupCards })}</p>
          <div className="m-actions">
            <button
              type="button"
              className="m-button m-button-ghost"
              disabled={isBusy || balance < cal.makeupCardPrice}
              onClick={() => void buyCard()}
            >
              {t('checkin.buyCard', { price: cal.makeupCardPrice })}
            </button>
            {picked ? (
              <button
                type="button"
                className="m-button"
                data-testid="makeup-button"
                disabled={isBusy || cal.makeupCards === 0}
                onClick={() => void makeUp(picked)}
              >
                {t('checkin.useCard', { date: date(picked) })}
              </button>
            ) : null}
          </div>
          {!picked && <p className="m-hint">{t('checkin.pickDay')}</p>}
          {picked && cal.makeupCards === 0 && <p className="m-hint">{t('error.no_makeup_card')}</p>}
        </div>
      )}
    </section>
  );
};
