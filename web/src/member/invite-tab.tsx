import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MemberApi, Schemas } from './api.ts';
import { type MemberT, useMemberI18n } from './i18n.tsx';
import { InviteLeaderboard } from './invite-leaderboard.tsx';
import type { TabProps } from './member-app.tsx';
import { errorText, Failed, Icon, Spinner, useLoad } from './ui.tsx';

type Progress = Schemas['FissionProgress'];
/** The generated type reads the nullable `progress` as `FissionProgress & (Record<string, never> | null)`. */
type Campaign = Omit<Schemas['MyFissionCampaign'], 'progress'> & { progress: Progress | null };
type TierStatus = Progress['tiers'][number]['status'];
type VoidReason = NonNullable<Campaign['invites']>['voided'][number]['reason'];

/** How long a friend must stay, in the largest whole unit: 1 day, 2 hours, 30 minutes. */
export const stayTextOf = (t: MemberT, minutes: number): string => {
  if (minutes === 1440) return t('invite.stay.day');
  if (minutes > 0 && minutes % 1440 === 0) return t('invite.stay.days', { n: minutes / 1440 });
  if (minutes === 60) return t('invite.stay.hour');
  if (minutes > 0 && minutes % 60 === 0) return t('invite.stay.hours', { n: minutes / 60 });
  return minutes === 1 ? t('invite.stay.minute') : t('invite.stay.minutes', { n: minutes });
};

/** How far the count is toward the next tier, in percent (the bar under "3 of 5"). */
export const progressPercentOf = (progress: Progress): number => {
  const next = progress.nextTier;
  if (!next) return 100;
  return Math.min(100, Math.round((progress.validCount / next.invites) * 100));
};

const tierStatusClass: Record<TierStatus, string> = {
  issued: 'm-status m-status-issued',
  held: 'm-status m-status-held',
  locked: 'm-status',
  rejected: 'm-status',
  refused: 'm-status',
};

/** The poster as an image to long-press (save or send in the chat app), with a plain download link beside it. */
const Poster = ({ api, campaign }: { api: MemberApi; campaign: Campaign }) => {
  const { t } = useMemberI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [isFailed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isLive = true;
    // `attempt` is here only to fetch again after a failure: it counts up from 0.
    if (attempt >= 0) {
      api.fissionPosterUrl(campaign.id).then(
        (dataUrl) => isLive && setUrl(dataUrl),
        () => isLive && setFailed(true),
      );
    }
    return () => {
      isLive = false;
    };
  }, [api, campaign.id, attempt]);
  if (isFailed) {
    return (
      <Failed
        text={t('invite.posterFailed')}
        retryLabel={t('app.retry')}
        retry={() => {
          setFailed(false);
          setAttempt((n) => n + 1);
        }}
      />
    );
  }
  return (
    <div className="m-poster">
      {url ? (
        <img src={url} alt={t('invite.posterAlt', { name: campaign.name })} data-testid="fission-poster" />
      ) : (
        <span className="m-spinner" aria-hidden="true" />
      )}
      <p className="m-hint">{t('invite.longPress')}</p>
      {url && (
        <a
          className="m-button m-button-ghost"
          href={url}
          download={`invite-poster-${campaign.id.slice(0, 8)}.png`}
          data-testid="fission-poster-download"
        >
          {t('invite.savePoster')}
        </a>
      )}
    </div>
  );
};

