import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, type ErrorDetail } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { splitRowPath } from './member-query.ts';

const example = 'name,phone,store,tags,external_id\nWang Fang,13800000001,JA,VIP;Newborn,POS-1001';

/** CSV import: every row is checked first; one broken row imports nothing, and every problem is listed. */
export const ImportModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setCsv('');
    setFileName(null);
    setProblems([]);
    setFailure(null);
  };

  const mutation = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/members/import', { body: { csv } })),
    onSuccess: async (result) => {
      message.success(t('import.done', result));
      await queryClient.invalidateQueries({ queryKey: ['listMembers'] });
      await queryClient.invalidateQueries({ queryKey: ['listTags'] });
      reset();
      onClose();
    },
    onError: (error) => {
      setProblems(error instanceof ApiError ? error.details : []);
      setFailure(error.message);
    },
  });

  return (
    <Modal
      open={open}
      width={720}
      title={t('import.title')}
      okText={t('import.submit')}
      okButtonProps={{ disabled: csv.trim() === '' }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={() => {
        reset();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('import.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code>{example.split('\n')[0]}</Typography.Text>
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".csv,text/csv"
        showUploadList={false}
        beforeUpload={async (file) => {
          setCsv(await file.text());
          setFileName(file.name);
          setProblems([]);
          setFailure(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{fileName ?? t('import.drop')}</p>
      </Upload.Dragger>
      <Input.TextArea
        style={{ marginTop: 12, fontFamily: 'monospace' }}
        rows={5}
        value={csv}
        placeholder={example}
        onChange={(event) => {
          setCsv(event.target.value);
          setFileName(null);
        }}
        data-testid="import-csv"
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={problems.length > 0 ? t('import.refused', { n: problems.length }) : failure}
        />
      )}
      {problems.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(row) => `${row.path}:${row.message}`}
          pagination={problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={problems}
          data-testid="import-problems"
          columns={[
            { title: t('import.row'), width: 80, render: (_, row) => splitRowPath(row.path).row },
            { title: t('import.column'), width: 140, render: (_, row) => splitRowPath(row.path).column },
            { title: t('import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
};
