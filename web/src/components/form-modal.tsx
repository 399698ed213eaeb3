import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** A short create/edit form in a dialog; OK submits the form, and the form is rebuilt each time it opens. */
export const FormModal = ({
  open,
  title,
  onClose,
  onSubmit,
  busy,
  okText,
  width,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  okText?: string;
  width?: number;
  children: ReactNode;
}) => {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      onOk={onSubmit}
      okText={okText ?? t('common.save')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {children}
    </Modal>
  );
};
