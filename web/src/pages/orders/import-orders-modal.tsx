import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { fetchWithToken } from '../../api/client.ts';
import { ApiError, type ErrorDetail } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { splitRowPath } from '../members/member-query.ts';

const example =
  'external_id,amount,ordered_at,store,member_code,phone\nPOS-1001,129.90,2031-03-01T10:30:00+08:00,JA,,13800000001';

/** Orders from a CSV: every row is checked first; one broken row imports nothing, and every problem is listed. */
export const ImportOrdersModal = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
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
    mutationFn: async () => {
      const response = await fetchWithToken('/api/v1/orders/import', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: csv,
      });
      return (await response.json()) as { created: number; existing: number };
    },
    onSuccess: async (result) => {
      message.success(t('orders.imported', result));
      await queryClient.invalidateQueries({ queryKey: ['listOrders'] });
      await queryClient.invalidateQueries({ queryKey: ['getFunnel'] });
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
      title={t('orders.import')}
      okText={t('orders.importSubmit')}
      okButtonProps={{ disabled: csv.trim() === '' }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={() => {
        reset();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t('orders.importHelp')}</Typography.Paragraph>
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
        data-testid="orders-import-csv"
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
          data-testid="orders-import-problems"
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
