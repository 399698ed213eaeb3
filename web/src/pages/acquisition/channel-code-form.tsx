import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { api, unwrap } from '../../api/client.ts';
import {
  assignmentStrategies,
  type ChannelCode,
  type ChannelCodeTarget,
  channelSources,
} from '../../api/types.ts';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { usePlatformAccounts, useSeries, useStaff } from '../../components/lookups.ts';
import { StaffPicker, StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { toWelcomeContent, WelcomeEditor, type WelcomeValues } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { dropUnassignable } from './code-staff.ts';
import { partnersQuery } from './partners-tab.tsx';

type Strategy = (typeof assignmentStrategies)[number];
type Window = { weekdays: number[]; from: string; to: string; staffIds: string[] };

/** The form mirrors the API's body (`target.staff.0.staffId`…), so a refusal lands under its field. */
type Values = {
  name: string;
  source: ChannelCode['source'];
  platformAccountId: string;
  storeId?: string;
  partnerId?: string;
  headline?: string;
  target: {
    kind: 'staff' | 'group';
    strategy: Strategy;
    staff: { staffId?: string; dailyCap?: number | null }[];
    dailyCap?: number | null;
    backupStaffIds?: string[];
    schedule?: Window[];
    seriesId?: string;
  };
  tagNames?: string[];
  welcome?: WelcomeValues;
  expiresAt?: Dayjs | null;
  totalCap?: number | null;
};

const weekdays = [1, 2, 3, 4, 5, 6, 7];
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const toTarget = (target: Values['target']): ChannelCodeTarget =>
  target.kind === 'group'
    ? { kind: 'group', seriesId: target.seriesId ?? '' }
    : {
        kind: 'staff',
        strategy: target.strategy,
        staff: target.staff
          .filter((s) => s.staffId)
          .map((s) => ({ staffId: s.staffId!, dailyCap: s.dailyCap ?? undefined })),
        dailyCap: target.dailyCap ?? null,
        backupStaffIds: target.backupStaffIds ?? [],
        schedule: target.strategy === 'schedule' ? (target.schedule ?? []) : [],
      };

const valuesOf = (code: ChannelCode): Values => ({
  name: code.name,
  source: code.source,
  platformAccountId: code.platformAccountId,
  storeId: code.storeId ?? undefined,
  partnerId: code.partnerId ?? undefined,
  headline: code.headline ?? undefined,
  target:
    code.target.kind === 'group'
      ? { kind: 'group', seriesId: code.target.seriesId, strategy: 'round_robin', staff: [{}] }
      : {
          kind: 'staff',
          strategy: code.target.strategy,
          staff: code.target.staff.map((s) => ({ staffId: s.staffId, dailyCap: s.dailyCap })),
          backupStaffIds: code.target.backupStaffIds,
          schedule: code.target.schedule,
        },
  tagNames: code.tagNames,
  welcome: {
    text: code.welcome?.text,
    attachments: code.welcome?.attachments,
  },
  expiresAt: code.expiresAt ? dayjs(code.expiresAt) : null,
  totalCap: code.totalCap,
});

/**
 * The platform accounts a code may use. Admins list them; a store manager (who may create codes but not read
 * credentials) picks among the accounts their store's community series use.
 */
const useAccountOptions = () => {
  const t = useT();
  const accounts = usePlatformAccounts();
  const series = useSeries().data ?? [];
  return useMemo(() => {
    if (accounts.data) return accounts.data.map((a) => ({ value: a.id, label: a.name }));
    const ids = [...new Set(series.map((s) => s.platformAccountId))];
    return ids.map((id) => ({ value: id, label: t('codes.accountOf', { id: id.slice(0, 8) }) }));
  }, [accounts.data, series, t]);
};

type PickerProps = Omit<Parameters<typeof StaffPicker>[0], 'assignableOn'>;

/** Only the staff who can take members on the code's platform account; none until one is chosen. */
const CodeStaffPicker = ({ platformAccountId, ...props }: PickerProps & { platformAccountId?: string }) => {
  const t = useT();
  if (!platformAccountId)
    return <StaffPicker {...props} disabled placeholder={t('codes.pickAccountFirst')} />;
  return <StaffPicker {...props} assignableOn={platformAccountId} />;
};

const ScheduleWindows = ({ platformAccountId }: { platformAccountId?: string }) => {
  const t = useT();
  return (
    <Form.List name={['target', 'schedule']}>
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col span={8}>
                <Form.Item name={[field.name, 'weekdays']} rules={[{ required: true }]}>
                  <Select
                    mode="multiple"
                    placeholder={t('codes.weekdays')}
                    maxTagCount="responsive"
                    options={weekdays.map((d) => ({ value: d, label: t(`weekday.${d}` as 'weekday.1') }))}
                  />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item
                  name={[field.name, 'from']}
                  rules={[{ required: true, pattern: hhmm, message: 'HH:MM' }]}
                >
                  <Input placeholder="09:00" />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Form.Item
                  name={[field.name, 'to']}
                  rules={[{ required: true, pattern: hhmm, message: 'HH:MM' }]}
                >
                  <Input placeholder="18:00" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={[field.name, 'staffIds']} rules={[{ required: true }]}>
                  <CodeStaffPicker
                    platformAccountId={platformAccountId}
                    mode="multiple"
                    maxTagCount="responsive"
                  />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ weekdays: [1, 2, 3, 4, 5], from: '09:00', to: '18:00', staffIds: [] })}
          >
            {t('codes.addWindow')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
};

