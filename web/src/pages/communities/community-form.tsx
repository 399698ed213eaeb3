import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Drawer, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { CommunityDetail } from '../../api/types.ts';
import { FormDrawerFooter } from '../../components/form-drawer-footer.tsx';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { StorePicker } from '../../components/pickers.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { nullIfBlank, PositioningFields } from './positioning-fields.tsx';

type Values = {
  platformAccountId: string;
  storeId?: string | null;
  name: string;
  capacity?: number;
  externalId?: string;
  type?: CommunityDetail['type'];
  demandPattern?: CommunityDetail['demandPattern'];
  targetPersona?: string | null;
  goal?: string | null;
  rules?: string | null;
  announcement?: string | null;
};

/** Creates a group on the platform (or links an existing one by its id), or edits a community. */
export const CommunityForm = ({
  open,
  onClose,
  community,
}: {
  open: boolean;
  onClose: () => void;
  community?: CommunityDetail;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accounts = usePlatformAccounts().data;
  const firstAccountId = accounts?.[0]?.id;
  const { storeId } = useStoreScope();
  const [form] = Form.useForm<Values>();
  const isEdit = community !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (community) form.setFieldsValue(community);
    else form.setFieldsValue({ platformAccountId: firstAccountId, storeId: storeId ?? null });
  }, [open, community, form, firstAccountId, storeId]);

  const save = useMutation({
    mutationFn: async ({ platformAccountId, externalId, ...values }: Values) => {
      const body = nullIfBlank(values);
      if (community) {
        return unwrap(
          api.PATCH('/api/v1/communities/{id}', { params: { path: { id: community.id } }, body }),
        );
      }
      return unwrap(
        api.POST('/api/v1/communities', {
          body: { ...body, platformAccountId, ...(externalId ? { externalId } : {}) },
        }),
      );
    },
    onSuccess: async (saved) => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['listCommunities'] });
      await queryClient.invalidateQueries({ queryKey: ['getCommunity', saved.id] });
      onClose();
      if (!isEdit) navigate(`/communities/${saved.id}`);
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t(isEdit ? 'communities.edit' : 'communities.create')}
      footer={<FormDrawerFooter onCancel={onClose} onSubmit={() => form.submit()} busy={save.isPending} />}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        {!isEdit && (
          <Form.Item
            name="platformAccountId"
            label={t('communities.platformAccount')}
            rules={[{ required: true }]}
          >
            <Select
              options={(accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.platform})` }))}
            />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="name" label={t('communities.name')} rules={[{ required: true, max: 100 }]}>
              <Input placeholder={t('communities.nameHint')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="capacity"
              label={t('communities.capacity')}
              tooltip={t('communities.capacityHelp')}
            >
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="storeId" label={t('communities.store')}>
          <StorePicker placeholder={t('communities.brandWide')} />
        </Form.Item>
        {!isEdit && (
          <Form.Item
            name="externalId"
            label={t('communities.externalId')}
            tooltip={t('communities.externalIdHelp')}
          >
            <Input placeholder={t('communities.externalIdHint')} />
          </Form.Item>
        )}
        <PositioningFields />
      </Form>
    </Drawer>
  );
};
