import { Form, Input, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { Schemas } from '../../api/types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useSave } from '../../components/use-save.ts';
import { YuanInput } from '../../components/yuan-input.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { money } from '../analytics/analytics-data.ts';
import { centsOf } from './order-form.tsx';

type Values = { externalId: string; amount: number };

/** A full or partial refund of an order, at most what is left of it. */
export const RefundForm = ({ order, onClose }: { order: Schemas['Order'] | null; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const left = order ? order.amountCents - order.refundedCents : 0;
  const save = useSave({
    save: (v: Values) =>
      unwrap(
        api.POST('/api/v1/orders/{id}/refunds', {
          params: { path: { id: order!.id } },
          body: {
            externalId: v.externalId,
            amountCents: centsOf(v.amount),
            refundedAt: new Date().toISOString(),
          },
        }),
      ),
    invalidates: [['listOrders'], ['getFunnel']],
    form,
    aliases: { amountCents: 'amount' },
    onSaved: onClose,
  });
  return (
    <FormModal
      open={order !== null}
      title={t('orders.refundTitle', { id: order?.externalId ?? '' })}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
      okText={t('orders.refund')}
    >
      <Typography.Paragraph type="secondary">
        {t('orders.refundLeft', { amount: money(left, order?.currency) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          externalId: order ? `${order.externalId}-refund-${Date.now().toString(36)}` : '',
          amount: left / 100,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="externalId"
          label={t('orders.refundId')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('orders.amount')}
          rules={[
            { required: true, type: 'number' },
            {
              validator: (_, value: number | undefined) =>
                value === undefined || (value > 0 && centsOf(value) <= left)
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(t('orders.refundTooMuch', { amount: money(left, order?.currency) })),
                    ),
            },
          ]}
        >
          <YuanInput min={0.01} data-testid="refund-amount" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
