/** The session token lives in localStorage so a reload keeps the operator signed in. */
const tokenKey = 'orchard.token';

export const readToken = (): string | null => localStorage.getItem(tokenKey);

export const saveToken = (token: string): void => localStorage.setItem(tokenKey, token);

export const clearToken = (): void => localStorage.removeItem(tokenKey);

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called by the API client on a 401: the token is gone and whoever listens sends the user to sign-in. */
export const signalSignedOut = (): void => {
  clearToken();
  for (const listener of listeners) listener();
};

export const onSignedOut = (listener: Listener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
