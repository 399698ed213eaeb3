import { Alert, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { CommunitySeries, RosterEntry } from '../../api/types.ts';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { nullIfBlank, PlatformAccountField, PositioningFields } from './positioning-fields.tsx';
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

  const save = useSave({
    save: (values: Values) =>
      unwrap(
        api.POST('/api/v1/community-series', {
          body: { ...nullIfBlank(values), roster: values.roster ?? [] },
        }),
      ),
    invalidates: [['listCommunitySeries'], ['listCommunities'], ['dashboard']],
    form,
    onSaved: (saved) => {
      onClose();
      navigate(`/communities/series/${saved.id}`);
    },
  });

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={600}
      title={t('series.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Alert type="info" showIcon title={t('series.help')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <PlatformAccountField />
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
    </FormDrawer>
  );
};
