import { type FormEvent, useEffect, useState } from 'react';
import { detectLocale, type Locale, type MessageKey, translate } from './i18n.ts';

type Me = { staff?: { name: string; email: string | null }; tenant: { name: string }; roles: string[] };

const fetchMe = async (token: string): Promise<Me | null> => {
  const res = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  return res.ok ? ((await res.json()) as Me) : null;
};

export const App = () => {
  const [locale, setLocale] = useState<Locale>(detectLocale);
  const [token, setToken] = useState(() => localStorage.getItem('orchard.token'));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = (key: MessageKey) => translate(locale, key);

  useEffect(() => {
    if (token) void fetchMe(token).then(setMe);
  }, [token]);

  const signIn = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const res = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: form.get('email'), password: form.get('password') }),
    });
    if (!res.ok) {
      setError(t('failed'));
      return;
    }
    const body = (await res.json()) as { token: string };
    localStorage.setItem('orchard.token', body.token);
    setError(null);
    setToken(body.token);
  };

  const signOut = () => {
    localStorage.removeItem('orchard.token');
    setToken(null);
    setMe(null);
  };

  return (
    <main className="card">
      <header>
        <h1>Orchard</h1>
        <button type="button" className="link" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {locale === 'en' ? '中文' : 'English'}
        </button>
      </header>
      <p className="muted">{t('tagline')}</p>
      {me ? (
        <section>
          <p>
            {t('signedInAs')} <strong>{me.staff?.name ?? 'API key'}</strong> · {t('brand')}: {me.tenant.name}{' '}
            · {t('roles')}: {me.roles.join(', ')}
          </p>
          <p className="muted">{t('consoleSoon')}</p>
          <button type="button" onClick={signOut}>
            {t('signOut')}
          </button>
        </section>
      ) : (
        <form onSubmit={signIn}>
          <label>
            {t('email')}
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label>
            {t('password')}
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {error && <p className="error">{error}</p>}
          <button type="submit">{t('signIn')}</button>
        </form>
      )}
      <footer>
        <a href="/api/docs">{t('apiDocs')}</a> · <a href="/api/openapi.json">OpenAPI</a>
      </footer>
    </main>
  );
};
