import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
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
  Switch,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { usePlatformAccounts, useSeries } from '../../components/lookups.ts';
import { StaffPicker, StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { couponTemplatesQuery } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { type FissionCampaign, type FissionReward, fissionKeys, fissionManagerRoles } from './fission-api.ts';

type RewardValues = { kind: 'coupon' | 'points'; templateId?: string; points?: number | null };

/** The form mirrors the API's body (`tiers.0.reward.templateId`…), so a refusal lands under its field. */
type Values = {
  name: string;
  headline: string;
  platformAccountId: string;
  storeId?: string;
  status: 'draft' | 'active';
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  target: { kind: 'group' | 'staff'; seriesIds?: string[]; staffIds?: string[] };
  tiers: { invites?: number; name?: string; reward: RewardValues; budget?: number | null }[];
  pointsPerInvite: number;
  inviteeRewardKind: 'none' | 'coupon' | 'points';
  inviteeReward?: RewardValues;
  stayMinutes: number;
  maxInvitesPerHour: number;
  progressIntervalMinutes: number;
  leaderboardOn: boolean;
  leaderboard?: { everyMinutes?: number; size?: number };
};

const toReward = (r: RewardValues): FissionReward =>
  r.kind === 'coupon'
    ? { kind: 'coupon', templateId: r.templateId ?? '' }
    : { kind: 'points', points: r.points ?? 0 };

const rewardValues = (r: FissionReward): RewardValues =>
  r.kind === 'coupon' ? { kind: 'coupon', templateId: r.templateId } : { kind: 'points', points: r.points };

const valuesOf = (c: FissionCampaign): Values => ({
  name: c.name,
  headline: c.headline,
  platformAccountId: c.platformAccountId,
  storeId: c.storeId ?? undefined,
  status: c.status === 'draft' ? 'draft' : 'active',
  startsAt: dayjs(c.startsAt),
  endsAt: c.endsAt ? dayjs(c.endsAt) : null,
  target:
    c.target.kind === 'group'
      ? { kind: 'group', seriesIds: c.target.seriesIds }
      : { kind: 'staff', staffIds: c.target.staffIds },
  tiers: c.tiers.map((tier) => ({
    invites: tier.invites,
    name: tier.name,
    reward: rewardValues(tier.reward),
    budget: tier.budget,
  })),
  pointsPerInvite: c.pointsPerInvite,
  inviteeRewardKind: c.inviteeReward?.kind ?? 'none',
  inviteeReward: c.inviteeReward ? rewardValues(c.inviteeReward) : undefined,
  stayMinutes: c.stayMinutes,
  maxInvitesPerHour: c.maxInvitesPerHour,
  progressIntervalMinutes: c.progressIntervalMinutes,
  leaderboardOn: c.leaderboard !== null,
  leaderboard: c.leaderboard ?? { everyMinutes: 1440, size: 10 },
});

/** `target.seriesIds.2` from the server goes under the one picker of series (and the same for staff). */
const targetAliases = Object.fromEntries(
  Array.from({ length: 100 }, (_, i) => [
    [`target.seriesIds.${i}`, 'target.seriesIds'],
    [`target.staffIds.${i}`, 'target.staffIds'],
  ]).flat(),
);

/** A coupon of a template, or points: the reward of a tier or of the invitee. */
const RewardFields = ({
  prefix,
  path,
  disabled,
  testId,
}: {
  /** The fields' names (relative to the enclosing Form.List, if any). */
  prefix: (string | number)[];
  /** The reward's full path in the form, for watching its kind. */
  path: (string | number)[];
  disabled: boolean;
  testId: string;
}) => {
  const t = useT();
  const form = Form.useFormInstance<Values>();
  const kind = Form.useWatch([...path, 'kind'], form) as RewardValues['kind'] | undefined;
  const templates = useQuery(couponTemplatesQuery).data ?? [];
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Form.Item name={[...prefix, 'kind']} noStyle>
        <Select
          disabled={disabled}
          style={{ width: 110 }}
          options={[
            { value: 'coupon', label: t('fission.rewardCoupon') },
            { value: 'points', label: t('fission.rewardPoints') },
          ]}
          data-testid={`${testId}-kind`}
        />
      </Form.Item>
      {kind === 'points' ? (
        <Form.Item
          name={[...prefix, 'points']}
          rules={[{ required: true, message: t('fission.pointsRequired') }]}
          style={{ flex: 1, marginBottom: 0 }}
        >
          <InputNumber
            disabled={disabled}
            min={1}
            max={1_000_000}
            placeholder={t('fission.points')}
            style={{ width: '100%' }}
            data-testid={`${testId}-points`}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name={[...prefix, 'templateId']}
          rules={[{ required: true, message: t('fission.templateRequired') }]}
          style={{ flex: 1, marginBottom: 0 }}
        >
          <Select
            disabled={disabled}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('fission.template')}
            options={templates.map((c) => ({ value: c.id, label: c.name }))}
            notFoundContent={t('fission.noTemplates')}
            data-testid={`${testId}-template`}
          />
        </Form.Item>
      )}
    </Space.Compact>
  );
};

