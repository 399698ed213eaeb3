import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, InputNumber, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

type Values = { attributionWindowDays: number };

/** The attribution window: an order counts for the campaigns its member joined at most this many days before. */
export const AnalyticsSettingsCard = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const [form] = Form.useForm<Values>();
  const settings = useQuery({
    queryKey: ['getAnalyticsSettings'],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/settings')),
  });
  const save = useSave({
    save: (v: Values) => unwrap(api.PUT('/api/v1/analytics/settings', { body: v })),
    invalidates: [['getAnalyticsSettings']],
    form,
  });
  return (
    <Card size="small" title={t('analytics.settings')} loading={settings.isPending}>
      {settings.data && (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={settings.data}
          disabled={!isAdmin}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 420 }}
        >
          <Form.Item
            name="attributionWindowDays"
            label={t('analytics.attributionWindow')}
            extra={t('analytics.attributionHelp')}
            rules={[{ required: true, type: 'integer', min: 1, max: 90 }]}
          >
            <InputNumber<number>
              min={1}
              max={90}
              precision={0}
              suffix={t('analytics.days')}
              style={{ width: 160 }}
              data-testid="attribution-days"
            />
          </Form.Item>
          {isAdmin ? (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
              {t('common.save')}
            </Button>
          ) : (
            <Typography.Text type="secondary">{t('analytics.adminsOnly')}</Typography.Text>
          )}
        </Form>
      )}
    </Card>
  );
};
