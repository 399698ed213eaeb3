import type { ThemeConfig } from 'antd';

/**
 * Orchard green with Ant Design Pro's density. Styles are compiled from this at build time
 * (scripts/antd-css.ts → src/generated/antd.css) and the app runs antd in zero-runtime mode, so the first page
 * spends no time generating CSS in the browser. A fixed CSS-variable key makes the built and the running theme meet.
 */
export const orchardTheme: ThemeConfig = {
  cssVar: { key: 'orchard' },
  hashed: false,
  token: { colorPrimary: '#2f7d4a', colorLink: '#2f7d4a', borderRadius: 6, fontSize: 14 },
  components: {
    Layout: { siderBg: '#0f2419', headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: {
      darkItemBg: '#0f2419',
      darkSubMenuItemBg: '#0b1c13',
      darkItemSelectedBg: '#2f7d4a',
      darkItemColor: 'rgba(255,255,255,0.72)',
    },
  },
};