/** Tiers as a dynamic list: valid invites → reward, with a budget per tier. */
const TierList = ({ disabled }: { disabled: boolean }) => {
  const t = useT();
  return (
    <Form.List
      name="tiers"
      rules={[
        {
          validator: async (_, tiers: unknown[]) => {
            if (!tiers || tiers.length === 0) throw new Error(t('fission.tiersRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Row gutter={8} style={{ marginBottom: 4 }}>
            <Col span={4}>
              <Typography.Text type="secondary">{t('fission.tierInvites')}</Typography.Text>
            </Col>
            <Col span={6}>
              <Typography.Text type="secondary">{t('fission.tierName')}</Typography.Text>
            </Col>
            <Col span={9}>
              <Typography.Text type="secondary">{t('fission.tierReward')}</Typography.Text>
            </Col>
            <Col span={4}>
              <Typography.Text type="secondary">{t('fission.tierBudget')}</Typography.Text>
            </Col>
          </Row>
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top">
              <Col span={4}>
                <Form.Item
                  name={[field.name, 'invites']}
                  rules={[{ required: true, message: t('fission.invitesRequired') }]}
                >
                  <InputNumber
                    disabled={disabled}
                    min={1}
                    max={100_000}
                    style={{ width: '100%' }}
                    data-testid={`tier-invites-${field.name}`}
                  />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item
                  name={[field.name, 'name']}
                  rules={[{ required: true, message: t('fission.tierNameRequired') }, { max: 80 }]}
                >
                  <Input disabled={disabled} data-testid={`tier-name-${field.name}`} />
                </Form.Item>
              </Col>
              <Col span={9}>
                <Form.Item style={{ marginBottom: 24 }}>
                  <RewardFields
                    prefix={[field.name, 'reward']}
                    path={['tiers', field.name, 'reward']}
                    disabled={disabled}
                    testId={`tier-reward-${field.name}`}
                  />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[field.name, 'budget']}>
                  <InputNumber
                    disabled={disabled}
                    min={1}
                    max={10_000_000}
                    placeholder={t('fission.noLimit')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col span={1}>
                {!disabled && fields.length > 1 && (
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
          <Form.ErrorList errors={errors} />
          {!disabled && fields.length < 10 && (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ reward: { kind: 'coupon' } })}
              data-testid="tier-add"
            >
              {t('fission.addTier')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
};

/**
 * Create a fission campaign, or edit one: once created only its name, headline, end and status change (the rules
 * invitees and inviters were promised stay as they were), so the rest is shown but locked.
 */
export const FissionCampaignForm = ({
  open,
  campaign,
  onClose,
  onCreated,
}: {
  open: boolean;
  campaign?: FissionCampaign;
  onClose: () => void;
  onCreated?: (campaign: FissionCampaign) => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const targetKind = Form.useWatch(['target', 'kind'], form);
  const platformAccountId = Form.useWatch('platformAccountId', form);
  const inviteeKind = Form.useWatch('inviteeRewardKind', form);
  const leaderboardOn = Form.useWatch('leaderboardOn', form);
  const accounts = usePlatformAccounts().data;
  const accountOptions = useMemo(
    () => (accounts ?? []).map((a) => ({ value: a.id, label: a.name })),
    [accounts],
  );
  const series = useSeries().data ?? [];
  const templateOptions = (useQuery(couponTemplatesQuery).data ?? []).map((c) => ({
    value: c.id,
    label: c.name,
  }));
  const locked = !!campaign;
  const scope = useStoreScope();
  const isBrandWide = useAuth().hasRole(...fissionManagerRoles);
  // A store manager's campaign belongs to one of their stores: the header's, else their first.
  const defaultStoreId = isBrandWide ? undefined : (scope.storeId ?? scope.stores[0]?.id);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign) form.setFieldsValue(valuesOf(campaign));
    else {
      if (accountOptions.length === 1) form.setFieldValue('platformAccountId', accountOptions[0]!.value);
      if (defaultStoreId) form.setFieldValue('storeId', defaultStoreId);
    }
  }, [open, campaign, form, accountOptions, defaultStoreId]);

  const save = useSave({
    save: async (v: Values) => {
      if (campaign) {
        return unwrap(
          api.PATCH('/api/v1/fission-campaigns/{id}', {
            params: { path: { id: campaign.id } },
            body: { name: v.name, headline: v.headline, endsAt: v.endsAt ? v.endsAt.toISOString() : null },
          }),
        );
      }
      const body: Schemas['CreateFissionCampaignInput'] = {
        name: v.name,
        headline: v.headline,
        platformAccountId: v.platformAccountId,
        storeId: v.storeId ?? null,
        status: v.status,
        startsAt: v.startsAt.toISOString(),
        endsAt: v.endsAt ? v.endsAt.toISOString() : null,
        target:
          v.target.kind === 'group'
            ? { kind: 'group', seriesIds: v.target.seriesIds ?? [] }
            : { kind: 'staff', staffIds: v.target.staffIds ?? [] },
        tiers: v.tiers.map((tier) => ({
          invites: tier.invites ?? 0,
          name: tier.name ?? '',
          reward: toReward(tier.reward),
          budget: tier.budget ?? null,
        })),
        pointsPerInvite: v.pointsPerInvite ?? 0,
        stayMinutes: v.stayMinutes,
        maxInvitesPerHour: v.maxInvitesPerHour,
        progressIntervalMinutes: v.progressIntervalMinutes,
        leaderboard:
          v.leaderboardOn && v.leaderboard
            ? { everyMinutes: v.leaderboard.everyMinutes ?? 1440, size: v.leaderboard.size ?? 10 }
            : null,
        ...(v.inviteeRewardKind !== 'none' && v.inviteeReward
          ? { inviteeReward: toReward({ ...v.inviteeReward, kind: v.inviteeRewardKind }) }
          : {}),
      };
      return unwrap(api.POST('/api/v1/fission-campaigns', { body }));
    },
    invalidates: fissionKeys,
    form,
    aliases: targetAliases,
    onSaved: (saved) => {
      onClose();
      if (!campaign) onCreated?.(saved);
    },
  });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={860}
      title={t(campaign ? 'fission.edit' : 'fission.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          status: 'active',
          startsAt: dayjs().startOf('minute'),
          target: { kind: 'group', seriesIds: [], staffIds: [] },
          tiers: [{ invites: 3, reward: { kind: 'coupon' } }],
          pointsPerInvite: 0,
          inviteeRewardKind: 'none',
          inviteeReward: { kind: 'coupon' },
          stayMinutes: 1440,
          maxInvitesPerHour: 30,
          progressIntervalMinutes: 60,
          leaderboardOn: false,
          leaderboard: { everyMinutes: 1440, size: 10 },
        }}
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError
      >
        {locked && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('fission.lockedHelp')} />
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('fission.name')} rules={[{ required: true, max: 100 }]}>
              <Input placeholder={t('fission.nameHint')} data-testid="fission-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="headline"
              label={t('fission.headline')}
              rules={[{ required: true, max: 80 }]}
              tooltip={t('fission.headlineHelp')}
            >
              <Input placeholder={t('fission.headlineHint')} data-testid="fission-headline" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="platformAccountId"
              label={t('codes.platformAccount')}
              rules={[{ required: true }]}
              extra={accountOptions.length === 0 ? t('codes.noAccounts') : undefined}
            >
              <Select disabled={locked} options={accountOptions} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startsAt" label={t('fission.startsAt')} rules={[{ required: true }]}>
              <DatePicker
                disabled={locked}
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="endsAt"
              label={t('fission.endsAt')}
              tooltip={t('fission.endsAtHelp')}
              dependencies={['startsAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const starts = getFieldValue('startsAt') as Dayjs | undefined;
                    if (value && starts && !value.isAfter(starts))
                      throw new Error(t('fission.endsAfterStart'));
                  },
                }),
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="storeId" label={t('fission.store')} tooltip={t('fission.storeHelp')}>
          <StorePicker disabled={locked} placeholder={t('fission.brandWide')} data-testid="fission-store" />
        </Form.Item>
        {!locked && (
          <Form.Item name="status" label={t('fission.whenSaved')}>
            <Radio.Group
              options={[
                { value: 'active', label: t('fission.startNow') },
                { value: 'draft', label: t('fission.saveDraft') },
              ]}
            />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('fission.target')}</Divider>
        <Form.Item name={['target', 'kind']} extra={t(`fission.targetHelp.${targetKind ?? 'group'}`)}>
          <Radio.Group disabled={locked}>
            <Radio value="group">{t('fission.targetGroups')}</Radio>
            <Radio value="staff">{t('fission.targetStaff')}</Radio>
          </Radio.Group>
        </Form.Item>
        {targetKind === 'staff' ? (
          <Form.Item
            name={['target', 'staffIds']}
            label={t('fission.staff')}
            rules={[{ required: true, type: 'array', min: 1, message: t('fission.staffRequired') }]}
          >
            <StaffPicker disabled={locked} mode="multiple" maxTagCount="responsive" />
          </Form.Item>
        ) : (
          <Form.Item
            name={['target', 'seriesIds']}
            label={t('fission.series')}
            rules={[{ required: true, type: 'array', min: 1, message: t('fission.seriesRequired') }]}
            extra={series.length === 0 ? t('fission.noSeries') : undefined}
          >
            <Select
              disabled={locked}
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={series
                .filter((s) => !platformAccountId || s.platformAccountId === platformAccountId)
                .map((s) => ({ value: s.id, label: s.nameTemplate }))}
              data-testid="fission-series"
            />
          </Form.Item>
        )}

        <Divider titlePlacement="start">{t('fission.rewards')}</Divider>
        <Form.Item label={t('fission.tiers')} tooltip={t('fission.tiersHelp')} required>
          <TierList disabled={locked} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="pointsPerInvite"
              label={t('fission.pointsPerInvite')}
              tooltip={t('fission.pointsPerInviteHelp')}
            >
              <InputNumber disabled={locked} min={0} max={100_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item label={t('fission.inviteeReward')} tooltip={t('fission.inviteeRewardHelp')}>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="inviteeRewardKind" noStyle>
                  <Select
                    disabled={locked}
                    style={{ width: 130 }}
                    options={[
                      { value: 'none', label: t('fission.rewardNone') },
                      { value: 'coupon', label: t('fission.rewardCoupon') },
                      { value: 'points', label: t('fission.rewardPoints') },
                    ]}
                  />
                </Form.Item>
                {inviteeKind === 'coupon' && (
                  <Form.Item
                    name={['inviteeReward', 'templateId']}
                    rules={[{ required: true, message: t('fission.templateRequired') }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Select disabled={locked} placeholder={t('fission.template')} options={templateOptions} />
                  </Form.Item>
                )}
                {inviteeKind === 'points' && (
                  <Form.Item
                    name={['inviteeReward', 'points']}
                    rules={[{ required: true, message: t('fission.pointsRequired') }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <InputNumber disabled={locked} min={1} max={1_000_000} style={{ width: '100%' }} />
                  </Form.Item>
                )}
              </Space.Compact>
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('fission.rules')}</Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="stayMinutes"
              label={t('fission.stayMinutes')}
              tooltip={t('fission.stayMinutesHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                disabled={locked}
                min={0}
                max={43_200}
                addonAfter={t('fission.minutes')}
                style={{ width: '100%' }}
                data-testid="fission-stay"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="maxInvitesPerHour"
              label={t('fission.maxInvitesPerHour')}
              tooltip={t('fission.maxInvitesPerHourHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                disabled={locked}
                min={1}
                max={100_000}
                style={{ width: '100%' }}
                data-testid="fission-k"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="progressIntervalMinutes"
              label={t('fission.progressInterval')}
              tooltip={t('fission.progressIntervalHelp')}
              rules={[{ required: true }]}
            >
              <InputNumber
                disabled={locked}
                min={0}
                max={10_080}
                addonAfter={t('fission.minutes')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16} align="middle">
          <Col span={8}>
            <Form.Item
              name="leaderboardOn"
              label={t('fission.leaderboardPost')}
              tooltip={t('fission.leaderboardPostHelp')}
              valuePropName="checked"
            >
              <Switch disabled={locked} />
            </Form.Item>
          </Col>
          {leaderboardOn && (
            <>
              <Col span={8}>
                <Form.Item
                  name={['leaderboard', 'everyMinutes']}
                  label={t('fission.leaderboardEvery')}
                  rules={[{ required: true }]}
                >
                  <InputNumber
                    disabled={locked}
                    min={5}
                    max={10_080}
                    addonAfter={t('fission.minutes')}
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['leaderboard', 'size']}
                  label={t('fission.leaderboardSize')}
                  rules={[{ required: true }]}
                >
                  <InputNumber disabled={locked} min={1} max={50} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </FormDrawer>
  );
};
