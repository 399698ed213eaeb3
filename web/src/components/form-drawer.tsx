import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** A create/edit form in a side drawer, with Cancel and Save at the bottom right. */
export const FormDrawer = ({
  open,
  title,
  onClose,
  onSubmit,
  busy,
  size = 560,
  children,
}: {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  busy: boolean;
  size?: number;
  children: ReactNode;
}) => {
  const t = useT();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={size}
      title={title}
      destroyOnHidden
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSubmit} loading={busy} data-testid="form-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
};
