import { DownOutlined, GlobalOutlined, LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Select, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/auth.tsx';
import { type Locale, useI18n } from '../i18n/i18n.tsx';
import { useStoreScope } from './store-scope.tsx';

export const localeNames: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

// Menus open on click, not hover: the same on touch screens, and a menu does not close under a pointer that is
// still travelling to it while the page re-renders.
export const LanguageSwitch = () => {
  const { locale, setLocale } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [locale],
        items: (Object.keys(localeNames) as Locale[]).map((key) => ({ key, label: localeNames[key] })),
        onClick: ({ key }) => setLocale(key as Locale),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} data-testid="language-switch">
        {localeNames[locale]}
      </Button>
    </Dropdown>
  );
};

/** Brand-wide callers pick any store or the whole brand; store-bound callers see their store(s). */
const StoreSwitcher = () => {
  const { t } = useI18n();
  const { isAdmin } = useAuth();
  const { storeId, setStoreId, stores } = useStoreScope();
  if (!isAdmin && stores.length === 1) {
    return (
      <Tag icon={<ShopOutlined />} color="green" style={{ marginInlineEnd: 0 }}>
        {stores[0]!.name}
      </Tag>
    );
  }
  // The remembered store is in force before the store list arrives; until then it has no name to show.
  const isNamed = storeId === undefined || stores.some((store) => store.id === storeId);
  return (
    <Select
      data-testid="store-switcher"
      value={isNamed ? (storeId ?? '') : undefined}
      loading={!isNamed}
      placeholder="…"
      onChange={(value) => setStoreId(value || undefined)}
      style={{ minWidth: 180 }}
      variant="filled"
      suffixIcon={<ShopOutlined />}
      options={[
        { value: '', label: t(isAdmin ? 'layout.allStores' : 'layout.allMyStores') },
        ...stores.map((store) => ({ value: store.id, label: store.name })),
      ]}
    />
  );
};

export const HeaderBar = () => {
  const { t } = useI18n();
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const name = me?.caller.name ?? '';
  return (
    <div style={{ flex: 1, display: 'flex', alignItems: 'center', gap: 12, minWidth: 0 }}>
      <Typography.Text strong ellipsis style={{ maxWidth: 280 }} data-testid="brand-name">
        {me?.tenant.name}
      </Typography.Text>
      <StoreSwitcher />
      <div style={{ flex: 1 }} />
      <LanguageSwitch />
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'roles',
              disabled: true,
              label: (me?.roles ?? []).map((role) => t(`role.${role}`)).join(' · '),
            },
            { type: 'divider' },
            { key: 'sign-out', icon: <LogoutOutlined />, label: t('layout.signOut') },
          ],
          onClick: async ({ key }) => {
            if (key !== 'sign-out') return;
            await signOut();
            navigate('/sign-in');
          },
        }}
      >
        <Button type="text" data-testid="user-menu">
          <Space size={8}>
            <Avatar size="small" icon={<UserOutlined />} style={{ background: '#2f7d4a' }} />
            <span>{name}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
    </div>
  );
};
