import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
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
  type FissionRewardListItem,
  type FissionRewardRecord,
  fissionKeys,
  type RewardStatus,
  rewardLabel,
  rewardStatusColors,
  useCouponNames,
} from './fission-api.ts';

const RejectModal = ({
  reward,
  onClose,
}: {
  reward: FissionRewardRecord | undefined;
  onClose: () => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<{ note: string }>();
  const save = useSave({
    save: (v: { note: string }) =>
      unwrap(
        api.POST('/api/v1/fission-rewards/{id}/reject', {
          params: { path: { id: reward!.id } },
          body: { note: v.note },
        }),
      ),
    invalidates: fissionKeys,
    form,
    onSaved: onClose,
  });
  return (
    <FormModal
      open={!!reward}
      title={t('fission.rejectTitle')}
      okText={t('fission.reject')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="note"
          label={t('fission.rejectNote')}
          extra={t('fission.rejectHelp')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea rows={3} data-testid="reject-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type Filter = RewardStatus | 'all';

/**
 * The campaign's rewards. "Waiting for approval" is the approvals queue: rewards of inviters put on hold for
 * inviting faster than K an hour; approve issues one, reject gives its budget place back, and releasing the
 * inviter lets their later rewards through without approval.
 */
export const RewardsTab = ({ campaign, canManage }: { campaign: FissionCampaign; canManage: boolean }) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>('held');
  const [rejecting, setRejecting] = useState<FissionRewardRecord>();
  const couponNames = useCouponNames();
  const { pages, query, items, nextCursor } = usePagedQuery(
    ['listFissionRewards', campaign.id, filter],
    (page) =>
      unwrap(
        api.GET('/api/v1/fission-campaigns/{id}/rewards', {
          params: {
            path: { id: campaign.id },
            query: { ...page, ...(filter === 'all' ? {} : { status: filter }) },
          },
        }),
      ),
  );
  const refresh = () =>
    Promise.all(fissionKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  const approve = useMutation({
    mutationFn: (reward: FissionRewardRecord) =>
      unwrap(api.POST('/api/v1/fission-rewards/{id}/approve', { params: { path: { id: reward.id } } })),
    onSuccess: async (reward) => {
      if (reward.status === 'refused') message.warning(t('fission.approvedRefused'));
      else message.success(t('fission.approved'));
      await refresh();
    },
    onError: (error) => showError(error),
  });
  const release = useMutation({
    mutationFn: (memberId: string) =>
      unwrap(
        api.POST('/api/v1/fission-campaigns/{id}/inviters/{memberId}/release', {
          params: { path: { id: campaign.id, memberId } },
        }),
      ),
    onSuccess: async () => {
      message.success(t('fission.released'));
      await refresh();
    },
    onError: (error) => showError(error),
  });

  return (
    <Card size="small">
      <Segmented
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={(value) => {
          setFilter(value as Filter);
          pages.reset();
        }}
        options={(['held', 'issued', 'rejected', 'refused', 'all'] as const).map((s) => ({
          value: s,
          label: s === 'all' ? t('fission.all') : t(`fission.rewardStatus.${s}`),
        }))}
        data-testid="rewards-filter"
      />
      <Table<FissionRewardListItem>
        rowKey="id"
        size="middle"
        data-testid="fission-rewards"
        loading={query.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={query.isPending}
              description={t(filter === 'held' ? 'fission.queueEmpty' : 'fission.noRewards')}
            />
          ),
        }}
        columns={[
          { title: t('fission.member'), dataIndex: 'memberName' },
          {
            title: t('fission.rewardFor'),
            render: (_, r) =>
              r.kind === 'tier'
                ? t('fission.rewardForTier', {
                    name: campaign.tiers.find((tier) => tier.tierIndex === r.tierIndex)?.name ?? '',
                  })
                : t(`fission.rewardKind.${r.kind}`),
          },
          { title: t('fission.tierReward'), render: (_, r) => rewardLabel(r.reward, t, couponNames) },
          {
            title: t('fission.statusLabel'),
            dataIndex: 'status',
            render: (s: RewardStatus, r) => (
              <Space size={4}>
                <Tag color={rewardStatusColors[s]}>{t(`fission.rewardStatus.${s}`)}</Tag>
                {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('fission.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
          ...(canManage
            ? [
                {
                  title: '',
                  width: 300,
                  render: (_: unknown, r: FissionRewardListItem) =>
                    r.status === 'held' && (
                      <Space size={4}>
                        <Button
                          type="primary"
                          size="small"
                          loading={approve.isPending && approve.variables?.id === r.id}
                          onClick={() => approve.mutate(r)}
                          data-testid={`reward-approve-${r.id}`}
                        >
                          {t('fission.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r)}>
                          {t('fission.reject')}
                        </Button>
                        {r.kind !== 'invitee' && (
                          <Button
                            size="small"
                            type="link"
                            loading={release.isPending && release.variables === r.memberId}
                            onClick={() => release.mutate(r.memberId)}
                          >
                            {t('fission.release')}
                          </Button>
                        )}
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      <RejectModal reward={rejecting} onClose={() => setRejecting(undefined)} />
    </Card>
  );
};
