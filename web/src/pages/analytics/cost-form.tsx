import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useSave } from '../../components/use-save.ts';
import { YuanInput } from '../../components/yuan-input.tsx';
import { useT } from '../../i18n/i18n.tsx';

export const costKinds = [
  'gift',
  'coupon',
  'red_packet',
  'points',
  'staff_hours',
  'ad_spend',
  'other',
] as const;

type Values = {
  campaignId?: string;
  channelCodeId?: string;
  kind: (typeof costKinds)[number];
  amount: number;
  quantity?: number;
  note?: string;
  incurredOn: Dayjs;
};

/** A cost entered by hand (staff hours, ad spend, red packets, gifts) for a campaign and/or a channel code. */
export const CostForm = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const campaigns = useQuery({
    queryKey: ['listCampaignRoi'],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/campaigns/roi')),
    enabled: open,
  });
  const codes = useQuery({
    queryKey: ['listChannelCodes', 'analytics'],
    queryFn: () => unwrap(api.GET('/api/v1/channel-codes', { params: { query: { limit: 200 } } })),
    enabled: open,
  });
  const save = useSave({
    save: (v: Values) =>
      unwrap(
        api.POST('/api/v1/analytics/campaign-costs', {
          body: {
            campaignId: v.campaignId,
            channelCodeId: v.channelCodeId,
            kind: v.kind,
            amountCents: Math.round(v.amount * 100),
            quantity: v.quantity,
            note: v.note,
            incurredOn: v.incurredOn.format('YYYY-MM-DD'),
          },
        }),
      ),
    invalidates: [['listCampaignRoi'], ['getChannelCodeRoi'], ['getCampaignRoi']],
    form,
    aliases: { amountCents: 'amount' },
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title={t('analytics.addCost')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'ad_spend', incurredOn: dayjs() }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="campaignId"
          label={t('analytics.campaign')}
          dependencies={['channelCodeId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value || getFieldValue('channelCodeId')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('analytics.costTarget'))),
            }),
          ]}
        >
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={campaigns.isFetching}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="cost-campaign"
          />
        </Form.Item>
        <Form.Item name="channelCodeId" label={t('analytics.code')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={codes.isFetching}
            options={(codes.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="cost-code"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('analytics.costKind')} rules={[{ required: true }]}>
          <Select options={costKinds.map((k) => ({ value: k, label: t(`analytics.costKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('orders.amount')}
          rules={[{ required: true, type: 'number', min: 0 }]}
        >
          <YuanInput data-testid="cost-amount" />
        </Form.Item>
        <Form.Item name="quantity" label={t('analytics.quantity')} extra={t('analytics.quantityHelp')}>
          <InputNumber<number> min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="incurredOn" label={t('analytics.incurredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('analytics.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
