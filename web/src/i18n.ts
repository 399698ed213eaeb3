export type Locale = 'zh-CN' | 'en';

const messages = {
  'zh-CN': {
    tagline: '私域社群运营平台',
    email: '邮箱',
    password: '密码',
    signIn: '登录',
    signOut: '退出',
    signedInAs: '已登录',
    brand: '品牌',
    roles: '角色',
    apiDocs: 'API 文档',
    consoleSoon: '完整的运营控制台即将到来；现在可以通过 API 和沙盒模拟器操作。',
    failed: '登录失败',
  },
  en: {
    tagline: 'Community operations platform',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    brand: 'Brand',
    roles: 'Roles',
    apiDocs: 'API reference',
    consoleSoon: 'The full operator console is on its way; meanwhile use the API and the sandbox simulator.',
    failed: 'Sign-in failed',
  },
} as const;

export type MessageKey = keyof (typeof messages)['en'];

export const detectLocale = (): Locale => (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');

export const translate = (locale: Locale, key: MessageKey): string => messages[locale][key];
