import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { MemberApiError } from './api.ts';
import type { MemberT } from './i18n.tsx';

/** Small building blocks of the member pages: data loading, a toast, a bottom sheet, error texts. */

export type Load<T> =
  | { status: 'loading'; data?: undefined }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: unknown; data?: T };

/**
 * Runs `load` (memoised by the caller) and again on reload(); keeps showing the last data while reloading. A 401
 * goes to `onUnauthorized` (the link expired while the page was open).
 */
export const useLoad = <T,>(load: () => Promise<T>, onUnauthorized: () => void) => {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let isLive = true;
    // `version` is here only to run again on reload(): it counts up from 0.
    if (version >= 0) {
      load().then(
        (data) => isLive && setState({ status: 'ready', data }),
        (error: unknown) => {
          if (!isLive) return;
          if (error instanceof MemberApiError && error.status === 401) onUnauthorized();
          setState((previous) => ({ status: 'failed', error, data: previous.data }));
        },
      );
    }
    return () => {
      isLive = false;
    };
  }, [load, version, onUnauthorized]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
};

/** The text for a refusal: the translated code when there is one, else the server's message. */
export const errorText = (t: MemberT, tryT: (key: string) => string | undefined, error: unknown): string => {
  if (error instanceof MemberApiError) {
    return tryT(`error.${error.code}`) ?? t('error.unknown', { message: error.message });
  }
  return t('app.failed');
};

export const Spinner = ({ label }: { label: string }) => (
  <div className="m-loading" role="status">
    <span className="m-spinner" aria-hidden="true" />
    {label}
  </div>
);

export const Failed = ({
  text,
  retry,
  retryLabel,
}: {
  text: string;
  retry: () => void;
  retryLabel: string;
}) => (
  <div className="m-failed" role="alert">
    <p>{text}</p>
    <button type="button" className="m-button" onClick={retry}>
      {retryLabel}
    </button>
  </div>
);

export type ToastMessage = { text: string; tone: 'success' | 'error'; id: number };

export const Toast = ({ message, onDone }: { message: ToastMessage | null; onDone: () => void }) => {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDone, 3500);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  if (!message) return null;
  return (
    <div className={`m-toast m-toast-${message.tone}`} role="status" data-testid="toast">
      {message.text}
    </div>
  );
};

/** A sheet from the bottom of the screen, as a modal dialog. */
export const Sheet = ({
  title,
  children,
  onClose,
}: {
  title: string;
  children: ReactNode;
  onClose: () => void;
}) => {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="m-backdrop">
      <button type="button" className="m-backdrop-close" aria-hidden="true" tabIndex={-1} onClick={onClose} />
      <div className="m-sheet" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
};

/** A line icon drawn inline from one SVG path (no icon font, no emoji a phone might lack); decorative. */
export const Icon = ({ d, size = 22, stroke = 1.8 }: { d: string; size?: number; stroke?: number }) => (
  <svg
    viewBox="0 0 24 24"
    width={size}
    height={size}
    fill="none"
    stroke="currentColor"
    strokeWidth={stroke}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
);
