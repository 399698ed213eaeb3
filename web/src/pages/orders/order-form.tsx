import { DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { StorePicker } from '../../components/pickers.tsx';
import { useSave } from '../../components/use-save.ts';
import { YuanInput } from '../../components/yuan-input.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { MemberSearch } from './member-search.tsx';

type Values = {
  externalId: string;
  amount: number;
  orderedAt: Dayjs;
  memberId?: string;
  phone?: string;
  storeId?: string;
};

/** Yuan as typed (129.9) to cents, exactly. */
export const centsOf = (yuan: number): number => Math.round(yuan * 100);

/** Record one order by hand: the member by search or phone (neither: a guest), the store by default theirs. */
export const OrderForm = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useSave({
    save: (v: Values) =>
      unwrap(
        api.POST('/api/v1/orders', {
          body: {
            externalId: v.externalId,
            amountCents: centsOf(v.amount),
            currency: 'CNY',
            orderedAt: v.orderedAt.toISOString(),
            storeId: v.storeId,
            member: v.memberId ? { memberId: v.memberId } : v.phone ? { phone: v.phone } : undefined,
          },
        }),
      ),
    invalidates: [['listOrders'], ['getFunnel']],
    form,
    aliases: { amountCents: 'amount', 'member.phone': 'phone', 'member.memberId': 'memberId' },
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title={t('orders.create')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ orderedAt: dayjs() }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="externalId"
          label={t('orders.externalId')}
          extra={t('orders.externalIdHelp')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="order-external-id" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('orders.amount')}
          rules={[{ required: true, type: 'number', min: 0 }]}
        >
          <YuanInput data-testid="order-amount" />
        </Form.Item>
        <Form.Item name="orderedAt" label={t('orders.orderedAt')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="memberId" label={t('orders.member')} extra={t('orders.memberHelp')}>
          <MemberSearch data-testid="order-member" />
        </Form.Item>
        <Form.Item name="phone" label={t('orders.phone')} rules={[{ min: 3, max: 30 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="storeId" label={t('orders.store')} extra={t('orders.storeHelp')}>
          <StorePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
