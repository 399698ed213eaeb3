import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type RoleGrant, roles, type Staff } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

type Values = {
  name: string;
  email?: string | null;
  password?: string;
  storeId?: string | null;
  isActive?: boolean;
  roles: RoleGrant[];
};

const isStoreRole = (role: RoleGrant['role'] | undefined) => role === 'store_manager' || role === 'guide';

const sameGrants = (a: RoleGrant[], b: RoleGrant[]) =>
  JSON.stringify(a.map((g) => [g.role, g.storeId ?? null]).sort()) ===
  JSON.stringify(b.map((g) => [g.role, g.storeId ?? null]).sort());

/** Adds a staff member (with a password to sign in, and role grants) or edits one. */
export const StaffForm = ({
  open,
  staff,
  onClose,
}: {
  open: boolean;
  staff?: Staff;
  onClose: () => void;
}) => {
  const t = useT();
  const { hasRole } = useAuth();
  const [form] = Form.useForm<Values>();
  const grants = Form.useWatch('roles', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (staff) form.setFieldsValue({ ...staff, roles: staff.roles });
  }, [open, staff, form]);

  const save = useSave({
    save: async ({ roles: wanted = [], password, ...values }: Values) => {
      const grantsBody = wanted.map((g) => ({
        role: g.role,
        storeId: isStoreRole(g.role) ? g.storeId : null,
      }));
      const profile = { ...values, email: values.email || null, ...(password ? { password } : {}) };
      if (!staff) return unwrap(api.POST('/api/v1/staff', { body: { ...profile, roles: grantsBody } }));
      const id = staff.id;
      const updated = await unwrap(
        api.PATCH('/api/v1/staff/{id}', { params: { path: { id } }, body: profile }),
      );
      if (sameGrants(staff.roles, grantsBody)) return updated;
      return unwrap(
        api.PUT('/api/v1/staff/{id}/roles', { params: { path: { id } }, body: { roles: grantsBody } }),
      );
    },
    invalidates: [['listStaff']],
    form,
    onSaved: onClose,
  });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={520}
      title={t(staff ? 'staff.edit' : 'staff.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ roles: [], isActive: true }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t('staff.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('staff.email')} rules={[{ type: 'email' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t(staff ? 'staff.newPassword' : 'staff.password')}
          extra={t('staff.passwordHelp')}
          rules={[{ min: 8, max: 200 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="storeId" label={t('staff.store')}>
          <StorePicker />
        </Form.Item>
        {staff && (
          <Form.Item
            name="isActive"
            label={t('staff.active')}
            valuePropName="checked"
            extra={t('staff.activeHelp')}
          >
            <Switch />
          </Form.Item>
        )}
        <Typography.Text strong>{t('staff.roles')}</Typography.Text>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ width: 160 }}>
                    <Select
                      options={roles.map((r) => ({
                        value: r,
                        label: t(`role.${r}`),
                        disabled: r === 'owner' && !hasRole('owner'),
                      }))}
                    />
                  </Form.Item>
                  {isStoreRole(grants?.[field.name]?.role) && (
                    <Form.Item
                      name={[field.name, 'storeId']}
                      rules={[{ required: true }]}
                      style={{ width: 220 }}
                    >
                      <StorePicker />
                    </Form.Item>
                  )}
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'guide' })}>
                {t('staff.addRole')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
};
