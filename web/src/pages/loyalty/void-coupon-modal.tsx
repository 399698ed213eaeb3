import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Voids an unused coupon with a reason (kept in the audit log), then refreshes the coupon lists. */
export const VoidCouponModal = ({
  coupon,
  onClose,
}: {
  coupon: { id: string; code: string } | null;
  onClose: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const voidCoupon = useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/coupons/{id}/void', {
          params: { path: { id: input.id } },
          body: { reason: input.reason },
        }),
      ),
    onSuccess: async () => {
      message.success(t('memberLoyalty.voided'));
      setReason('');
      onClose();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['listMemberCoupons'] }),
        queryClient.invalidateQueries({ queryKey: ['listCoupons'] }),
      ]);
    },
    onError: (error) => showError(error),
  });
  return (
    <Modal
      open={coupon !== null}
      title={t('memberLoyalty.voidTitle', { code: coupon?.code ?? '' })}
      onCancel={onClose}
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      okText={t('memberLoyalty.void')}
      confirmLoading={voidCoupon.isPending}
      onOk={() => coupon && voidCoupon.mutate({ id: coupon.id, reason: reason.trim() })}
    >
      <Input
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('memberLoyalty.voidReason')}
        maxLength={200}
        data-testid="void-reason"
      />
    </Modal>
  );
};
