import { TrophyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Statistic, Table, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { type Translate, useT } from '../../i18n/i18n.tsx';
import { type FissionCampaign, type FissionInviteTree, inviteTreeQuery } from './fission-api.ts';

type Edge = FissionInviteTree['edges'][number];

const edgeColors: Record<Edge['status'], string> = { pending: 'blue', valid: 'green', void: 'default' };

/**
 * Who brought whom as a tree: the first inviters at the roots, each invitee under their inviter, and invitees who
 * invited in turn with their own branch (the depth).
 */
export const buildInviteTree = (edges: Edge[], t: Translate): TreeDataNode[] => {
  const byInviter = new Map<string, Edge[]>();
  for (const edge of edges) {
    const list = byInviter.get(edge.inviterMemberId) ?? [];
    list.push(edge);
    byInviter.set(edge.inviterMemberId, list);
  }
  const invitees = new Set(edges.filter((e) => e.status !== 'void').map((e) => e.inviteeMemberId));
  const seen = new Set<string>();
  const childrenOf = (memberId: string, path: string): TreeDataNode[] =>
    (byInviter.get(memberId) ?? []).map((edge) => {
      const key = `${path}/${edge.inviteeMemberId}`;
      // A member appears once as an inviter, even if the data loops.
      const grows = edge.status !== 'void' && !seen.has(edge.inviteeMemberId);
      if (grows) seen.add(edge.inviteeMemberId);
      return {
        key,
        title: (
          <Space size={6}>
            <span>{edge.inviteeName || edge.inviteeMemberId.slice(0, 8)}</span>
            <Tag color={edgeColors[edge.status]}>{t(`fission.inviteStatus.${edge.status}`)}</Tag>
            {edge.voidReason && <Typography.Text type="secondary">{edge.voidReason}</Typography.Text>}
            {edge.leftAt && <Typography.Text type="secondary">{t('fission.leftLater')}</Typography.Text>}
          </Space>
        ),
        children: grows ? childrenOf(edge.inviteeMemberId, key) : [],
      };
    });
  const roots = [...byInviter.keys()].filter((id) => !invitees.has(id));
  return roots.map((id) => {
    seen.add(id);
    const own = byInviter.get(id) ?? [];
    const valid = own.filter((e) => e.status === 'valid').length;
    return {
      key: id,
      title: (
        <Space size={6}>
          <strong>{own[0]?.inviterName || id.slice(0, 8)}</strong>
          <Typography.Text type="secondary">
            {t('fission.treeRoot', { n: own.length, valid })}
          </Typography.Text>
        </Space>
      ),
      children: childrenOf(id, id),
    };
  });
};

export const InviteTreeTab = ({ campaign }: { campaign: FissionCampaign }) => {
  const t = useT();
  const tree = useQuery(inviteTreeQuery(campaign.id));
  const data = useMemo(() => (tree.data ? buildInviteTree(tree.data.edges, t) : []), [tree.data, t]);
  return (
    <Card size="small" loading={tree.isPending}>
      {tree.data && (
        <>
          <Space size={32} style={{ marginBottom: 16 }} wrap>
            <Statistic title={t('fission.figure.kFactor')} value={tree.data.kFactor} precision={2} />
            <Statistic title={t('fission.figure.maxDepth')} value={tree.data.maxDepth} />
            <Statistic title={t('fission.figure.inviters')} value={tree.data.inviters} />
            <Statistic
              title={t('fission.figure.valid')}
              value={tree.data.invites.valid}
              suffix={`/ ${tree.data.invites.valid + tree.data.invites.pending + tree.data.invites.void}`}
            />
          </Space>
          {data.length === 0 ? (
            <EmptyHint description={t('fission.noTree')} />
          ) : (
            <Tree treeData={data} defaultExpandAll selectable={false} showLine data-testid="fission-tree" />
          )}
          {tree.data.edges.length >= 1000 && (
            <Typography.Text type="secondary">{t('fission.treeCut')}</Typography.Text>
          )}
        </>
      )}
    </Card>
  );
};

const medal = ['#d4a017', '#a0a0a0', '#b87333'];

/** The top inviters by valid invites, as the groups see it posted. */
export const LeaderboardTab = ({ campaign }: { campaign: FissionCampaign }) => {
  const t = useT();
  const [size, setSize] = useState(campaign.leaderboard?.size ?? 10);
  const board = useQuery({
    queryKey: ['getFissionLeaderboard', campaign.id, size],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/fission-campaigns/{id}/leaderboard', {
          params: { path: { id: campaign.id }, query: { size } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      size="small"
      title={t('fission.leaderboardTitle')}
      extra={
        <Select
          value={size}
          onChange={setSize}
          style={{ width: 120 }}
          options={[10, 20, 50, 100].map((n) => ({ value: n, label: t('fission.topN', { n }) }))}
        />
      }
    >
      <Table
        rowKey="memberId"
        size="middle"
        data-testid="fission-leaderboard"
        loading={board.isPending}
        dataSource={board.data?.items ?? []}
        pagination={false}
        locale={{
          emptyText: <TableEmpty isPending={board.isPending} description={t('fission.noLeaderboard')} />,
        }}
        columns={[
          {
            title: t('fission.rank'),
            dataIndex: 'rank',
            width: 90,
            render: (rank: number) =>
              rank <= 3 ? (
                <Space size={4}>
                  <TrophyOutlined style={{ color: medal[rank - 1] }} />
                  {rank}
                </Space>
              ) : (
                rank
              ),
          },
          { title: t('fission.member'), dataIndex: 'name' },
          { title: t('fission.figure.valid'), dataIndex: 'validCount', align: 'right' },
        ]}
      />
    </Card>
  );
};
