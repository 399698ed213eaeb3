import {
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  GiftOutlined,
  HeartOutlined,
  KeyOutlined,
  MessageOutlined,
  NotificationOutlined,
  QrcodeOutlined,
  SafetyOutlined,
  ShareAltOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  SwapOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { QueryClient } from '@tanstack/react-query';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { matchPath } from 'react-router';
import type { Role } from './api/types.ts';
import { adminRoles } from './auth/auth.tsx';
import type { MessageKey } from './i18n/i18n.tsx';
import { prefetchDashboard } from './pages/dashboard/dashboard-data.ts';

type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/** Each page is its own chunk, loaded when first visited (or preloaded, see preloadPageFor). */
export const lazyPage = <K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyPage =>
  Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    { preload: load },
  );

/** Sider sections; a route with `menu.section` appears under it, in the order of this list. */
export const menuSections = [
  { key: 'audience', label: 'menu.audience', icon: <UserOutlined /> },
  { key: 'acquisition', label: 'menu.acquisition', icon: <QrcodeOutlined /> },
  { key: 'engagement', label: 'menu.engagement', icon: <CommentOutlined /> },
  { key: 'loyalty', label: 'menu.loyalty', icon: <HeartOutlined /> },
  { key: 'insights', label: 'menu.insights', icon: <BarChartOutlined /> },
  { key: 'system', label: 'menu.system', icon: <SwapOutlined /> },
  { key: 'settings', label: 'menu.settings', icon: <ShopOutlined /> },
] as const satisfies { key: string; label: MessageKey; icon: ReactNode }[];

export type MenuSection = (typeof menuSections)[number]['key'];

export type ConsoleRoute = {
  /** Path under the console layout (react-router syntax). */
  path: string;
  page: LazyPage;
  /** Shown in the sider when present; detail pages leave it out and highlight their parent by path. */
  menu?: { label: MessageKey; icon: ReactNode; section?: MenuSection };
  /** Roles that may open the page (the server enforces the same); every role when omitted. */
  roles?: readonly Role[];
  /** Optional: starts the page's first queries when the console opens on it (see preloadPageFor). */
  prefetch?: (client: QueryClient, storeId: string | undefined) => void;
};

