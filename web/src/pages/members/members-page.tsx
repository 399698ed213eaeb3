import { DownloadOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, fetchWithToken, unwrap } from '../../api/client.ts';
import type { Member } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { BulkTagModal } from './bulk-tag-modal.tsx';
import { ImportModal } from './import-modal.tsx';
import { MemberDrawer } from './member-drawer.tsx';
import { MemberFilters } from './member-filters.tsx';
import { definedEntries, type MemberFilterValues, toMemberQuery } from './member-query.ts';
import { StageTag } from './stage-tag.tsx';

export const MembersPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useServerErrors();
  const { isAdmin } = useAuth();
  const { storeId, stores } = useStoreScope();
  const [filter, setFilter] = useState<MemberFilterValues>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // `/members?member=<id>` opens that member (links from the funnel's drill-down and elsewhere).
  const [searchParams] = useSearchParams();
  const [openMember, setOpenMember] = useState<string | null>(() => searchParams.get('member'));
  const query = toMemberQuery(filter, storeId);
  const staffNames = namesById(useStaff().data);
  const storeNames = namesById(stores);

  const {
    pages,
    query: list,
    items,
    nextCursor,
  } = usePagedQuery(['listMembers', query], (page) =>
    unwrap(
      api.GET('/api/v1/members', {
        params: { query: { ...query, ...page } },
      }),
    ),
  );

  const applyFilter = (values: MemberFilterValues) => {
    setFilter(values);
    setSelected([]);
    pages.reset();
  };

  const exportCsv = async () => {
    try {
      const response = await fetchWithToken(
        `/api/v1/members/export?${new URLSearchParams(definedEntries(query))}`,
      );
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = 'members.csv';
      link.click();
      URL.revokeObjectURL(url);
      message.success(t('members.exported'));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <PageContainer
      title={t('members.title')}
      subtitle={t('members.subtitle')}
      extra={
        <>
          {isAdmin && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('members.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} onClick={exportCsv}>
            {t('members.export')}
          </Button>
        </>
      }
    >
      <MemberFilters onChange={applyFilter} showStore={stores.length > 1} />
      <Card size="small">
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12 }}>
          <Space>
            <Button
              icon={<TagsOutlined />}
              hidden={!isAdmin}
              onClick={() => setBulkOpen(true)}
              data-testid="bulk-tag"
            >
              {selected.length > 0
                ? t('members.tagSelected', { n: selected.length })
                : t('members.tagMatching')}
            </Button>
            {selected.length > 0 && (
              <Button type="link" onClick={() => setSelected([])}>
                {t('common.clearSelection')}
              </Button>
            )}
          </Space>
        </div>
        <Table<Member>
          size="middle"
          rowKey="id"
          loading={list.isFetching}
          dataSource={items}
          pagination={false}
          data-testid="members-table"
          rowSelection={
            isAdmin
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
              : undefined
          }
          onRow={(row) => ({ onClick: () => setOpenMember(row.id), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <TableEmpty
                isPending={list.isPending}
                description={t(Object.values(filter).some(Boolean) ? 'members.noMatch' : 'members.empty')}
                action={
                  isAdmin && (
                    <Space>
                      <Button onClick={() => setImportOpen(true)}>{t('members.import')}</Button>
                      <Button type="link" onClick={() => navigate('/simulator')}>
                        {t('members.trySimulator')}
                      </Button>
                    </Space>
                  )
                }
              />
            ),
          }}
          columns={[
            {
              title: t('members.name'),
              dataIndex: 'name',
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            {
              title: t('members.stage'),
              dataIndex: 'stage',
              render: (stage: Member['stage']) => <StageTag stage={stage} />,
            },
            { title: t('members.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
            {
              title: t('members.store'),
              dataIndex: 'storeId',
              render: (id: string | null) => (id ? (storeNames.get(id) ?? '—') : '—'),
            },
            {
              title: t('members.owner'),
              dataIndex: 'ownerStaffId',
              render: (id: string | null) => (id ? (staffNames.get(id) ?? '—') : '—'),
            },
            { title: t('members.joined'), dataIndex: 'createdAt', render: formatTime },
            { title: t('members.lastSeen'), dataIndex: 'lastSeenAt', render: formatTime },
          ]}
        />
        <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
      </Card>
      <BulkTagModal
        open={bulkOpen}
        onClose={() => setBulkOpen(false)}
        memberIds={selected}
        filter={filter}
        onDone={() => setSelected([])}
      />
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
      <MemberDrawer memberId={openMember} onClose={() => setOpenMember(null)} />
    </PageContainer>
  );
};
