import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space, Typography } from 'antd';
import { rosterRoles } from '../../api/types.ts';
import { StaffPicker } from '../../components/pickers.tsx';
import { useT } from '../../i18n/i18n.tsx';

/** The persona roster (owner, admins, welfare officer, consultant, helpers) as a `roster` list field. */
export const RosterFields = () => {
  const t = useT();
  return (
    <>
      <Typography.Text strong>{t('roster.title')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('roster.help')}
      </Typography.Paragraph>
      <Form.List name="roster">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'staffId']} rules={[{ required: true }]} style={{ width: 240 }}>
                  <StaffPicker />
                </Form.Item>
                <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ width: 180 }}>
                  <Select options={rosterRoles.map((r) => ({ value: r, label: t(`rosterRole.${r}`) }))} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'admin' })}>
              {t('roster.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
};
