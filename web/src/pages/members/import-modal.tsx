import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { CsvImportModal } from '../../components/csv-import-modal.tsx';
import { useT } from '../../i18n/i18n.tsx';

/** Members from a CSV (one broken row imports nothing). */
export const ImportModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <CsvImportModal
      open={open}
      onClose={onClose}
      texts={{ title: t('import.title'), submit: t('import.submit'), help: t('import.help') }}
      example={'name,phone,store,tags,external_id\nWang Fang,13800000001,JA,VIP;Newborn,POS-1001'}
      testId="import"
      submit={(csv) => unwrap(api.POST('/api/v1/members/import', { body: { csv } }))}
      onImported={async (result) => {
        message.success(t('import.done', result));
        await queryClient.invalidateQueries({ queryKey: ['listMembers'] });
        await queryClient.invalidateQueries({ queryKey: ['listTags'] });
      }}
    />
  );
};