/** The console's pages. Adding one: an entry here, a page file, its i18n keys. */
export const consoleRoutes: ConsoleRoute[] = [
  {
    path: '/',
    page: lazyPage(() => import('./pages/dashboard/dashboard-page.tsx'), 'DashboardPage'),
    menu: { label: 'menu.dashboard', icon: <DashboardOutlined /> },
    prefetch: prefetchDashboard,
  },
  {
    path: '/communities',
    page: lazyPage(() => import('./pages/communities/communities-page.tsx'), 'CommunitiesPage'),
    menu: { label: 'menu.communities', icon: <ClusterOutlined /> },
  },
  {
    path: '/communities/:id',
    page: lazyPage(() => import('./pages/communities/community-detail-page.tsx'), 'CommunityDetailPage'),
  },
  {
    path: '/communities/series/:id',
    page: lazyPage(() => import('./pages/communities/series-detail-page.tsx'), 'SeriesDetailPage'),
  },
  {
    path: '/members',
    page: lazyPage(() => import('./pages/members/members-page.tsx'), 'MembersPage'),
    menu: { label: 'menu.members', icon: <TeamOutlined />, section: 'audience' },
  },
  {
    path: '/tags',
    page: lazyPage(() => import('./pages/tags/tags-page.tsx'), 'TagsPage'),
    menu: { label: 'menu.tags', icon: <TagsOutlined />, section: 'audience' },
  },
  {
    path: '/channel-codes',
    page: lazyPage(() => import('./pages/acquisition/channel-codes-page.tsx'), 'ChannelCodesPage'),
    menu: { label: 'menu.channelCodes', icon: <QrcodeOutlined />, section: 'acquisition' },
  },
  {
    path: '/channel-codes/:id',
    page: lazyPage(() => import('./pages/acquisition/code-stats-page.tsx'), 'CodeStatsPage'),
  },
  {
    path: '/fission',
    page: lazyPage(() => import('./pages/fission/fission-campaigns-page.tsx'), 'FissionCampaignsPage'),
    menu: { label: 'menu.fission', icon: <ShareAltOutlined />, section: 'acquisition' },
  },
  {
    path: '/fission/:id',
    page: lazyPage(() => import('./pages/fission/fission-campaign-page.tsx'), 'FissionCampaignPage'),
  },
  {
    path: '/welcome',
    page: lazyPage(() => import('./pages/welcome/welcome-page.tsx'), 'WelcomePage'),
    menu: { label: 'menu.welcome', icon: <MessageOutlined />, section: 'acquisition' },
  },
  {
    path: '/keywords',
    page: lazyPage(() => import('./pages/keywords/keywords-page.tsx'), 'KeywordsPage'),
    menu: { label: 'menu.keywords', icon: <MessageOutlined />, section: 'engagement' },
  },
  {
    path: '/moderation',
    page: lazyPage(() => import('./pages/moderation/moderation-page.tsx'), 'ModerationPage'),
    menu: { label: 'menu.moderation', icon: <SafetyOutlined />, section: 'engagement' },
    roles: adminRoles,
  },
  {
    path: '/mass-sends',
    page: lazyPage(() => import('./pages/mass-sends/mass-sends-page.tsx'), 'MassSendsPage'),
    menu: { label: 'menu.massSends', icon: <NotificationOutlined />, section: 'engagement' },
    roles: adminRoles,
  },
  {
    path: '/loyalty',
    page: lazyPage(() => import('./pages/loyalty/loyalty-page.tsx'), 'LoyaltyPage'),
    menu: { label: 'menu.points', icon: <HeartOutlined />, section: 'loyalty' },
  },
  {
    path: '/coupons',
    page: lazyPage(() => import('./pages/loyalty/coupons-page.tsx'), 'CouponsPage'),
    menu: { label: 'menu.coupons', icon: <GiftOutlined />, section: 'loyalty' },
  },
  {
    path: '/mall',
    page: lazyPage(() => import('./pages/loyalty/mall-page.tsx'), 'MallPage'),
    menu: { label: 'menu.mall', icon: <ShopOutlined />, section: 'loyalty' },
  },
  // Orders and analytics (pages/orders, pages/analytics).
  {
    path: '/analytics',
    page: lazyPage(() => import('./pages/analytics/analytics-page.tsx'), 'AnalyticsPage'),
    menu: { label: 'menu.analytics', icon: <BarChartOutlined />, section: 'insights' },
  },
  {
    path: '/orders',
    page: lazyPage(() => import('./pages/orders/orders-page.tsx'), 'OrdersPage'),
    menu: { label: 'menu.orders', icon: <ShoppingCartOutlined />, section: 'insights' },
  },
  {
    path: '/simulator',
    page: lazyPage(() => import('./pages/simulator/simulator-page.tsx'), 'SimulatorPage'),
    menu: { label: 'menu.simulator', icon: <ExperimentOutlined />, section: 'system' },
    roles: adminRoles,
  },
  {
    path: '/operations',
    page: lazyPage(() => import('./pages/operations/operations-page.tsx'), 'OperationsPage'),
    menu: { label: 'menu.operations', icon: <SwapOutlined />, section: 'system' },
    roles: adminRoles,
  },
  {
    path: '/settings/organisation',
    page: lazyPage(() => import('./pages/settings/organisation-page.tsx'), 'OrganisationPage'),
    menu: { label: 'menu.organisation', icon: <ShopOutlined />, section: 'settings' },
  },
  {
    path: '/settings/staff',
    page: lazyPage(() => import('./pages/settings/staff-page.tsx'), 'StaffPage'),
    menu: { label: 'menu.staff', icon: <TeamOutlined />, section: 'settings' },
    roles: [...adminRoles, 'store_manager'],
  },
  {
    path: '/settings/platforms',
    page: lazyPage(() => import('./pages/settings/platform-accounts-page.tsx'), 'PlatformAccountsPage'),
    menu: { label: 'menu.platforms', icon: <ApiOutlined />, section: 'settings' },
    roles: adminRoles,
  },
  {
    path: '/settings/api-keys',
    page: lazyPage(() => import('./pages/settings/api-keys-page.tsx'), 'ApiKeysPage'),
    menu: { label: 'menu.apiKeys', icon: <KeyOutlined />, section: 'settings' },
    roles: adminRoles,
  },
  {
    path: '/settings/audit',
    page: lazyPage(() => import('./pages/settings/audit-page.tsx'), 'AuditPage'),
    menu: { label: 'menu.audit', icon: <AuditOutlined />, section: 'settings' },
    roles: adminRoles,
  },
];

/** Whether someone with these roles may open the route. */
export const canOpen = (route: ConsoleRoute, hasRole: (...roles: readonly Role[]) => boolean): boolean =>
  !route.roles || hasRole(...route.roles);

/**
 * Starts loading the page chunk (and the page's first data, where it says how) of the URL the console opens on,
 * alongside the sign-in check instead of after it, so the first page does not wait on a chain of round trips.
 */
export const preloadPageFor = (pathname: string, client: QueryClient, storeId: string | undefined): void => {
  const route = consoleRoutes.find((r) => matchPath(r.path, pathname));
  void route?.page.preload();
  route?.prefetch?.(client, storeId);
};

/** The menu route a path belongs to: the longest menu path that prefixes it (`/communities/1` → `/communities`). */
export const menuPathOf = (pathname: string): string | undefined =>
  consoleRoutes
    .filter((r) => r.menu && (r.path === pathname || (r.path !== '/' && pathname.startsWith(`${r.path}/`))))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
