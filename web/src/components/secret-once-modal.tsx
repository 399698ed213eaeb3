import { Alert, Modal, Typography } from 'antd';
import { useT } from '../i18n/i18n.tsx';

/** A secret the server shows once (an API key, a webhook secret): copy it now or make a new one. */
export const SecretOnceModal = ({
  title,
  secret,
  onClose,
}: {
  title: string;
  secret: string | null;
  onClose: () => void;
}) => {
  const t = useT();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ hidden: true }}
    >
      <Alert type="warning" showIcon title={t('secret.once')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        copyable
        code
        style={{ wordBreak: 'break-all', fontSize: 13 }}
        data-testid="secret-value"
      >
        {secret}
      </Typography.Paragraph>
    </Modal>
  );
};