/** The personal link as text, with copy (and the phone's share sheet where there is one). */
const InviteLink = ({
  link,
  campaign,
  notify,
}: {
  link: string;
  campaign: Campaign;
  notify: TabProps['notify'];
}) => {
  const { t } = useMemberI18n();
  const canShare = typeof navigator.share === 'function';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      notify(t('invite.copied'));
    } catch {
      // No clipboard (an old in-app browser, a page not on https): select the text for a manual copy.
      const field = document.getElementById(`link-${campaign.id}`) as HTMLInputElement | null;
      field?.select();
      notify(t('invite.copyByHand'), 'error');
    }
  };
  return (
    <div className="m-link">
      <input
        id={`link-${campaign.id}`}
        className="m-link-text"
        readOnly
        value={link}
        aria-label={t('invite.linkLabel')}
        data-testid="fission-link"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="m-actions">
        <button type="button" className="m-button" data-testid="fission-copy" onClick={copy}>
          {t('invite.copy')}
        </button>
        {canShare && (
          <button
            type="button"
            className="m-button m-button-ghost"
            onClick={() =>
              navigator
                .share({ title: campaign.headline, text: campaign.headline, url: link })
                .catch(() => {})
            }
          >
            {t('invite.share')}
          </button>
        )}
      </div>
    </div>
  );
};