const StaffTargetFields = ({
  strategy,
  platformAccountId,
}: {
  strategy: Strategy | undefined;
  platformAccountId?: string;
}) => {
  const t = useT();
  return (
    <>
      <Form.Item
        name={['target', 'strategy']}
        label={t('codes.strategy')}
        extra={strategy && t(`strategyHelp.${strategy}`)}
      >
        <Radio.Group
          optionType="button"
          options={assignmentStrategies.map((s) => ({ value: s, label: t(`strategy.${s}`) }))}
        />
      </Form.Item>
      <Typography.Text strong>{t('codes.staff')}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {t('codes.staffHelp')}
      </Typography.Text>
      <Form.List name={['target', 'staff']}>
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {fields.map((field) => (
              <Row key={field.key} gutter={8}>
                <Col span={14}>
                  <Form.Item
                    name={[field.name, 'staffId']}
                    rules={[{ required: true, message: t('codes.pickStaff') }]}
                  >
                    <CodeStaffPicker
                      platformAccountId={platformAccountId}
                      data-testid={`code-staff-${field.name}`}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item name={[field.name, 'dailyCap']}>
                    <InputNumber
                      min={1}
                      max={100000}
                      placeholder={t('codes.dailyCap')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                    />
                  )}
                </Col>
              </Row>
            ))}
            {fields.length < 50 && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({})}
                style={{ marginBottom: 16 }}
              >
                {t('codes.addStaff')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item
            name={['target', 'dailyCap']}
            label={t('codes.defaultDailyCap')}
            tooltip={t('codes.dailyCapHelp')}
          >
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name={['target', 'backupStaffIds']}
            label={t('codes.backupStaff')}
            tooltip={t('codes.backupHelp')}
          >
            <CodeStaffPicker platformAccountId={platformAccountId} mode="multiple" maxTagCount="responsive" />
          </Form.Item>
        </Col>
      </Row>
      {strategy === 'schedule' && (
        <Form.Item label={t('codes.schedule')} extra={t('codes.scheduleHelp')}>
          <ScheduleWindows platformAccountId={platformAccountId} />
        </Form.Item>
      )}
    </>
  );
};

