import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Drawer, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { CommunitySeries, RosterEntry } from '../../api/types.ts';
import { FormDrawerFooter } from '../../components/form-drawer-footer.tsx';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { StorePicker } from '../../components/pickers.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { nullIfBlank, PositioningFields } from './positioning-fields.tsx';
import { RosterFields } from './roster-fields.tsx';

type Values = {
  platformAccountId: string;
  storeId?: string | null;
  nameTemplate: string;
  numbering: CommunitySeries['numbering'];
  capacity?: number;
  roster?: RosterEntry[];
  type?: CommunitySeries['type'];
  demandPattern?: CommunitySeries['demandPattern'];
  targetPersona?: string | null;
  goal?: string | null;
  rules?: string | null;
  announcement?: string | null;
};

/** A series: "<template> A, B, C…"; its first group opens now and the next when the last is full. */
export const SeriesForm = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accounts = usePlatformAccounts().data;
  const firstAccountId = accounts?.[0]?.id;
  const { storeId } = useStoreScope();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ platformAccountId: firstAccountId, storeId: storeId ?? null, numbering: 'letter' });
  }, [open, form, firstAccountId, storeId]);

  const save = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/v1/community-series', {
          body: { ...nullIfBlank(values), roster: values.roster ?? [] },
        }),
      ),
    onSuccess: async (saved) => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['listCommunitySeries'] });
      await queryClient.invalidateQueries({ queryKey: ['listCommunities'] });
      onClose();
      navigate(`/communities/series/${saved.id}`);
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      title={t('series.create')}
      footer={<FormDrawerFooter onCancel={onClose} onSubmit={() => form.submit()} busy={save.isPending} />}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('series.help')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="platformAccountId"
          label={t('communities.platformAccount')}
          rules={[{ required: true }]}
        >
          <Select
            options={(accounts ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.platform})` }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="nameTemplate"
              label={t('series.template')}
              rules={[{ required: true, max: 100 }]}
            >
              <Input placeholder={t('series.templateHint')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="numbering" label={t('series.numbering')}>
              <Select
                options={(['letter', 'number'] as const).map((n) => ({
                  value: n,
                  label: t(`numbering.${n}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="capacity" label={t('communities.capacity')}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="storeId" label={t('communities.store')}>
          <StorePicker placeholder={t('communities.brandWide')} />
        </Form.Item>
        <PositioningFields />
        <RosterFields />
      </Form>
    </Drawer>
  );
};
