import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Image,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { formatTime } from '../../components/format.ts';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';
import {
  type FissionCampaign,
  type FissionInviter,
  type FissionProgress,
  fissionKeys,
  posterFileName,
  posterUrl,
} from './fission-api.ts';

const tierColors: Record<FissionProgress['tiers'][number]['status'], string> = {
  locked: 'default',
  issued: 'green',
  held: 'gold',
  rejected: 'red',
  refused: 'default',
};

/** Members found by name or phone as the operator types (the member list's own search, store-scoped). */
const useMemberSearch = (text: string, enabled: boolean) =>
  useQuery({
    queryKey: ['listMembers', 'search', text],
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/members', { params: { query: { q: text || undefined, limit: 20 } } })))
        .items,
  });

/** Gives members their personal invite link (again: the one they have). */
const EnrollModal = ({
  campaign,
  open,
  onClose,
  onEnrolled,
}: {
  campaign: FissionCampaign;
  open: boolean;
  onClose: () => void;
  onEnrolled: (memberId: string) => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<{ memberIds: string[] }>();
  const [search, setSearch] = useState('');
  const members = useMemberSearch(search, open);
  const save = useSave({
    save: (v: { memberIds: string[] }) =>
      unwrap(
        api.POST('/api/v1/fission-campaigns/{id}/inviters', {
          params: { path: { id: campaign.id } },
          body: { memberIds: v.memberIds },
        }),
      ),
    invalidates: fissionKeys,
    form,
    onSaved: (result) => {
      onClose();
      if (result.items.length === 1) onEnrolled(result.items[0]!.memberId);
    },
  });
  return (
    <FormModal
      open={open}
      title={t('fission.enroll')}
      okText={t('fission.enrollOk')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="memberIds"
          label={t('fission.enrollMembers')}
          extra={t('fission.enrollHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('fission.enrollRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={members.isFetching}
            options={(members.data ?? []).map((m) => ({
              value: m.id,
              label: m.phone ? `${m.name} · ${m.phone}` : m.name,
            }))}
            data-testid="fission-enroll-members"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

/** The poster as the inviter shares it, with PNG and SVG downloads. */
const PosterPreview = ({ campaignId, progress }: { campaignId: string; progress: FissionProgress }) => {
  const t = useT();
  const showError = useServerErrors();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let current: string | undefined;
    let cancelled = false;
    posterUrl(campaignId, progress.memberId, 'png')
      .then((made) => {
        current = made;
        if (cancelled) URL.revokeObjectURL(made);
        else setUrl(made);
      })
      .catch((error: unknown) => showError(error));
    return () => {
      cancelled = true;
      if (current) URL.revokeObjectURL(current);
    };
  }, [campaignId, progress.memberId, showError]);
  const download = async (format: 'png' | 'svg') => {
    try {
      const made = await posterUrl(campaignId, progress.memberId, format);
      const link = document.createElement('a');
      link.href = made;
      link.download = posterFileName(progress.name, format);
      link.click();
      setTimeout(() => URL.revokeObjectURL(made), 1000);
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Card
      size="small"
      title={t('fission.poster')}
      extra={
        <Space size={4}>
          {(['png', 'svg'] as const).map((format) => (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined />}
              onClick={() => void download(format)}
              data-testid={`poster-download-${format}`}
            >
              {format.toUpperCase()}
            </Button>
          ))}
        </Space>
      }
    >
      {url ? (
        <Image src={url} width={240} alt={t('fission.poster')} data-testid="poster-preview" />
      ) : (
        <Skeleton.Image active />
      )}
    </Card>
  );
};

/** One inviter: their link, counts, tiers, hold, and poster. */
const ProgressDrawer = ({
  campaign,
  memberId,
  canManage,
  onClose,
}: {
  campaign: FissionCampaign;
  memberId: string | undefined;
  canManage: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ['getFissionProgress', campaign.id, memberId],
    enabled: !!memberId,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/fission-campaigns/{id}/inviters/{memberId}', {
          params: { path: { id: campaign.id, memberId: memberId! } },
        }),
      ),
  });
  const release = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/fission-campaigns/{id}/inviters/{memberId}/release', {
          params: { path: { id: campaign.id, memberId: memberId! } },
        }),
      ),
    onSuccess: async () => {
      message.success(t('fission.released'));
      await Promise.all(fissionKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => showError(error),
  });
  const p = progress.data;
  return (
    <Drawer
      open={!!memberId}
      onClose={onClose}
      size={560}
      title={p?.name ?? t('fission.progress')}
      destroyOnHidden
    >
      {!p ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('fission.link')}>
              {p.link ? (
                <Typography.Text copyable data-testid="inviter-link">
                  {p.link}
                </Typography.Text>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('fission.progress')}>
              <span data-testid="inviter-progress-text">{p.text}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('fission.counts')}>
              {t('fission.countsLine', { valid: p.validCount, pending: p.pendingCount, void: p.voidCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fission.tiers')}>
              <Space wrap>
                {p.tiers.map((tier) => (
                  <Tag key={tier.tierIndex} color={tierColors[tier.status]}>
                    {tier.invites} · {tier.name} · {t(`fission.tierStatus.${tier.status}`)}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('fission.hold')}>
              {p.isOnHold ? (
                <Space>
                  <Tag color="gold">{t('fission.onHold')}</Tag>
                  {canManage && (
                    <Button
                      size="small"
                      loading={release.isPending}
                      onClick={() => release.mutate()}
                      data-testid="inviter-release"
                    >
                      {t('fission.release')}
                    </Button>
                  )}
                </Space>
              ) : (
                t('fission.notOnHold')
              )}
            </Descriptions.Item>
          </Descriptions>
          <PosterPreview campaignId={campaign.id} progress={p} />
        </Space>
      )}
    </Drawer>
  );
};

/** The campaign's inviters, newest first (server-paged), with their counts; enrol more, open one's progress. */
export const InvitersTab = ({ campaign, canManage }: { campaign: FissionCampaign; canManage: boolean }) => {
  const t = useT();
  const [enrolling, setEnrolling] = useState(false);
  const [open, setOpen] = useState<string>();
  const { pages, query, items, nextCursor } = usePagedQuery(['listFissionInviters', campaign.id], (page) =>
    unwrap(
      api.GET('/api/v1/fission-campaigns/{id}/inviters', {
        params: { path: { id: campaign.id }, query: page },
      }),
    ),
  );
  const isRunning = campaign.status === 'active';
  return (
    <Card
      size="small"
      extra={
        isRunning && (
          <Button icon={<UserAddOutlined />} onClick={() => setEnrolling(true)} data-testid="fission-enroll">
            {t('fission.enroll')}
          </Button>
        )
      }
      title={t('fission.invitersTitle')}
    >
      <Table<FissionInviter>
        rowKey="memberId"
        size="middle"
        data-testid="fission-inviters"
        loading={query.isPending}
        dataSource={items}
        pagination={false}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={query.isPending}
              description={t(isRunning ? 'fission.noInviters' : 'fission.noInvitersNotRunning')}
              create={isRunning && { label: t('fission.enroll'), onClick: () => setEnrolling(true) }}
            />
          ),
        }}
        columns={[
          {
            title: t('fission.member'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(row.memberId)}>
                {name}
              </Button>
            ),
          },
          { title: t('fission.figure.valid'), dataIndex: 'validCount', align: 'right' },
          { title: t('fission.figure.pending'), dataIndex: 'pendingCount', align: 'right' },
          { title: t('fission.figure.void'), dataIndex: 'voidCount', align: 'right' },
          {
            title: t('fission.hold'),
            dataIndex: 'isOnHold',
            render: (on: boolean) => (on ? <Tag color="gold">{t('fission.onHold')}</Tag> : '—'),
          },
          { title: t('fission.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => formatTime(v) },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      <EnrollModal
        campaign={campaign}
        open={enrolling}
        onClose={() => setEnrolling(false)}
        onEnrolled={(memberId) => setOpen(memberId)}
      />
      <ProgressDrawer
        campaign={campaign}
        memberId={open}
        canManage={canManage}
        onClose={() => setOpen(undefined)}
      />
    </Card>
  );
};
