import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { MemberAttribute } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useMemberAttributes } from '../../components/lookups.ts';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

const attributeTypes = ['text', 'number', 'date', 'choice'] as const satisfies MemberAttribute['type'][];
type Values = { key: string; label: string; type: MemberAttribute['type']; options?: string[] };

/** Profile fields the brand defines (birthday, baby's age…); members' values are checked against the type. */
export const AttributesCard = () => {
  const t = useT();
  const { isAdmin } = useAuth();
  const attributes = useMemberAttributes();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const define = useSave({
    save: (values: Values) => unwrap(api.POST('/api/v1/member-attributes', { body: values })),
    invalidates: [['listMemberAttributes']],
    form,
    onSaved: () => setOpen(false),
  });
  return (
    <Card
      title={t('attributes.title')}
      extra={
        isAdmin && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('attributes.define')}
          </Button>
        )
      }
    >
      <Table<MemberAttribute>
        size="small"
        rowKey="id"
        pagination={false}
        loading={attributes.isPending}
        dataSource={attributes.data ?? []}
        locale={{ emptyText: <EmptyHint description={t('attributes.empty')} /> }}
        columns={[
          { title: t('attributes.label'), dataIndex: 'label' },
          { title: t('attributes.key'), dataIndex: 'key', render: (key: string) => <code>{key}</code> },
          {
            title: t('attributes.type'),
            dataIndex: 'type',
            render: (v: MemberAttribute['type']) => t(`attributeType.${v}`),
          },
          {
            title: t('attributes.options'),
            dataIndex: 'options',
            render: (options: string[]) =>
              options.length ? options.map((o) => <Tag key={o}>{o}</Tag>) : '—',
          },
        ]}
      />
      <FormModal
        open={open}
        title={t('attributes.define')}
        onClose={() => setOpen(false)}
        onSubmit={() => form.submit()}
        busy={define.isPending}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ type: 'text' }}
          onFinish={(values) => define.mutate(values)}
        >
          <Form.Item name="label" label={t('attributes.label')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="key"
            label={t('attributes.key')}
            extra={t('attributes.keyHelp')}
            rules={[
              { required: true },
              { pattern: /^[a-z][a-z0-9_]{0,49}$/, message: t('attributes.keyPattern') },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="type" label={t('attributes.type')}>
            <Select options={attributeTypes.map((v) => ({ value: v, label: t(`attributeType.${v}`) }))} />
          </Form.Item>
          {type === 'choice' && (
            <Form.Item name="options" label={t('attributes.options')} rules={[{ required: true }]}>
              <Select mode="tags" open={false} />
            </Form.Item>
          )}
        </Form>
      </FormModal>
    </Card>
  );
};