/** Where the member stands: n of the next tier, the bar, each tier's gift, friends waiting, invites that did not count. */
const ProgressCard = ({ campaign, progress }: { campaign: Campaign; progress: Progress }) => {
  const { t, tryT, locale } = useMemberI18n();
  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }),
    [locale],
  );
  const next = progress.nextTier;
  const invites = campaign.invites;
  return (
    <div className="m-fission-progress" data-testid="fission-progress">
      <div className="m-hero-value" data-testid="fission-count">
        {next ? t('invite.count', { count: progress.validCount, target: next.invites }) : progress.validCount}
      </div>
      <div className="m-hero-sub" data-testid="fission-next">
        {next
          ? t('invite.next', { remaining: next.remaining, gift: next.name })
          : t('invite.allDone', { count: progress.validCount })}
      </div>
      <div
        className="m-progress m-progress-big"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progressPercentOf(progress)}
        aria-label={t('invite.progressLabel')}
        data-testid="fission-bar"
      >
        <div style={{ width: `${progressPercentOf(progress)}%` }} />
      </div>
      {progress.isOnHold && <p className="m-hint m-hint-warn">{t('invite.onHold')}</p>}
      <ul className="m-list m-tiers" data-testid="fission-tiers">
        {progress.tiers.map((tier) => (
          <li key={tier.tierIndex} className="m-row" data-testid="fission-tier">
            <div>
              <div className="m-row-title">{tier.name}</div>
              <div className="m-row-sub">{t('invite.tierFriends', { n: tier.invites })}</div>
            </div>
            <span className={tierStatusClass[tier.status]}>
              {tier.status === 'locked'
                ? t('invite.tierMore', { n: tier.invites - progress.validCount })
                : t(`invite.tier.${tier.status}`)}
            </span>
          </li>
        ))}
      </ul>
      {progress.pendingCount > 0 && (
        <p className="m-note" data-testid="fission-pending">
          {t('invite.pending', { n: progress.pendingCount, stay: stayTextOf(t, campaign.stayMinutes) })}
          {invites?.nextCountsAt &&
            ` ${t('invite.nextCounts', { when: when.format(new Date(invites.nextCountsAt)) })}`}
        </p>
      )}
      {invites && invites.voided.length > 0 && (
        <div className="m-note" data-testid="fission-void">
          <div>{t('invite.voided', { n: progress.voidCount })}</div>
          <ul className="m-reasons">
            {invites.voided.map((v: { reason: VoidReason; count: number }) => (
              <li key={v.reason} data-testid="fission-void-reason">
                {tryT(`invite.void.${v.reason}`, { n: v.count }) ?? v.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {campaign.pointsPerInvite > 0 && (
        <p className="m-hint">{t('invite.pointsPerInvite', { points: campaign.pointsPerInvite })}</p>
      )}
    </div>
  );
};

const CampaignCard = ({
  api,
  campaign,
  notify,
  onJoined,
  onUnauthorized,
}: {
  api: MemberApi;
  campaign: Campaign;
  notify: TabProps['notify'];
  onJoined: () => void;
  onUnauthorized: () => void;
}) => {
  const { t, tryT, date } = useMemberI18n();
  const [isJoining, setJoining] = useState(false);
  const join = async () => {
    setJoining(true);
    try {
      await api.joinFission(campaign.id);
      notify(t('invite.joined'));
      onJoined();
    } catch (error) {
      if ((error as { status?: number }).status === 401) onUnauthorized();
      notify(errorText(t, tryT, error), 'error');
    } finally {
      setJoining(false);
    }
  };
  const isEnded = campaign.status !== 'active';
  return (
    <li className="m-card" data-testid="fission-campaign">
      <div className="m-coupon-head">
        <div>
          <h2 className="m-fission-name">{campaign.name}</h2>
          <div className="m-row-sub">{campaign.headline}</div>
        </div>
        {isEnded && <span className="m-status">{t('invite.ended')}</span>}
      </div>
      {campaign.endsAt && !isEnded && (
        <div className="m-row-sub">{t('invite.endsOn', { date: date(campaign.endsAt) })}</div>
      )}
      {campaign.isJoined && campaign.progress ? (
        <>
          <ProgressCard campaign={campaign} progress={campaign.progress} />
          {!isEnded && campaign.progress.link && (
            <InviteLink link={campaign.progress.link} campaign={campaign} notify={notify} />
          )}
          {!isEnded && <Poster api={api} campaign={campaign} />}
        </>
      ) : (
        <>
          <ul className="m-list m-tiers">
            {campaign.tiers.map((tier) => (
              <li key={tier.invites} className="m-row">
                <div className="m-row-title">{tier.name}</div>
                <span className="m-row-sub">{t('invite.tierFriends', { n: tier.invites })}</span>
              </li>
            ))}
          </ul>
          <p className="m-hint">{t('invite.how', { stay: stayTextOf(t, campaign.stayMinutes) })}</p>
          <button
            type="button"
            className="m-button m-button-big"
            disabled={isJoining || isEnded}
            data-testid="fission-join"
            onClick={join}
          >
            {t('invite.join')}
          </button>
        </>
      )}
      <InviteLeaderboard api={api} campaign={campaign} onUnauthorized={onUnauthorized} />
    </li>
  );
};

/** "Invite friends": the member's campaigns, their link and poster, and how far they got. */
export const InviteTab = ({ api, notify, onUnauthorized, refreshPoints }: TabProps) => {
  const { t, tryT } = useMemberI18n();
  const load = useCallback(() => api.fission(), [api]);
  const { state, reload } = useLoad(load, onUnauthorized);
  const refresh = useCallback(() => {
    reload();
    // Rewards may have added points.
    refreshPoints();
  }, [reload, refreshPoints]);
  if (state.status === 'failed' && !state.data) {
    return <Failed text={errorText(t, tryT, state.error)} retry={reload} retryLabel={t('app.retry')} />;
  }
  if (!state.data) return <Spinner label={t('app.loading')} />;
  const campaigns = state.data.items as Campaign[];
  return (
    <section aria-label={t('invite.title')}>
      <div className="m-month">
        <h1 className="m-title">{t('invite.title')}</h1>
        <button
          type="button"
          className="m-icon-button"
          aria-label={t('invite.refresh')}
          data-testid="fission-refresh"
          onClick={refresh}
        >
          <Icon d="M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7" />
        </button>
      </div>
      {campaigns.length === 0 && (
        <div className="m-card m-hero" data-testid="fission-empty">
          <Icon
            d="M16 19a6 6 0 0 0-12 0M10 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm9-3v6m-3-3h6"
            size={44}
            stroke={1.5}
          />
          <p className="m-empty">{t('invite.empty')}</p>
        </div>
      )}
      <ul className="m-stack" data-testid="fission-campaigns">
        {campaigns.map((campaign) => (
          <CampaignCard
            key={campaign.id}
            api={api}
            campaign={campaign}
            notify={notify}
            onJoined={reload}
            onUnauthorized={onUnauthorized}
          />
        ))}
      </ul>
    </section>
  );
};
