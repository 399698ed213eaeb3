import { Col, Form, Input, InputNumber, Row } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { CommunityDetail } from '../../api/types.ts';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { nullIfBlank, PlatformAccountField, PositioningFields } from './positioning-fields.tsx';

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

  const save = useSave({
    save: async ({ platformAccountId, externalId, ...values }: Values) => {
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
    invalidates: [['listCommunities'], ['getCommunity'], ['dashboard']],
    form,
    onSaved: (saved) => {
      onClose();
      if (!isEdit) navigate(`/communities/${saved.id}`);
    },
  });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={t(isEdit ? 'communities.edit' : 'communities.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        {!isEdit && <PlatformAccountField />}
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
    </FormDrawer>
  );
};
