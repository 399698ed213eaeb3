import { useCallback } from 'react';
import type { MemberApi, Schemas } from './api.ts';
import { useMemberI18n } from './i18n.tsx';
import { errorText, Failed, useLoad } from './ui.tsx';

type Board = Schemas['MyFissionLeaderboard'];

/** The member's own line under the board: their rank, or why they have none yet. */
export const myRankKeyOf = (me: Board['me']) =>
  me === null ? null : me.rank === null ? ('invite.board.unranked' as const) : ('invite.board.mine' as const);

/**
 * The campaign's top inviters (names masked by the server) and the member's own place. Loaded per campaign card,
 * again whenever the tab's list reloads (a new `campaign` object).
 */
export const InviteLeaderboard = ({
  api,
  campaign,
  onUnauthorized,
}: {
  api: MemberApi;
  campaign: { id: string };
  onUnauthorized: () => void;
}) => {
  const { t, tryT } = useMemberI18n();
  const load = useCallback(() => api.fissionLeaderboard(campaign.id), [api, campaign]);
  const { state, reload } = useLoad(load, onUnauthorized);
  if (state.status === 'failed' && !state.data) {
    return <Failed text={errorText(t, tryT, state.error)} retry={reload} retryLabel={t('app.retry')} />;
  }
  const board = state.data;
  const mine = board ? myRankKeyOf(board.me) : null;
  return (
    <div className="m-board" data-testid="fission-leaderboard">
      <h3 className="m-board-title">{t('invite.board.title')}</h3>
      {!board ? (
        <span className="m-spinner" aria-hidden="true" />
      ) : board.items.length === 0 ? (
        <p className="m-hint" data-testid="fission-board-empty">
          {t('invite.board.empty')}
        </p>
      ) : (
        <ol className="m-list">
          {board.items.map((row) => (
            <li
              key={row.rank}
              className={row.isMe ? 'm-row m-board-me' : 'm-row'}
              data-testid="fission-board-row"
            >
              <span className="m-board-rank">{row.rank}</span>
              <span className="m-row-title m-board-name">
                {row.isMe ? t('invite.board.you', { name: row.name }) : row.name}
              </span>
              <span className="m-row-sub">{t('invite.board.friends', { n: row.validCount })}</span>
            </li>
          ))}
        </ol>
      )}
      {board?.me && mine && (
        <p className="m-hint" data-testid="fission-my-rank">
          {t(mine, { rank: board.me.rank ?? 0, n: board.me.validCount })}
        </p>
      )}
    </div>
  );
};
