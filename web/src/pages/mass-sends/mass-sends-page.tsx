import { SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { MassSend, Schemas } from '../../api/types.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { formatTime } from '../../components/format.ts';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { toWelcomeContent, WelcomeEditor, type WelcomeValues } from '../../components/welcome-editor.tsx';
import { useI18n, useT } from '../../i18n/i18n.tsx';

type Plan = Schemas['MassSendPlan'];
type Values = {
  platformAccountId: string;
  kind: 'members' | 'groups';
  memberIds?: string[];
  communityIds?: string[];
  senderExternalId?: string;
  content?: WelcomeValues;
};

const statusColors: Record<string, string> = {
  planned: 'blue',
  awaiting_confirmation: 'gold',
  completed: 'green',
  failed: 'red',
  expired: 'default',
};

/** Members found by name or phone as the operator types (the member list's own search). */
const useMemberSearch = (text: string) =>
  useQuery({
    queryKey: ['listMembers', 'search', text],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/members', { params: { query: { q: text || undefined, limit: 20 } } })))
        .items,
  });

const useStaffAccounts = (platformAccountId: string | undefined) =>
  useQuery({
    queryKey: ['listStaffAccounts', platformAccountId],
    enabled: !!platformAccountId,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/platform-accounts/{id}/staff-accounts', {
            params: { path: { id: platformAccountId! } },
          }),
        )
      ).items,
  });

const PlanForm = ({
  open,
  onClose,
  onPlanned,
}: {
  open: boolean;
  onClose: () => void;
  onPlanned: (p: Plan) => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const accounts = usePlatformAccounts().data ?? [];
  const accountId = Form.useWatch('platformAccountId', form);
  const kind = Form.useWatch('kind', form);
  const [search, setSearch] = useState('');
  const members = useMemberSearch(search);
  const staffAccounts = useStaffAccounts(accountId).data ?? [];
  const communities = useQuery({
    queryKey: ['listCommunities', 'options'],
    enabled: open && kind === 'groups',
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/communities', { params: { query: { limit: 200, status: 'active' } } })))
        .items,
  });
  const account = accounts.find((a) => a.id === accountId);
  const quota = account?.capabilities?.massQuota;
  useEffect(() => {
    if (open && accounts.length === 1 && !form.getFieldValue('platformAccountId')) {
      form.setFieldValue('platformAccountId', accounts[0]!.id);
    }
  }, [open, accounts, form]);
  const save = useSave({
    save: (v: Values) =>
      unwrap(
        api.POST('/api/v1/mass-sends', {
          body: {
            platformAccountId: v.platformAccountId,
            recipients:
              v.kind === 'members'
                ? { kind: 'members', memberIds: v.memberIds ?? [] }
                : { kind: 'groups', communityIds: v.communityIds ?? [] },
            senderExternalId: v.senderExternalId || undefined,
            content: toWelcomeContent(v.content) ?? { text: '' },
          },
        }),
      ),
    invalidates: [['listMassSends']],
    form,
    onSaved: (plan) => {
      onClose();
      onPlanned(plan);
    },
    aliases: { 'recipients.memberIds': 'memberIds', 'recipients.communityIds': 'communityIds' },
  });
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('mass.plan')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'members' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="platformAccountId" label={t('codes.platformAccount')} rules={[{ required: true }]}>
          <Select
            options={accounts.map((a) => ({
              value: a.id,
              label: `${a.name} · ${t(`platform.${a.platform}`)}`,
            }))}
          />
        </Form.Item>
        {quota && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={t('mass.quotaRule', {
              limit: quota.limit === 'days_in_month' ? t('mass.daysInMonth') : quota.limit,
              period: t(`mass.period.${quota.period}`),
            })}
          />
        )}
        <Form.Item name="kind" label={t('mass.audience')}>
          <Radio.Group
            options={[
              { value: 'members', label: t('mass.toMembers') },
              { value: 'groups', label: t('mass.toGroups') },
            ]}
          />
        </Form.Item>
        {kind === 'groups' ? (
          <Form.Item name="communityIds" label={t('mass.groups')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              loading={communities.isPending}
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="memberIds"
            label={t('mass.members')}
            rules={[{ required: true }]}
            extra={t('mass.membersHelp')}
          >
            <Select
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={members.isFetching}
              options={(members.data ?? []).map((m) => ({
                value: m.id,
                label: m.phone ? `${m.name} · ${m.phone}` : m.name,
              }))}
              data-testid="mass-members"
            />
          </Form.Item>
        )}
        <Form.Item name="senderExternalId" label={t('mass.sender')} extra={t('mass.senderHelp')}>
          <Select
            allowClear
            options={staffAccounts.map((s) => ({
              value: s.externalId,
              label: s.displayName ?? s.externalId,
            }))}
          />
        </Form.Item>
        <WelcomeEditor prefix={['content']} placeholders={t('mass.noPlaceholders')} testId="mass-text" />
      </Form>
    </FormDrawer>
  );
};