/** Create or edit a channel code. The link, state and QR of a code never change when it is edited. */
export const ChannelCodeForm = ({
  open,
  code,
  onClose,
}: {
  open: boolean;
  code?: ChannelCode;
  onClose: () => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch(['target', 'kind'], form);
  const strategy = Form.useWatch(['target', 'strategy'], form);
  const source = Form.useWatch('source', form);
  const platformAccountId = Form.useWatch('platformAccountId', form);
  const accountOptions = useAccountOptions();
  const series = useSeries().data ?? [];
  const partners = useQuery({ ...partnersQuery, enabled: open && source === 'partner_merchant' });
  const assignable = useStaff(platformAccountId).data;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (code) form.setFieldsValue(valuesOf(code));
    else if (accountOptions.length === 1) form.setFieldValue('platformAccountId', accountOptions[0]!.value);
  }, [open, code, form, accountOptions]);

  // A new code's account changed: staff chosen for the previous one who cannot take members here are let go.
  useEffect(() => {
    if (!open || code || !platformAccountId || !assignable) return;
    const ids = new Set(assignable.filter((s) => s.isActive).map((s) => s.id));
    const kept = dropUnassignable(form.getFieldValue('target') as Values['target'], ids);
    if (kept) form.setFieldValue('target', kept);
  }, [open, code, platformAccountId, assignable, form]);

  const save = useSave({
    save: async (v: Values) => {
      const common = {
        name: v.name,
        storeId: v.storeId ?? null,
        partnerId: v.source === 'partner_merchant' ? (v.partnerId ?? null) : null,
        headline: v.headline?.trim() || null,
        target: toTarget(v.target),
        tagNames: v.tagNames ?? [],
        welcome: toWelcomeContent(v.welcome),
        expiresAt: v.expiresAt ? v.expiresAt.toISOString() : null,
        totalCap: v.totalCap ?? null,
      };
      if (code) {
        return unwrap(
          api.PATCH('/api/v1/channel-codes/{id}', { params: { path: { id: code.id } }, body: common }),
        );
      }
      return unwrap(
        api.POST('/api/v1/channel-codes', {
          body: { ...common, source: v.source, platformAccountId: v.platformAccountId },
        }),
      );
    },
    invalidates: [['listChannelCodes'], ['getChannelCode']],
    form,
    onSaved: onClose,
  });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={720}
      title={t(code ? 'codes.edit' : 'codes.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          source: 'store_poster',
          target: { kind: 'staff', strategy: 'round_robin', staff: [{}], backupStaffIds: [], schedule: [] },
          tagNames: [],
        }}
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('codes.name')} rules={[{ required: true, max: 100 }]}>
              <Input placeholder={t('codes.nameHint')} data-testid="code-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="source" label={t('codes.source')} rules={[{ required: true }]}>
              <Select
                disabled={!!code}
                options={channelSources.map((s) => ({ value: s, label: t(`source.${s}`) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="platformAccountId"
              label={t('codes.platformAccount')}
              rules={[{ required: true }]}
              extra={accountOptions.length === 0 ? t('codes.noAccounts') : undefined}
            >
              <Select disabled={!!code} options={accountOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="storeId" label={t('codes.store')} tooltip={t('codes.storeHelp')}>
              <StorePicker />
            </Form.Item>
          </Col>
        </Row>
        {source === 'partner_merchant' && (
          <Form.Item
            name="partnerId"
            label={t('codes.partner')}
            rules={[{ required: true }]}
            extra={(partners.data ?? []).length === 0 ? t('codes.noPartners') : undefined}
          >
            <Select options={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('codes.target')}</Divider>
        <Form.Item name={['target', 'kind']}>
          <Radio.Group>
            <Radio value="staff">{t('targetKind.staff')}</Radio>
            <Radio value="group">{t('targetKind.group')}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind === 'group' ? (
          <Form.Item
            name={['target', 'seriesId']}
            label={t('codes.series')}
            rules={[{ required: true }]}
            extra={t('codes.seriesHelp')}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={series
                .filter((s) => !platformAccountId || s.platformAccountId === platformAccountId)
                .map((s) => ({ value: s.id, label: s.nameTemplate }))}
            />
          </Form.Item>
        ) : (
          <StaffTargetFields strategy={strategy} platformAccountId={platformAccountId} />
        )}

        <Divider titlePlacement="start">{t('codes.arrival')}</Divider>
        <Form.Item name="tagNames" label={t('codes.tagNames')} extra={t('codes.tagNamesHelp')}>
          <Select mode="tags" tokenSeparators={[',']} open={false} />
        </Form.Item>
        <WelcomeEditor
          prefix={['welcome']}
          placeholders={kind === 'group' ? '%NICKNAME%, {group}, {store}' : '{nickname}, {staff}, {store}'}
          testId="code-welcome"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {t('codes.welcomeFallback')}
        </Typography.Text>

        <Divider titlePlacement="start">{t('codes.limits')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="expiresAt" label={t('codes.expiresAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="totalCap" label={t('codes.totalCap')} tooltip={t('codes.totalCapHelp')}>
              <InputNumber min={1} max={10_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="headline"
              label={t('codes.headline')}
              rules={[{ max: 80 }]}
              tooltip={t('codes.headlineHelp')}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
};
