import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/errors.ts';
import { AuthProvider, meQuery, useAuth } from './auth/auth.tsx';
import { readToken } from './auth/session.ts';
import { storesQuery } from './components/lookups.ts';
import { PageLoading } from './components/page-loading.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { ConsoleLayout } from './layout/console-layout.tsx';
import { readSavedStoreId, StoreScopeProvider } from './layout/store-scope.tsx';
import { canOpen, consoleRoutes, lazyPage, preloadPageFor } from './routes.tsx';
import { orchardTheme } from './theme.ts';

const SignInPage = lazyPage(() => import('./pages/sign-in-page.tsx'), 'SignInPage');
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.tsx'), 'NotFoundPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // A 4xx will not fix itself on a retry; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// Everything the first page needs starts at once, before React renders: who is signed in, the stores, the page's
// chunk and its data.
const startToken = readToken();
if (startToken) {
  void queryClient.prefetchQuery(meQuery(startToken));
  void queryClient.prefetchQuery(storesQuery);
  preloadPageFor(window.location.pathname, queryClient, readSavedStoreId());
} else void SignInPage.preload();

/** Zero-runtime: the styles come from the CSS compiled at build time for the same theme (theme.ts). */
const runtimeTheme = { ...orchardTheme, zeroRuntime: true };

const SignedIn = () => {
  const { token, me, isLoading, hasRole } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  if (isLoading || !me) return <PageLoading />;
  return (
    <StoreScopeProvider>
      <ConsoleLayout>
        <Suspense fallback={<PageLoading />}>
          <Routes>
            {consoleRoutes
              .filter((route) => canOpen(route, hasRole))
              .map((route) => (
                <Route key={route.path} path={route.path} element={<route.page />} />
              ))}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </ConsoleLayout>
    </StoreScopeProvider>
  );
};

const Localized = () => {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={runtimeTheme}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <Routes>
              <Route
                path="/sign-in"
                element={
                  <Suspense fallback={<PageLoading />}>
                    <SignInPage />
                  </Suspense>
                }
              />
              <Route path="*" element={<SignedIn />} />
            </Routes>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
};

export const App = () => (
  <QueryClientProvider client={queryClient}>
    <I18nProvider>
      <Localized />
    </I18nProvider>
  </QueryClientProvider>
);
