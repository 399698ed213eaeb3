import { useCallback, useState } from 'react';
import { type MemberApi, newRequestId, type Schemas } from './api.ts';
import { useMemberI18n } from './i18n.tsx';
import type { TabProps } from './member-app.tsx';
import { errorText, Failed, Icon, Sheet, Spinner, useLoad } from './ui.tsx';

type Item = Awaited<ReturnType<MemberApi['mall']>>['items'][number];
type Store = Schemas['MemberProfile']['stores'][number];

/** The placeholder of an item without a picture: an outline of its kind, drawn inline. */
const kindIconPaths: Record<Item['kind'], string> = {
  coupon: 'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zm11 0v10',
  physical: 'M4 9h16v11H4zM3 6h18v3H3zm9 0v14M12 6c-1-3-5-3-5 0m5 0c1-3 5-3 5 0',
  virtual: 'M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6L12 16.6 6.6 19.5l1.2-6-4.5-4.2 6.1-.7z',
};

/** What the member sees on an item they cannot take: sold out, a higher level, withdrawn. */
const unavailableKey = {
  sold_out: 'mall.soldOut',
  level: 'mall.levelOnly',
  inactive: 'mall.inactive',
} as const;

/**
 * The confirmation before points are spent: the price against the balance, how a gift reaches the member, and
 * the server's refusal (out of stock, limit reached…) in plain words. One requestId per sheet, so a double tap or
 * a retry after a lost answer redeems once.
 */
const RedeemSheet = ({
  item,
  balance,
  stores,
  api,
  onClose,
  onRedeemed,
  onRefused,
}: {
  item: Item;
  balance: number;
  stores: Store[];
  api: MemberApi;
  onClose: () => void;
  onRedeemed: (item: Item, method: string | null) => void;
  /** A refusal may mean the item changed (sold out, withdrawn): the list is fetched again behind the sheet. */
  onRefused: () => void;
}) => {
  const { t, tryT } = useMemberI18n();
  const [requestId] = useState(newRequestId);
  const methods = item.kind === 'physical' ? item.fulfilmentMethods : [];
  const [method, setMethod] = useState(methods[0] ?? null);
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [address, setAddress] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missing = item.pointsPrice - balance;
  const isAddressMissing = method === 'shipping' && address.trim() === '';

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.redeem(item.id, {
        requestId,
        ...(method
          ? {
              fulfilment: method === 'pickup' ? { method, storeId } : { method, address: address.trim() },
            }
          : {}),
      });
      onRedeemed(item, method);
    } catch (caught) {
      setError(errorText(t, tryT, caught));
      onRefused();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Sheet title={t('mall.confirmTitle', { name: item.name })} onClose={onClose}>
      {missing > 0 ? (
        <p className="m-error" role="alert" data-testid="not-enough">
          {t('error.insufficient_points')} {t('mall.notEnough', { balance, missing })}
        </p>
      ) : (
        <p>
          {t('mall.confirmBody', { price: item.pointsPrice, balance, after: balance - item.pointsPrice })}
        </p>
      )}
      {methods.length > 1 && (
        <div className="m-choice" role="radiogroup">
          {methods.map((m) => (
            <label key={m}>
              <input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} />
              {t(m === 'pickup' ? 'mall.pickup' : 'mall.shipping')}
            </label>
          ))}
        </div>
      )}
      {method === 'pickup' && (
        <label className="m-field">
          <span>{t('mall.store')}</span>
          <select value={storeId} onChange={(event) => setStoreId(event.target.value)}>
            {stores.map((store) => (
              <option key={store.id} value={store.id}>
                {store.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {method === 'shipping' && (
        <label className="m-field">
          <span>{t('mall.address')}</span>
          <textarea
            rows={3}
            maxLength={500}
            placeholder={t('mall.addressPlaceholder')}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
          />
        </label>
      )}
      {error && (
        <p className="m-error" role="alert" data-testid="redeem-error">
          {error}
        </p>
      )}
      <div className="m-actions">
        <button type="button" className="m-button m-button-ghost" onClick={onClose}>
          {t('mall.cancel')}
        </button>
        <button
          type="button"
          className="m-button"
          data-testid="redeem-confirm"
          disabled={isBusy || missing > 0 || isAddressMissing || (method === 'pickup' && !storeId)}
          onClick={() => void confirm()}
        >
          {t('mall.confirm')}
        </button>
      </div>
    </Sheet>
  );
};

export const MallTab = ({
  api,
  balance,
  stores,
  refreshPoints,
  notify,
  onUnauthorized,
  openTab,
}: TabProps & { stores: Store[] }) => {
  const { t, tryT } = useMemberI18n();
  const load = useCallback(() => api.mall(), [api]);
  const { state, reload } = useLoad(load, onUnauthorized);
  const [chosen, setChosen] = useState<Item | null>(null);
  const [couponReady, setCouponReady] = useState(false);
  const close = useCallback(() => setChosen(null), []);

  const onRedeemed = (item: Item, method: string | null) => {
    setChosen(null);
    refreshPoints();
    reload();
    setCouponReady(item.kind === 'coupon');
    notify(
      item.kind === 'coupon'
        ? t('mall.doneCoupon')
        : method === 'shipping'
          ? t('mall.doneShip')
          : method === 'pickup'
            ? t('mall.donePickup')
            : t('mall.done', { name: item.name, points: item.pointsPrice }),
    );
  };

  if (state.status === 'failed' && !state.data) {
    return <Failed text={errorText(t, tryT, state.error)} retry={reload} retryLabel={t('app.retry')} />;
  }
  if (!state.data) return <Spinner label={t('app.loading')} />;
  const items = state.data.items;
  return (
    <section aria-label={t('mall.title')}>
      <h1 className="m-title">{t('mall.title')}</h1>
      {couponReady && (
        <button type="button" className="m-banner" onClick={() => openTab('coupons')}>
          {t('mall.doneCoupon')} {t('mall.seeCoupons')} →
        </button>
      )}
      {items.length === 0 && <p className="m-empty">{t('mall.empty')}</p>}
      <ul className="m-grid" data-testid="mall-items">
        {items.map((item) => {
          // stock is what is left (each redemption takes one); null is unlimited.
          const left = item.stock;
          return (
            <li key={item.id} className="m-card m-item" data-testid="mall-item">
              {item.imageUrl ? (
                <img className="m-item-image" src={item.imageUrl} alt="" loading="lazy" />
              ) : (
                <div className="m-item-image m-item-icon" aria-hidden="true">
                  <Icon d={kindIconPaths[item.kind]} size={44} stroke={1.4} />
                </div>
              )}
              <div className="m-item-name">{item.name}</div>
              {item.description && <div className="m-row-sub">{item.description}</div>}
              <div className="m-item-foot">
                <span className="m-price">{t('mall.price', { points: item.pointsPrice })}</span>
                {left !== null && item.isAvailable && (
                  <span className="m-row-sub">{t('mall.stockLeft', { n: left })}</span>
                )}
              </div>
              <button
                type="button"
                className="m-button"
                disabled={!item.isAvailable}
                onClick={() => setChosen(item)}
              >
                {item.isAvailable || !item.unavailableReason
                  ? t('mall.redeem')
                  : t(unavailableKey[item.unavailableReason])}
              </button>
            </li>
          );
        })}
      </ul>
      {chosen && (
        <RedeemSheet
          item={chosen}
          balance={balance}
          stores={stores}
          api={api}
          onClose={close}
          onRedeemed={onRedeemed}
          onRefused={reload}
        />
      )}
    </section>
  );
};