const PlanResult = ({ plan, onClose }: { plan: Plan | null; onClose: () => void }) => {
  const t = useT();
  return (
    <Modal
      open={plan !== null}
      title={t('mass.planned')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ hidden: true }}
    >
      {plan && (
        <>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('mass.willReceive')} value={plan.planned.length} />
            </Col>
            <Col span={8}>
              <Statistic title={t('mass.overQuota')} value={plan.overQuota.length} />
            </Col>
            <Col span={8}>
              <Statistic title={t('mass.unreachable')} value={plan.unreachable.length} />
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {plan.id ? t(`mass.next.${plan.status ?? 'planned'}` as 'mass.next.planned') : t('mass.nobody')}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
};

type QuotaValues = { platformAccountId: string; memberId: string };

/** Whether one member can receive a mass message now on an account, and how much of the window they used. */
const QuotaCheck = () => {
  const t = useT();
  const showError = useServerErrors();
  const [form] = Form.useForm<QuotaValues>();
  const accounts = usePlatformAccounts().data ?? [];
  const [search, setSearch] = useState('');
  const members = useMemberSearch(search);
  const [answer, setAnswer] = useState<Schemas['MassQuota'] | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (v: QuotaValues) => {
    setBusy(true);
    try {
      setAnswer(await unwrap(api.GET('/api/v1/mass-sends/quota', { params: { query: v } })));
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('mass.quota')}>
      <Form<QuotaValues>
        form={form}
        layout="vertical"
        onFinish={check}
        initialValues={{ platformAccountId: accounts.length === 1 ? accounts[0]!.id : undefined }}
        key={accounts.length}
      >
        <Form.Item name="platformAccountId" label={t('codes.platformAccount')} rules={[{ required: true }]}>
          <Select options={accounts.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="memberId" label={t('mass.member')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            options={(members.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('mass.checkQuota')}
        </Button>
      </Form>
      {answer && (
        <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('mass.canReceive')}>
            <Tag color={answer.canReceive ? 'green' : 'red'}>
              {answer.canReceive ? t('common.yes') : t(`mass.reason.${answer.reason ?? 'quota_reached'}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('mass.used')}>
            {answer.limit === null
              ? t('mass.noLimit', { used: answer.used })
              : `${answer.used} / ${answer.limit}`}
          </Descriptions.Item>
          {answer.windowStart && (
            <Descriptions.Item label={t('mass.window')}>
              {formatTime(answer.windowStart)} – {formatTime(answer.windowEnd)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
};

/** Mass sends: plan one within each platform's quota, and follow each to the end (WeCom: the staff confirms it). */
export const MassSendsPage = () => {
  const { t, tryT } = useI18n();
  const [planning, setPlanning] = useState(false);
  const [plan, setPlan] = useState<Plan | null>(null);
  const accountNames = new Map((usePlatformAccounts().data ?? []).map((a) => [a.id, a.name]));
  const { pages, query, items, nextCursor } = usePagedQuery(
    ['listMassSends'],
    (page) => unwrap(api.GET('/api/v1/mass-sends', { params: { query: page } })),
    { refetchInterval: 10_000 },
  );
  return (
    <PageContainer
      title={t('mass.title')}
      subtitle={t('mass.subtitle')}
      extra={
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => setPlanning(true)}
          data-testid="mass-plan"
        >
          {t('mass.plan')}
        </Button>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card size="small" title={t('mass.sends')}>
            <Table<MassSend>
              rowKey="id"
              size="middle"
              loading={query.isPending}
              dataSource={items}
              pagination={false}
              locale={{
                emptyText: (
                  <TableEmpty
                    isPending={query.isPending}
                    description={t('mass.empty')}
                    create={{ label: t('mass.plan'), onClick: () => setPlanning(true) }}
                  />
                ),
              }}
              columns={[
                { title: t('mass.plannedAt'), dataIndex: 'plannedAt', render: formatTime },
                {
                  title: t('codes.platformAccount'),
                  dataIndex: 'platformAccountId',
                  render: (id: string) => accountNames.get(id) ?? id.slice(0, 8),
                },
                {
                  title: t('mass.audience'),
                  dataIndex: 'recipientKind',
                  render: (k: MassSend['recipientKind']) =>
                    t(k === 'member' ? 'mass.toMembers' : 'mass.toGroups'),
                },
                {
                  title: t('mass.sender'),
                  dataIndex: 'senderExternalId',
                  render: (s: string | null) => s ?? '—',
                },
                {
                  title: t('codes.status'),
                  dataIndex: 'status',
                  render: (s: string, send) => (
                    <Tooltip
                      title={send.taskExternalId ? t('mass.task', { id: send.taskExternalId }) : undefined}
                    >
                      <Tag color={statusColors[s] ?? 'default'}>{tryT(`massStatus.${s}`) ?? s}</Tag>
                    </Tooltip>
                  ),
                },
                {
                  title: t('mass.recipients'),
                  dataIndex: 'recipients',
                  render: (r: Record<string, number>) => (
                    <Space size={4} wrap>
                      {Object.entries(r).map(([status, n]) => (
                        <Tag key={status}>{`${tryT(`recipientStatus.${status}`) ?? status} ${n}`}</Tag>
                      ))}
                    </Space>
                  ),
                },
                { title: t('mass.completedAt'), dataIndex: 'completedAt', render: formatTime },
              ]}
            />
            <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <QuotaCheck />
        </Col>
      </Row>
      <PlanForm open={planning} onClose={() => setPlanning(false)} onPlanned={setPlan} />
      <PlanResult plan={plan} onClose={() => setPlan(null)} />
    </PageContainer>
  );
};
