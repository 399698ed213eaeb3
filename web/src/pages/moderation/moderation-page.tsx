import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { ModerationIncident } from '../../api/types.ts';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { formatTime } from '../../components/format.ts';
import { JsonView } from '../../components/json-view.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ModerationSettingsForm } from './moderation-settings-form.tsx';

const IncidentLog = () => {
  const { t, tryT } = useI18n();
  const incidents = useQuery({
    queryKey: ['listModerationIncidents'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/moderation/incidents', { params: { query: { limit: 200 } } }))).items,
  });
  const label = (prefix: string, value: string) => tryT(`${prefix}.${value}`) ?? value;
  return (
    <Table<ModerationIncident>
      rowKey="id"
      size="middle"
      loading={incidents.isPending}
      dataSource={incidents.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <EmptyHint description={t('moderation.noIncidents')} /> }}
      expandable={{ expandedRowRender: (row) => <JsonView value={row.evidence} /> }}
      columns={[
        { title: t('moderation.when'), dataIndex: 'occurredAt', render: formatTime, width: 150 },
        {
          title: t('moderation.reasons'),
          dataIndex: 'reasons',
          render: (reasons: string[]) =>
            reasons.map((r) => (
              <Tag key={r} color="red">
                {label('reason', r)}
              </Tag>
            )),
        },
        {
          title: t('moderation.offence'),
          dataIndex: 'offenceNumber',
          width: 90,
          render: (n: number) => `#${n}`,
        },
        {
          title: t('moderation.taken'),
          dataIndex: 'actions',
          render: (actions: string[]) =>
            actions.length ? actions.map((a) => <Tag key={a}>{label('ladder', a)}</Tag>) : '—',
        },
        {
          title: t('moderation.alerted'),
          dataIndex: 'alerted',
          render: (alerted: string[]) =>
            alerted.length ? alerted.map((a) => label('ladder', a)).join(', ') : '—',
        },
        {
          title: t('moderation.group'),
          dataIndex: 'groupExternalId',
          render: (id: string) => <Typography.Text style={{ fontSize: 12 }}>{id}</Typography.Text>,
        },
      ]}
    />
  );
};

export const ModerationPage = () => {
  const { t } = useI18n();
  return (
    <PageContainer title={t('moderation.title')} subtitle={t('moderation.subtitle')}>
      <Card size="small">
        <Tabs
          items={[
            { key: 'settings', label: t('moderation.settings'), children: <ModerationSettingsForm /> },
            { key: 'incidents', label: t('moderation.incidents'), children: <IncidentLog /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
};
