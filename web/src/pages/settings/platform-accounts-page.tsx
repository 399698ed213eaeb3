import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Dropdown,
  Form,
  Input,
  Modal,
  Row,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { type ComponentType, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PlatformAccount } from '../../api/types.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatDate } from '../../components/format.ts';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { SecretOnceModal } from '../../components/secret-once-modal.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import {
  CheckConnectionButton,
  type ConnectFormProps,
  TelegramConnectForm,
  WecomConnectForm,
} from './platform-connect-forms.tsx';

type Platform = PlatformAccount['platform'];

const SandboxConnectForm = ({ onClose, onSecret }: ConnectFormProps) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const create = useMutation({
    mutationFn: (values: { name: string }) =>
      unwrap(api.POST('/api/v1/platform-accounts', { body: { platform: 'sandbox', name: values.name } })),
    onSuccess: async (account) => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['listPlatformAccounts'] });
      onClose();
      if (account.webhookSecret) onSecret(account.webhookSecret);
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Modal
      open
      title={t('platforms.connectSandbox')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Typography.Paragraph type="secondary">{t('platforms.sandboxHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: 'Sandbox' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="name" label={t('platforms.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** One connect form per platform. */
const connectForms: Partial<Record<Platform, ComponentType<ConnectFormProps>>> = {
  sandbox: SandboxConnectForm,
  wecom: WecomConnectForm,
  telegram: TelegramConnectForm,
};
const platforms: Platform[] = ['sandbox', 'wecom', 'telegram'];

const CapabilityList = ({
  capabilities: c,
}: {
  capabilities: NonNullable<PlatformAccount['capabilities']>;
}) => {
  const t = useT();
  const yes = (on: boolean, label: string) => (
    <Tag key={label} color={on ? 'green' : 'default'}>
      {label}
    </Tag>
  );
  return (
    <div>
      {yes(c.canSendDirect, t('capability.sendDirect'))}
      {yes(c.canCreateGroup, t('capability.createGroup'))}
      {yes(c.canReadGroupMessages, t('capability.readMessages'))}
      {yes(c.canSendDice, t('capability.dice'))}
      {yes(c.moderation.delete, t('capability.delete'))}
      {yes(c.moderation.mute, t('capability.mute'))}
      {yes(c.moderation.remove, t('capability.remove'))}
      {yes(c.moderation.ban, t('capability.ban'))}
      {yes(c.entryLinks.group, t('capability.groupLinks'))}
      {yes(c.moments, t('capability.moments'))}
    </div>
  );
};

export const PlatformAccountsPage = () => {
  const t = useT();
  const accounts = usePlatformAccounts();
  const [connecting, setConnecting] = useState<Platform | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const ConnectForm = connecting ? connectForms[connecting] : undefined;
  return (
    <PageContainer
      title={t('platforms.title')}
      subtitle={t('platforms.subtitle')}
      extra={
        <Dropdown
          trigger={['click']}
          menu={{
            items: platforms.map((p) => ({
              key: p,
              label: connectForms[p]
                ? t(`platform.${p}`)
                : `${t(`platform.${p}`)} · ${t('platforms.comingSoon')}`,
              disabled: !connectForms[p],
            })),
            onClick: ({ key }) => setConnecting(key as Platform),
          }}
        >
          <Button type="primary" icon={<PlusOutlined />}>
            {t('platforms.connect')}
          </Button>
        </Dropdown>
      }
    >
      {accounts.isPending ? (
        <Skeleton active />
      ) : (accounts.data ?? []).length === 0 ? (
        <Card>
          <EmptyHint
            description={t('platforms.empty')}
            action={<Button onClick={() => setConnecting('sandbox')}>{t('platforms.connectSandbox')}</Button>}
          />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {(accounts.data ?? []).map((account) => (
            <Col key={account.id} xs={24} xl={12}>
              <Card
                title={account.name}
                extra={
                  <>
                    <Tag color="geekblue">{t(`platform.${account.platform}`)}</Tag>
                    <Tag color={account.status === 'active' ? 'green' : 'default'}>
                      {t(`accountStatus.${account.status}`)}
                    </Tag>
                    <CheckConnectionButton accountId={account.id} />
                  </>
                }
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('platforms.webhook')}>
                    <Typography.Text copyable style={{ fontSize: 12 }}>
                      {account.webhookUrl}
                    </Typography.Text>
                  </Descriptions.Item>
                  {account.capabilities && (
                    <>
                      <Descriptions.Item label={t('platforms.capacity')}>
                        {account.capabilities.groupCapacity}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('platforms.rateLimit')}>
                        {t('platforms.rateLimitValue', {
                          perSecond: account.capabilities.rateLimits.perSecond,
                          perChat: account.capabilities.rateLimits.perChatPerMinute,
                        })}
                      </Descriptions.Item>
                      <Descriptions.Item label={t('platforms.welcome')}>
                        {t(`welcomeMode.${account.capabilities.welcome.mode}`)}
                      </Descriptions.Item>
                    </>
                  )}
                  <Descriptions.Item label={t('common.created')}>
                    {formatDate(account.createdAt)}
                  </Descriptions.Item>
                </Descriptions>
                {account.capabilities && (
                  <>
                    <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px' }}>
                      {t('platforms.capabilities')}
                    </Typography.Text>
                    <CapabilityList capabilities={account.capabilities} />
                  </>
                )}
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {ConnectForm && <ConnectForm onClose={() => setConnecting(null)} onSecret={setSecret} />}
      <SecretOnceModal title={t('platforms.webhookSecret')} secret={secret} onClose={() => setSecret(null)} />
    </PageContainer>
  );
};
