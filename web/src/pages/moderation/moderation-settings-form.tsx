import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { ladderSteps, type ModerationSettings } from '../../api/types.ts';
import { StaffPicker } from '../../components/pickers.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';

const checks = ['links', 'qrCodes', 'blockedWords', 'flood', 'newcomerLinks'] as const;

/** The brand's group rules, escalation ladder and whitelist; saving replaces them whole. */
export const ModerationSettingsForm = () => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ModerationSettings>();
  const settings = useQuery({
    queryKey: ['getModerationSettings'],
    queryFn: () => unwrap(api.GET('/api/v1/moderation/settings')),
  });
  const save = useMutation({
    mutationFn: (values: ModerationSettings) =>
      unwrap(api.PUT('/api/v1/moderation/settings', { body: values })),
    onSuccess: async (saved) => {
      message.success(t('common.saved'));
      queryClient.setQueryData(['getModerationSettings'], saved);
    },
    onError: (error) => showError(error, form),
  });
  if (!settings.data) return <Skeleton active />;
  return (
    <Form<ModerationSettings>
      form={form}
      layout="vertical"
      initialValues={settings.data}
      onFinish={(values) => save.mutate(values)}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('moderation.checks')}>
            {checks.map((check) => (
              <Form.Item
                key={check}
                name={['checks', check]}
                valuePropName="checked"
                label={t(`moderationCheck.${check}`)}
                layout="horizontal"
                labelCol={{ span: 14 }}
                style={{ marginBottom: 8 }}
              >
                <Switch size="small" />
              </Form.Item>
            ))}
            <Divider style={{ margin: '12px 0' }} />
            <Form.Item
              name="blockedWords"
              label={t('moderation.blockedWords')}
              extra={t('moderation.blockedWordsHelp')}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
            </Form.Item>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name={['flood', 'messages']} label={t('moderation.floodMessages')}>
                  <InputNumber min={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['flood', 'seconds']} label={t('moderation.floodSeconds')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="newcomerWindowMinutes" label={t('moderation.newcomerWindow')}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('moderation.actions')}>
            <Form.Item name="ladder" label={t('moderation.ladder')} extra={t('moderation.ladderHelp')}>
              <Select
                mode="multiple"
                options={ladderSteps.map((s) => ({ value: s, label: t(`ladder.${s}`) }))}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="muteMinutes" label={t('moderation.muteMinutes')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="offenceWindowDays" label={t('moderation.offenceWindow')}>
                  <InputNumber min={1} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="deleteOffendingMessage"
              valuePropName="checked"
              label={t('moderation.deleteMessage')}
            >
              <Switch size="small" />
            </Form.Item>
            <Form.Item name="warnText" label={t('moderation.warnText')} extra={t('moderation.warnTextHelp')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Typography.Text strong>{t('moderation.whitelist')}</Typography.Text>
            <Form.Item
              name={['whitelist', 'allStaff']}
              valuePropName="checked"
              label={t('moderation.allStaff')}
            >
              <Switch size="small" />
            </Form.Item>
            <Form.Item name={['whitelist', 'staffIds']} label={t('moderation.whitelistStaff')}>
              <StaffPicker mode="multiple" />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
};
