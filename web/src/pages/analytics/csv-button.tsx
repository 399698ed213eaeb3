import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { fetchWithToken } from '../../api/client.ts';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { type Period, type Scope, scopeQuery } from './analytics-data.ts';

export type ReportKind = 'funnel' | 'roi' | 'stores' | 'guides';

/** Downloads a report as CSV (exportAnalyticsCsv) under the server's file name. */
export const CsvButton = ({
  report,
  scope,
  period,
}: {
  report: ReportKind;
  scope: Scope;
  period: Period;
}) => {
  const t = useT();
  const showError = useServerErrors();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ report, ...period });
      for (const [key, value] of Object.entries(scopeQuery(scope))) if (value) query.set(key, value);
      const response = await fetchWithToken(`/api/v1/analytics/export?${query}`);
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `${report}-${period.from}-${period.to}.csv`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid={`csv-${report}`}>
      {t('analytics.csv')}
    </Button>
  );
};
