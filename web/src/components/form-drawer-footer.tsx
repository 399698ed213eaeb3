import { Button, Space } from 'antd';
import { useT } from '../i18n/i18n.tsx';

/** Cancel and save, right-aligned, for forms in a drawer. */
export const FormDrawerFooter = ({
  onCancel,
  onSubmit,
  busy,
}: {
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
}) => {
  const t = useT();
  return (
    <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={onSubmit} loading={busy} data-testid="form-submit">
        {t('common.save')}
      </Button>
    </Space>
  );
};
