import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, unwrap } from '../api/client.ts';
import type { Me, Role } from '../api/types.ts';
import { clearToken, onSignedOut, readToken, saveToken } from './session.ts';

/** Roles that manage the organisation; the server allows them the brand-wide pages (settings, simulator…). */
export const adminRoles: readonly Role[] = ['owner', 'operator'];

/** Who is signed in; the app asks for it at start-up, before React renders. */
export const meQuery = (token: string | null) =>
  queryOptions({
    queryKey: ['getMe', token],
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });

type Auth = {
  token: string | null;
  me: Me | undefined;
  isLoading: boolean;
  hasRole: (...roles: readonly Role[]) => boolean;
  isAdmin: boolean;
  signIn: (token: string) => void;
  signOut: () => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const queryClient = useQueryClient();
  const [token, setToken] = useState(readToken);
  const me = useQuery(meQuery(token));

  useEffect(
    () =>
      onSignedOut(() => {
        setToken(null);
        queryClient.clear();
      }),
    [queryClient],
  );

  const signIn = useCallback((next: string) => {
    saveToken(next);
    setToken(next);
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout').catch(() => undefined);
    clearToken();
    setToken(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Auth>(() => {
    const roles = me.data?.roles ?? [];
    const hasRole = (...wanted: readonly Role[]) => roles.some((role) => wanted.includes(role));
    return {
      token,
      me: me.data,
      isLoading: token !== null && me.isPending,
      hasRole,
      isAdmin: hasRole(...adminRoles),
      signIn,
      signOut,
    };
  }, [token, me.data, me.isPending, signIn, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
};

export const useAuth = (): Auth => {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
};
