import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth.tsx';
import { useT } from '../i18n/i18n.tsx';
import { canOpen, consoleRoutes, menuPathOf, menuSections } from '../routes.tsx';
import { HeaderBar } from './header-bar.tsx';
import { OrchardLogo } from './orchard-logo.tsx';

type MenuItem = Required<MenuProps>['items'][number];

/** The console frame in the manner of Ant Design Pro: a dark sider with the menu, a header bar, the page. */
export const ConsoleLayout = ({ children }: { children: ReactNode }) => {
  const t = useT();
  const { hasRole } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem('orchard.sider') === 'collapsed');

  const items = useMemo<MenuItem[]>(() => {
    const visible = consoleRoutes.filter((route) => route.menu && canOpen(route, hasRole));
    const leaf = (route: (typeof visible)[number]): MenuItem => ({
      key: route.path,
      icon: route.menu?.icon,
      label: t(route.menu!.label),
    });
    const top = visible.filter((route) => !route.menu?.section).map(leaf);
    const sections = menuSections
      .map((section) => ({
        key: `section:${section.key}`,
        icon: section.icon,
        label: t(section.label),
        children: visible.filter((route) => route.menu?.section === section.key).map(leaf),
      }))
      .filter((section) => section.children.length > 0);
    return [...top, ...sections];
  }, [t, hasRole]);

  const selected = menuPathOf(pathname);
  const openSection = consoleRoutes.find((r) => r.path === selected)?.menu?.section;
  const toggle = () => {
    localStorage.setItem('orchard.sider', collapsed ? 'open' : 'collapsed');
    setCollapsed(!collapsed);
  };

  return (
    <Layout style={{ minHeight: '100vh', background: '#0f2419' }} hasSider>
      <Layout.Sider
        width={232}
        collapsedWidth={64}
        collapsed={collapsed}
        trigger={null}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <OrchardLogo collapsed={collapsed} />
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={menuSections.map((s) => `section:${s.key}`)}
          key={openSection ?? 'none'}
          onClick={({ key }) => navigate(key)}
          style={{ background: 'transparent', borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button
            type="text"
            aria-label={t(collapsed ? 'layout.expand' : 'layout.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={toggle}
          />
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>{children}</Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 20px', fontSize: 12 }}>
          Orchard · <a href="/api/docs">{t('layout.apiDocs')}</a>
        </Layout.Footer>
      </Layout>
    </Layout>
  );
};
