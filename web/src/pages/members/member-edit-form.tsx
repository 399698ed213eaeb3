import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import type { MemberAttribute, MemberDetail } from '../../api/types.ts';
import { useMemberAttributes } from '../../components/lookups.ts';
import { StaffPicker, StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

type Values = {
  name: string;
  phone?: string | null;
  description?: string | null;
  storeId?: string | null;
  ownerStaffId?: string | null;
  attributes: Record<string, string | number | Dayjs | null | undefined>;
};

const attributeInput = (attribute: MemberAttribute) => {
  if (attribute.type === 'number') return <InputNumber style={{ width: '100%' }} />;
  if (attribute.type === 'date') return <DatePicker style={{ width: '100%' }} />;
  if (attribute.type === 'choice')
    return <Select allowClear options={attribute.options.map((o) => ({ value: o, label: o }))} />;
  return <Input />;
};

/** Edits the profile; attribute fields follow the brand's attribute definitions. */
export const MemberEditForm = ({ member, onDone }: { member: MemberDetail; onDone: () => void }) => {
  const t = useT();
  const attributes = useMemberAttributes().data ?? [];
  const [form] = Form.useForm<Values>();

  const save = useSave({
    save: (values: Values) =>
      unwrap(
        api.PATCH('/api/v1/members/{id}', {
          params: { path: { id: member.id } },
          body: {
            name: values.name,
            phone: values.phone || null,
            description: values.description || null,
            storeId: values.storeId ?? null,
            ownerStaffId: values.ownerStaffId ?? null,
            attributes: Object.fromEntries(
              Object.entries(values.attributes ?? {}).map(([key, value]) => [
                key,
                dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : (value ?? null),
              ]),
            ),
          },
        }),
      ),
    invalidates: [['getMember', member.id], ['listMembers'], ['getMemberTimeline', member.id]],
    form,
    onSaved: onDone,
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(values) => save.mutate(values)}
      initialValues={{
        name: member.name,
        phone: member.phone,
        description: member.description,
        storeId: member.storeId,
        ownerStaffId: member.ownerStaffId,
        attributes: Object.fromEntries(
          attributes.map((a) => {
            const value = member.attributes[a.key];
            return [a.key, a.type === 'date' && value ? dayjs(String(value)) : value];
          }),
        ),
      }}
    >
      <Form.Item name="name" label={t('members.name')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('members.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="storeId" label={t('members.store')}>
        <StorePicker />
      </Form.Item>
      <Form.Item name="ownerStaffId" label={t('members.owner')}>
        <StaffPicker />
      </Form.Item>
      {attributes.map((attribute) => (
        <Form.Item key={attribute.id} name={['attributes', attribute.key]} label={attribute.label}>
          {attributeInput(attribute)}
        </Form.Item>
      ))}
      <Form.Item name="description" label={t('members.description')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
};
