import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Staff } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useStaff } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { StaffForm } from './staff-form.tsx';

export const StaffPage = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const { storeId, stores } = useStoreScope();
  const staff = useStaff();
  const storeNames = namesById(stores);
  const [editing, setEditing] = useState<{ staff?: Staff } | null>(null);
  const rows = (staff.data ?? []).filter(
    (s) => !storeId || s.storeId === storeId || s.roles.some((r) => r.storeId === storeId),
  );
  return (
    <PageContainer
      title={t('staff.title')}
      subtitle={t('staff.subtitle')}
      extra={
        isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('staff.create')}
          </Button>
        )
      }
    >
      <Card size="small">
        <Table<Staff>
          rowKey="id"
          size="middle"
          loading={staff.isPending}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyHint description={t('staff.empty')} /> }}
          columns={[
            { title: t('staff.name'), dataIndex: 'name' },
            { title: t('staff.email'), dataIndex: 'email', render: (v: string | null) => v ?? '—' },
            {
              title: t('staff.store'),
              dataIndex: 'storeId',
              render: (id: string | null) => (id ? storeNames.get(id) : t('staff.brand')),
            },
            {
              title: t('staff.roles'),
              dataIndex: 'roles',
              render: (grants: Staff['roles']) =>
                grants.map((g) => (
                  <Tag key={`${g.role}:${g.storeId}`} color={g.storeId ? 'blue' : 'green'}>
                    {t(`role.${g.role}`)}
                    {g.storeId ? ` · ${storeNames.get(g.storeId) ?? ''}` : ''}
                  </Tag>
                )),
            },
            {
              title: t('staff.signIn'),
              render: (_, row) =>
                row.hasPassword ? (
                  <Badge status="success" text={t('staff.canSignIn')} />
                ) : (
                  <Badge status="default" text={t('staff.noPassword')} />
                ),
            },
            {
              title: t('staff.active'),
              dataIndex: 'isActive',
              render: (active: boolean) => (active ? t('common.yes') : <Tag>{t('staff.deactivated')}</Tag>),
            },
            { title: t('staff.lastLogin'), dataIndex: 'lastLoginAt', render: formatTime },
            {
              title: '',
              width: 80,
              render: (_, row) =>
                isAdmin && (
                  <Button type="link" size="small" onClick={() => setEditing({ staff: row })}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <StaffForm open={editing !== null} staff={editing?.staff} onClose={() => setEditing(null)} />
    </PageContainer>
  );
};
