import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Dropdown, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { type ChannelCode, channelSources } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { CursorPager, usePagedQuery } from '../../components/cursor-pager.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useSeries, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { TableEmpty } from '../../components/table-empty.tsx';
import { type Translate, useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { ChannelCodeForm } from './channel-code-form.tsx';
import { type CodeImage, downloadCodeImage, type ImageFormat } from './code-downloads.ts';
import { PartnersTab } from './partners-tab.tsx';

const statusColors: Record<ChannelCode['status'], string> = {
  active: 'green',
  expired: 'orange',
  full: 'gold',
  archived: 'default',
};

export const managerRoles = ['owner', 'operator', 'store_manager'] as const;

/** QR and poster, PNG and SVG, from one button. */
export const CodeDownloads = ({ code, size }: { code: ChannelCode; size?: 'small' }) => {
  const t = useT();
  const showError = useServerErrors();
  const download = (image: CodeImage, format: ImageFormat) =>
    downloadCodeImage(code, image, format).catch((error: unknown) => showError(error));
  const items = (['qr', 'poster'] as const).flatMap((image) =>
    (['png', 'svg'] as const).map((format) => ({
      key: `${image}.${format}`,
      label: t(`codes.download.${image}`, { format: format.toUpperCase() }),
      onClick: () => void download(image, format),
    })),
  );
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <Button size={size} icon={<DownloadOutlined />} data-testid={`code-download-${code.name}`}>
        {t('codes.download')}
      </Button>
    </Dropdown>
  );
};

/** Who a code leads to, in a few words. */
export const targetLabel = (
  code: ChannelCode,
  t: Translate,
  staffNames: Map<string, string>,
  seriesNames: Map<string, string>,
): string => {
  if (code.target.kind === 'group') {
    return `${t('targetKind.group')}: ${seriesNames.get(code.target.seriesId) ?? code.target.seriesId.slice(0, 8)}`;
  }
  const names = code.target.staff.map((s) => staffNames.get(s.staffId) ?? s.staffId.slice(0, 8));
  return `${t(`strategy.${code.target.strategy}`)}: ${names.join(', ')}`;
};

const CodesTab = ({ canManage, onEdit }: { canManage: boolean; onEdit: (code?: ChannelCode) => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const { storeId } = useStoreScope();
  const [source, setSource] = useState<ChannelCode['source'] | undefined>();
  const [includeArchived, setIncludeArchived] = useState(false);
  const staffNames = namesById(useStaff().data);
  const seriesNames = new Map((useSeries().data ?? []).map((s) => [s.id, s.nameTemplate]));
  const filter = { storeId, source, includeArchived: includeArchived ? ('true' as const) : undefined };
  const { pages, query, items, nextCursor } = usePagedQuery(['listChannelCodes', filter], (page) =>
    unwrap(api.GET('/api/v1/channel-codes', { params: { query: { ...filter, ...page } } })),
  );
  const archive = useMutation({
    mutationFn: (code: ChannelCode) =>
      unwrap(
        api.PATCH('/api/v1/channel-codes/{id}', {
          params: { path: { id: code.id } },
          body: { isArchived: code.status !== 'archived' },
        }),
      ),
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['listChannelCodes'] });
    },
    onError: (error) => showError(error),
  });

  return (
    <Card size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={t('codes.allSources')}
          style={{ width: 200 }}
          value={source}
          onChange={(value) => {
            setSource(value);
            pages.reset();
          }}
          options={channelSources.map((s) => ({ value: s, label: t(`source.${s}`) }))}
        />
        <Space size={6}>
          <Switch
            size="small"
            checked={includeArchived}
            onChange={(on) => {
              setIncludeArchived(on);
              pages.reset();
            }}
          />
          <Typography.Text>{t('codes.showArchived')}</Typography.Text>
        </Space>
      </Space>
      <Table<ChannelCode>
        rowKey="id"
        size="middle"
        data-testid="codes-table"
        loading={query.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={query.isPending}
              description={t(source || storeId ? 'codes.emptyFiltered' : 'codes.empty')}
              create={canManage && { label: t('codes.create'), onClick: () => onEdit() }}
            />
          ),
        }}
        columns={[
          {
            title: t('codes.name'),
            dataIndex: 'name',
            render: (name: string, code) => <Link to={`/channel-codes/${code.id}`}>{name}</Link>,
          },
          {
            title: t('codes.source'),
            dataIndex: 'source',
            render: (s: ChannelCode['source']) => t(`source.${s}`),
          },
          {
            title: t('codes.target'),
            render: (_, code) => (
              <Typography.Text ellipsis style={{ maxWidth: 240 }}>
                {targetLabel(code, t, staffNames, seriesNames)}
              </Typography.Text>
            ),
          },
          {
            title: t('codes.status'),
            dataIndex: 'status',
            render: (s: ChannelCode['status']) => <Tag color={statusColors[s]}>{t(`codeStatus.${s}`)}</Tag>,
          },
          { title: t('codes.scans'), dataIndex: 'scanCount', align: 'right' },
          { title: t('codes.arrivals'), dataIndex: 'arrivalCount', align: 'right' },
          {
            title: t('codes.limits'),
            render: (_, code) =>
              [
                code.totalCap ? t('codes.capOf', { n: code.totalCap }) : null,
                code.expiresAt ? t('codes.until', { time: formatTime(code.expiresAt) }) : null,
              ]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          {
            title: '',
            width: 260,
            render: (_, code) => (
              <Space size={4}>
                <CodeDownloads code={code} size="small" />
                {canManage && (
                  <>
                    <Button type="link" size="small" onClick={() => onEdit(code)}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      loading={archive.isPending}
                      onClick={() => archive.mutate(code)}
                    >
                      {t(code.status === 'archived' ? 'codes.restore' : 'codes.archive')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager pages={pages} nextCursor={nextCursor} count={items.length} />
    </Card>
  );
};

/** Channel codes (渠道活码): one QR per source, leading to staff (1:1) or a community series, with its stats. */
export const ChannelCodesPage = () => {
  const t = useT();
  const { hasRole, isAdmin } = useAuth();
  const canManage = hasRole(...managerRoles);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'partners' ? 'partners' : 'codes';
  const [editing, setEditing] = useState<{ code?: ChannelCode } | null>(null);
  return (
    <PageContainer
      title={t('codes.title')}
      subtitle={t('codes.subtitle')}
      extra={
        canManage &&
        tab === 'codes' && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing({})}
            data-testid="code-create"
          >
            {t('codes.create')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'partners' ? { tab: 'partners' } : {})}
        items={[
          {
            key: 'codes',
            label: t('codes.tab'),
            children: <CodesTab canManage={canManage} onEdit={(code) => setEditing({ code })} />,
          },
          { key: 'partners', label: t('partners.tab'), children: <PartnersTab canManage={isAdmin} /> },
        ]}
      />
      <ChannelCodeForm open={editing !== null} code={editing?.code} onClose={() => setEditing(null)} />
    </PageContainer>
  );
};
