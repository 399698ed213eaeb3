import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Partner } from '../../api/types.ts';
import { formatDate } from '../../components/format.ts';
import { namesById, useStores } from '../../components/lookups.ts';
import { StorePicker } from '../../components/pickers.tsx';
import { TableEmpty } from '../../components/table-empty.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

export const partnersQuery = {
  queryKey: ['listPartners'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/partners'))).items,
};

type Values = { name: string; storeId?: string | null; contact?: string; note?: string };

const PartnerForm = ({ partner, onClose }: { partner: Partner | null | undefined; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.resetFields();
    if (partner)
      form.setFieldsValue({ ...partner, contact: partner.contact ?? '', note: partner.note ?? '' });
  }, [partner, form]);
  const save = useSave({
    save: (v: Values) => {
      const body = {
        name: v.name,
        storeId: v.storeId ?? null,
        contact: v.contact?.trim() || null,
        note: v.note?.trim() || null,
      };
      return partner
        ? unwrap(api.PATCH('/api/v1/partners/{id}', { params: { path: { id: partner.id } }, body }))
        : unwrap(api.POST('/api/v1/partners', { body }));
    },
    invalidates: [['listPartners']],
    form,
    onSaved: onClose,
  });
  return (
    <Modal
      open={partner !== undefined}
      title={t(partner ? 'partners.edit' : 'partners.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t('partners.name')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder={t('partners.nameHint')} />
        </Form.Item>
        <Form.Item name="storeId" label={t('partners.store')} extra={t('partners.storeHelp')}>
          <StorePicker />
        </Form.Item>
        <Form.Item name="contact" label={t('partners.contact')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('partners.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** Partner merchants (community alliance): a partner code in their shop brings members attributed to them. */
export const PartnersTab = ({ canManage }: { canManage: boolean }) => {
  const t = useT();
  const partners = useQuery(partnersQuery);
  const storeNames = namesById(useStores().data);
  // undefined: closed; null: a new partner.
  const [editing, setEditing] = useState<Partner | null | undefined>(undefined);
  return (
    <Card
      size="small"
      title={t('partners.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="partner-create">
            {t('partners.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('partners.help')}</Typography.Paragraph>
      <Table<Partner>
        rowKey="id"
        size="middle"
        loading={partners.isPending}
        dataSource={partners.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <TableEmpty
              isPending={partners.isPending}
              description={t('partners.empty')}
              create={canManage && { label: t('partners.create'), onClick: () => setEditing(null) }}
            />
          ),
        }}
        columns={[
          {
            title: t('partners.name'),
            dataIndex: 'name',
            render: (name: string, partner) =>
              canManage ? (
                <Typography.Link onClick={() => setEditing(partner)}>{name}</Typography.Link>
              ) : (
                name
              ),
          },
          {
            title: t('partners.store'),
            dataIndex: 'storeId',
            render: (id: string | null) => (id ? (storeNames.get(id) ?? '—') : t('partners.allStores')),
          },
          { title: t('partners.contact'), dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
          { title: t('codes.arrivals'), dataIndex: 'arrivals', align: 'right' },
          { title: t('codes.newMembers'), dataIndex: 'newMembers', align: 'right' },
          { title: t('common.created'), dataIndex: 'createdAt', render: formatDate },
        ]}
      />
      <PartnerForm partner={editing} onClose={() => setEditing(undefined)} />
    </Card>
  );
};
