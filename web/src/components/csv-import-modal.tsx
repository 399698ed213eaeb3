import { InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Input, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type ErrorDetail } from '../api/errors.ts';
import { useT } from '../i18n/i18n.tsx';
import { splitRowPath } from '../pages/members/member-query.ts';

/**
 * A CSV import dialog: a file or pasted text, sent whole; the server checks every row first and imports nothing when
 * one is broken, and every problem it names is listed by row and column. Members and orders import through it.
 */
export const CsvImportModal = <Result,>({
  open,
  onClose,
  texts,
  example,
  testId,
  submit,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  texts: { title: string; submit: string; help: string };
  /** A header line and one row, shown as the header to follow and as the placeholder. */
  example: string;
  /** Prefix of the text area's and the problems table's test ids. */
  testId: string;
  submit: (csv: string) => Promise<Result>;
  onImported: (result: Result) => Promise<void>;
}) => {
  const t = useT();
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
    mutationFn: () => submit(csv),
    onSuccess: async (result) => {
      await onImported(result);
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
      title={texts.title}
      okText={texts.submit}
      okButtonProps={{ disabled: csv.trim() === '' }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={() => {
        reset();
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{texts.help}</Typography.Paragraph>
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
        data-testid={`${testId}-csv`}
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
          data-testid={`${testId}-problems`}
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
