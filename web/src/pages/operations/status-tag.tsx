import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

const colors: Record<string, string> = {
  pending: 'processing',
  sending: 'processing',
  processed: 'success',
  sent: 'success',
  failed: 'error',
  cancelled: 'default',
};

export const StatusTag = ({ status }: { status: string }) => {
  const { tryT } = useI18n();
  return <Tag color={colors[status] ?? 'default'}>{tryT(`status.${status}`) ?? status}</Tag>;
};
