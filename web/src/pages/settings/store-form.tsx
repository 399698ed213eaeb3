import { Form, Input, Select } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { Store } from '../../api/types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useRegions } from '../../components/lookups.ts';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

type Values = { code: string; name: string; address?: string | null; regionId?: string | null };

/** `store` undefined: a new store; else edits that one. */
export const StoreForm = ({
  open,
  store,
  onClose,
}: {
  open: boolean;
  store?: Store;
  onClose: () => void;
}) => {
  const t = useT();
  const regions = useRegions().data ?? [];
  const [form] = Form.useForm<Values>();
  const save = useSave({
    save: (values: Values) => {
      const body = { ...values, address: values.address || null, regionId: values.regionId ?? null };
      return store
        ? unwrap(api.PATCH('/api/v1/stores/{id}', { params: { path: { id: store.id } }, body }))
        : unwrap(api.POST('/api/v1/stores', { body }));
    },
    invalidates: [['listStores']],
    form,
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title={t(store ? 'stores.edit' : 'stores.create')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={store ?? {}}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="code"
          label={t('stores.code')}
          rules={[{ required: true, max: 50 }]}
          extra={t('stores.codeHelp')}
        >
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="name" label={t('stores.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="regionId" label={t('stores.region')}>
          <Select allowClear options={regions.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="address" label={t('stores.address')} rules={[{ max: 500 }]}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
