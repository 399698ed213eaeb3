import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { useAuth } from '../auth/auth.tsx';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from '../layout/header-bar.tsx';
import { OrchardMark } from '../layout/orchard-logo.tsx';

type Credentials = { email: string; password: string };

export const SignInPage = () => {
  const t = useT();
  const { token, signIn } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (token) return <Navigate to={from} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      const result = await unwrap(api.POST('/api/v1/auth/login', { body: values }));
      signIn(result.token);
      navigate(from, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? t('signIn.wrong') : t('signIn.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: 'linear-gradient(160deg, #eaf5ee 0%, #f5f7fa 45%, #eef2f7 100%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ width: 'min(400px, 100%)' }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <OrchardMark size={48} />
          <Typography.Title level={2} style={{ margin: '12px 0 4px' }}>
            Orchard
          </Typography.Title>
          <Typography.Text type="secondary">{t('signIn.tagline')}</Typography.Text>
        </div>
        <Card styles={{ body: { padding: 28 } }}>
          <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 20 }}>
            {t('signIn.title')}
          </Typography.Title>
          <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item
              name="email"
              rules={[
                { required: true, message: t('signIn.emailRequired') },
                { type: 'email', message: t('signIn.emailInvalid') },
              ]}
            >
              <Input prefix={<MailOutlined />} placeholder={t('signIn.email')} autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('signIn.password')}
                autoComplete="current-password"
              />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Card>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 20, fontSize: 12 }}>
          {t('signIn.firstStart')} · <a href="/api/docs">{t('layout.apiDocs')}</a>
        </Typography.Paragraph>
      </div>
    </div>
  );
};
