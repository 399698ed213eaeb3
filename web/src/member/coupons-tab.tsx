import { useCallback, useEffect, useState } from 'react';
import type { MemberApi, Schemas } from './api.ts';
import { useMemberI18n } from './i18n.tsx';
import type { TabProps } from './member-app.tsx';
import { errorText, Failed, Spinner, useLoad } from './ui.tsx';

type Coupon = Schemas['Coupon'];

/** The coupon's QR code, drawn by the server (the qrcode package) and fetched with the member's token. */
const CouponQr = ({ api, coupon }: { api: MemberApi; coupon: Coupon }) => {
  const { t } = useMemberI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [isFailed, setFailed] = useState(false);
  useEffect(() => {
    let isLive = true;
    let made: string | null = null;
    api.couponQrUrl(coupon.id).then(
      (objectUrl) => {
        made = objectUrl;
        if (isLive) setUrl(objectUrl);
        else URL.revokeObjectURL(objectUrl);
      },
      () => isLive && setFailed(true),
    );
    return () => {
      isLive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, coupon.id]);
  if (isFailed) return null;
  return (
    <div className="m-qr">
      {url ? (
        <img src={url} alt={t('coupons.qrAlt', { code: coupon.code })} data-testid="coupon-qr" />
      ) : (
        <span className="m-spinner" aria-hidden="true" />
      )}
    </div>
  );
};

/** The member's coupons: usable ones first with their code as text and QR, then used, expired and voided. */
export const CouponsTab = ({ api, onUnauthorized }: TabProps) => {
  const { t, tryT, date } = useMemberI18n();
  const load = useCallback(() => api.coupons(), [api]);
  const { state, reload } = useLoad(load, onUnauthorized);
  if (state.status === 'failed' && !state.data) {
    return <Failed text={errorText(t, tryT, state.error)} retry={reload} retryLabel={t('app.retry')} />;
  }
  if (!state.data) return <Spinner label={t('app.loading')} />;
  const coupons = state.data.items;
  return (
    <section aria-label={t('coupons.title')}>
      <h1 className="m-title">{t('coupons.title')}</h1>
      {coupons.length === 0 && <p className="m-empty">{t('coupons.empty')}</p>}
      <ul className="m-stack" data-testid="coupons">
        {coupons.map((coupon) => {
          const isUsable = coupon.status === 'issued';
          return (
            <li
              key={coupon.id}
              className={isUsable ? 'm-card m-coupon' : 'm-card m-coupon m-coupon-spent'}
              data-testid="coupon"
            >
              <div className="m-coupon-head">
                <div>
                  <div className="m-item-name">{coupon.templateName}</div>
                  {coupon.description !== coupon.templateName && (
                    <div className="m-row-sub">{coupon.description}</div>
                  )}
                </div>
                <span className={`m-status m-status-${coupon.status}`}>
                  {t(`coupons.status.${coupon.status}`)}
                </span>
              </div>
              {isUsable && <CouponQr api={api} coupon={coupon} />}
              <div className="m-code">
                <span className="m-row-sub">{t('coupons.code')}</span>{' '}
                <strong data-testid="coupon-code">{coupon.code}</strong>
              </div>
              <div className="m-row-sub">
                {coupon.status === 'redeemed' && coupon.redeemedAt
                  ? t('coupons.usedOn', { date: date(coupon.redeemedAt) })
                  : t('coupons.validUntil', { date: date(coupon.validUntil) })}
              </div>
              {isUsable && <div className="m-hint">{t('coupons.showCashier')}</div>}
            </li>
          );
        })}
      </ul>
    </section>
  );
};
