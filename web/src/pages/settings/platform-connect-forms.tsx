import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { operations } from '../../api/schema.d.ts';
import type { PlatformAccount, Schemas } from '../../api/types.ts';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';

export type ConnectFormProps = { onClose: () => void; onSecret: (secret: string) => void };
type Report = Schemas['ConnectionReport'];
type CreateAccountBody = NonNullable<
  operations['createPlatformAccount']['requestBody']
>['content']['application/json'];

/** Where the operator pastes Orchard's address, shown once the account exists. */
const Connected = ({ account, onClose }: { account: PlatformAccount; onClose: () => void }) => {
  const t = useT();
  return (
    <Modal
      open
      title={t('platforms.connected')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ hidden: true }}
    >
      <Typography.Paragraph>
        {t(`platforms.pasteWebhook.${account.platform}` as 'platforms.pasteWebhook.wecom')}
      </Typography.Paragraph>
      <Typography.Paragraph copyable code data-testid="connected-webhook">
        {account.webhookUrl}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('platforms.secretsHidden')}</Typography.Paragraph>
      <CheckConnectionButton accountId={account.id} />
    </Modal>
  );
};

/**
 * Connects an account: settings stored as they are, secrets sealed at rest and never shown back. The server
 * validates each field (a wrong corp id or AES key comes back under its field).
 */
const useConnect = <V,>(form: FormInstance<V>, onDone: (account: PlatformAccount) => void) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccountBody) => unwrap(api.POST('/api/v1/platform-accounts', { body })),
    onSuccess: async (account) => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['listPlatformAccounts'] });
      onDone(account);
    },
    onError: (error) => showError(error, form),
  });
};

type WecomValues = {
  name: string;
  settings: { corpId: string; agentId: number };
  secrets: { secret: string; callbackToken: string; encodingAesKey: string };
};

export const WecomConnectForm = ({ onClose }: ConnectFormProps) => {
  const t = useT();
  const [form] = Form.useForm<WecomValues>();
  const [account, setAccount] = useState<PlatformAccount | null>(null);
  const connect = useConnect(form, setAccount);
  if (account) return <Connected account={account} onClose={onClose} />;
  return (
    <Modal
      open
      width={620}
      title={t('platforms.connectWecom')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={connect.isPending}
    >
      <Typography.Paragraph type="secondary">{t('platforms.wecomHelp')}</Typography.Paragraph>
      <Form<WecomValues>
        form={form}
        layout="vertical"
        initialValues={{ name: 'WeCom' }}
        onFinish={(v) =>
          connect.mutate({ platform: 'wecom', name: v.name, settings: v.settings, secrets: v.secrets })
        }
      >
        <Form.Item name="name" label={t('platforms.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name={['settings', 'corpId']}
          label={t('platforms.corpId')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9_-]{4,64}$/, message: t('platforms.corpIdInvalid') },
          ]}
        >
          <Input placeholder="ww…" autoComplete="off" />
        </Form.Item>
        <Form.Item name={['settings', 'agentId']} label={t('platforms.agentId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name={['secrets', 'secret']}
          label={t('platforms.appSecret')}
          rules={[{ required: true, max: 200 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name={['secrets', 'callbackToken']}
          label={t('platforms.callbackToken')}
          rules={[
            { required: true, pattern: /^[A-Za-z0-9]{1,32}$/, message: t('platforms.callbackTokenInvalid') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name={['secrets', 'encodingAesKey']}
          label="EncodingAESKey"
          rules={[{ required: true, pattern: /^[A-Za-z0-9]{43}$/, message: t('platforms.aesKeyInvalid') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
};

type TelegramValues = {
  name: string;
  settings: { mode: 'webhook' | 'polling' };
  secrets: { botToken: string; webhookSecret?: string };
};

export const TelegramConnectForm = ({ onClose }: ConnectFormProps) => {
  const t = useT();
  const [form] = Form.useForm<TelegramValues>();
  const [account, setAccount] = useState<PlatformAccount | null>(null);
  const connect = useConnect(form, setAccount);
  if (account) return <Connected account={account} onClose={onClose} />;
  return (
    <Modal
      open
      width={620}
      title={t('platforms.connectTelegram')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={connect.isPending}
    >
      <Typography.Paragraph type="secondary">{t('platforms.telegramHelp')}</Typography.Paragraph>
      <Form<TelegramValues>
        form={form}
        layout="vertical"
        initialValues={{ name: 'Telegram bot', settings: { mode: 'webhook' } }}
        onFinish={(v) =>
          connect.mutate({
            platform: 'telegram',
            name: v.name,
            settings: v.settings,
            secrets: {
              botToken: v.secrets.botToken,
              ...(v.secrets.webhookSecret ? { webhookSecret: v.secrets.webhookSecret } : {}),
            },
          })
        }
      >
        <Form.Item name="name" label={t('platforms.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name={['secrets', 'botToken']}
          label={t('platforms.botToken')}
          rules={[
            { required: true, pattern: /^\d+:[A-Za-z0-9_-]{20,}$/, message: t('platforms.botTokenInvalid') },
          ]}
        >
          <Input.Password placeholder="123456:ABC…" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name={['secrets', 'webhookSecret']}
          label={t('platforms.webhookSecretOptional')}
          extra={t('platforms.webhookSecretHelp')}
          rules={[{ pattern: /^[A-Za-z0-9_-]{1,256}$/, message: t('platforms.webhookSecretInvalid') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name={['settings', 'mode']} label={t('platforms.mode')} extra={t('platforms.modeHelp')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'webhook', label: t('platforms.mode.webhook') },
              { value: 'polling', label: t('platforms.mode.polling') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Calls the platform with the stored credentials and lists what works. */
export const CheckConnectionButton = ({ accountId }: { accountId: string }) => {
  const t = useT();
  const showError = useServerErrors();
  const [report, setReport] = useState<Report | null>(null);
  const check = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/platform-accounts/{id}/check', { params: { path: { id: accountId } } })),
    onSuccess: setReport,
    onError: (error) => showError(error),
  });
  return (
    <>
      <Button
        size="small"
        loading={check.isPending}
        onClick={() => check.mutate()}
        data-testid="platform-check"
      >
        {t('platforms.check')}
      </Button>
      <Modal
        open={report !== null}
        title={t('platforms.checkTitle')}
        onCancel={() => setReport(null)}
        onOk={() => setReport(null)}
        cancelButtonProps={{ hidden: true }}
      >
        {report && (
          <>
            <Alert
              type={report.isOk ? 'success' : 'error'}
              showIcon
              message={t(report.isOk ? 'platforms.checkOk' : 'platforms.checkFailed')}
              style={{ marginBottom: 12 }}
            />
            <List
              size="small"
              dataSource={report.checks}
              renderItem={(c) => (
                <List.Item>
                  <List.Item.Meta
                    avatar={
                      c.isOk ? (
                        <CheckCircleTwoTone twoToneColor="#52c41a" />
                      ) : (
                        <CloseCircleTwoTone twoToneColor="#ff4d4f" />
                      )
                    }
                    title={c.name}
                    description={c.detail}
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </>
  );
};
