import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { fetchWithToken } from '../../api/client.ts';
import { CsvImportModal } from '../../components/csv-import-modal.tsx';
import { useT } from '../../i18n/i18n.tsx';

/** Orders from a CSV (one broken row imports nothing). */
export const ImportOrdersModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <CsvImportModal
      open={open}
      onClose={onClose}
      texts={{ title: t('orders.import'), submit: t('orders.importSubmit'), help: t('orders.importHelp') }}
      example={
        'external_id,amount,ordered_at,store,member_code,phone\nPOS-1001,129.90,2031-03-01T10:30:00+08:00,JA,,13800000001'
      }
      testId="orders-import"
      submit={async (csv) => {
        const response = await fetchWithToken('/api/v1/orders/import', {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: csv,
        });
        return (await response.json()) as { created: number; existing: number };
      }}
      onImported={async (result) => {
        message.success(t('orders.imported', result));
        await queryClient.invalidateQueries({ queryKey: ['listOrders'] });
        await queryClient.invalidateQueries({ queryKey: ['getFunnel'] });
      }}
    />
  );
};
