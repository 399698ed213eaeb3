import { useQuery } from '@tanstack/react-query';
import { Descriptions, Modal, Skeleton, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';

/** What a POS or shop needs to send signed orders: the URL, the secret and how to sign (owners, operators). */
export const WebhookModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const secret = useQuery({
    queryKey: ['getOrderWebhookSecret'],
    queryFn: () => unwrap(api.GET('/api/v1/orders/webhook-secret')),
    enabled: open,
  });
  const s = secret.data;
  return (
    <Modal
      open={open}
      title={t('orders.webhook')}
      onOk={onClose}
      onCancel={onClose}
      width={680}
      cancelButtonProps={{ hidden: true }}
    >
      <Typography.Paragraph type="secondary">{t('orders.webhookHelp')}</Typography.Paragraph>
      {!s ? (
        <Skeleton active />
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('orders.webhookUrl')}>
            <Typography.Text copyable code data-testid="webhook-url">
              {`${window.location.origin}${s.url}`}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.webhookSecret')}>
            <Typography.Text copyable code style={{ wordBreak: 'break-all' }} data-testid="webhook-secret">
              {s.secret}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.webhookSigning')}>
            {t('orders.webhookSigningHow', { signature: s.signatureHeader, timestamp: s.timestampHeader })}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
};
