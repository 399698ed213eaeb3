import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Segmented,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import type { WelcomeContent } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useSeries } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useSave } from '../../components/use-save.ts';
import { toWelcomeContent, WelcomeEditor, type WelcomeValues } from '../../components/welcome-editor.tsx';
import { useT } from '../../i18n/i18n.tsx';

const privatePlaceholders = '{nickname}, {staff}, {store}';
const groupPlaceholders = '%NICKNAME%, {group}, {store}';

const editorValues = (content: WelcomeContent | null | undefined): WelcomeValues => ({
  text: content?.text,
  attachments: content?.attachments,
});

type BrandValues = {
  private?: WelcomeValues;
  group?: WelcomeValues;
  groupBatchSeconds: number;
  groupBatchMaxNames: number;
};

/** The brand's default welcomes: 1:1 when a member adds staff, and in groups (batched when several join). */
const BrandWelcome = ({ canEdit }: { canEdit: boolean }) => {
  const t = useT();
  const [form] = Form.useForm<BrandValues>();
  const settings = useQuery({
    queryKey: ['getWelcomeSettings'],
    queryFn: () => unwrap(api.GET('/api/v1/welcome-settings')),
  });
  useEffect(() => {
    if (!settings.data) return;
    form.setFieldsValue({
      private: editorValues(settings.data.private),
      group: editorValues(settings.data.group),
      groupBatchSeconds: settings.data.groupBatchSeconds,
      groupBatchMaxNames: settings.data.groupBatchMaxNames,
    });
  }, [settings.data, form]);
  const save = useSave({
    save: (v: BrandValues) =>
      unwrap(
        api.PATCH('/api/v1/welcome-settings', {
          body: {
            private: toWelcomeContent(v.private),
            group: toWelcomeContent(v.group),
            groupBatchSeconds: v.groupBatchSeconds,
            groupBatchMaxNames: v.groupBatchMaxNames,
          },
        }),
      ),
    invalidates: [['getWelcomeSettings']],
    form,
  });
  if (settings.isPending) return <Skeleton active />;
  return (
    <Form<BrandValues> form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('welcome.private')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('welcome.privateHelp')}</Typography.Paragraph>
            <WelcomeEditor prefix={['private']} placeholders={privatePlaceholders} testId="welcome-private" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('welcome.group')} style={{ height: '100%' }}>
            <Typography.Paragraph type="secondary">{t('welcome.groupHelp')}</Typography.Paragraph>
            <WelcomeEditor prefix={['group']} placeholders={groupPlaceholders} testId="welcome-group" />
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col span={12}>
                <Form.Item
                  name="groupBatchSeconds"
                  label={t('welcome.batchSeconds')}
                  tooltip={t('welcome.batchHelp')}
                >
                  <InputNumber min={0} max={60} suffix="s" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="groupBatchMaxNames" label={t('welcome.batchMaxNames')}>
                  <InputNumber min={1} max={50} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      {canEdit && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="welcome-save">
            {t('common.save')}
          </Button>
        </div>
      )}
    </Form>
  );
};

type Level = 'series' | 'community';

/** A series' or a community's own group welcome; empty means it uses the next level's (series, then brand). */
const LevelWelcome = ({ level, id, canEdit }: { level: Level; id: string; canEdit: boolean }) => {
  const t = useT();
  const [form] = Form.useForm<{ group?: WelcomeValues }>();
  const path =
    level === 'series' ? '/api/v1/community-series/{id}/welcome' : '/api/v1/communities/{id}/welcome';
  const key = [level === 'series' ? 'getSeriesWelcome' : 'getCommunityWelcome', id];
  const welcome = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET(path, { params: { path: { id } } })),
  });
  useEffect(() => {
    form.resetFields();
    if (welcome.data) form.setFieldsValue({ group: editorValues(welcome.data.group) });
  }, [welcome.data, form]);
  const save = useSave({
    save: (v: { group?: WelcomeValues }) =>
      unwrap(api.PUT(path, { params: { path: { id } }, body: { group: toWelcomeContent(v.group) } })),
    invalidates: [key],
    form,
  });
  if (welcome.isPending) return <Skeleton active />;
  return (
    <Form form={form} layout="vertical" disabled={!canEdit} onFinish={(v) => save.mutate(v)}>
      {!welcome.data?.group && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(`welcome.inherits.${level}`)} />
      )}
      <WelcomeEditor prefix={['group']} placeholders={groupPlaceholders} />
      {canEdit && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      )}
    </Form>
  );
};

const Overrides = ({ canEdit }: { canEdit: boolean }) => {
  const t = useT();
  const [level, setLevel] = useState<Level>('series');
  const [id, setId] = useState<string | undefined>();
  const series = useSeries();
  const communities = useQuery({
    queryKey: ['listCommunities', 'options'],
    enabled: level === 'community',
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/communities', { params: { query: { limit: 200, status: 'active' } } })))
        .items,
  });
  const options =
    level === 'series'
      ? (series.data ?? []).map((s) => ({ value: s.id, label: s.nameTemplate }))
      : (communities.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Card size="small" title={t('welcome.overrides')}>
      <Typography.Paragraph type="secondary">
        {t('welcome.overridesHelp')} <Link to="/channel-codes">{t('welcome.codesLink')}</Link>
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
        <Segmented
          value={level}
          onChange={(value) => {
            setLevel(value as Level);
            setId(undefined);
          }}
          options={[
            { value: 'series', label: t('welcome.level.series') },
            { value: 'community', label: t('welcome.level.community') },
          ]}
        />
        <Select
          style={{ minWidth: 280 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(`welcome.pick.${level}`)}
          value={id}
          onChange={setId}
          options={options}
          loading={level === 'series' ? series.isPending : communities.isPending}
        />
      </div>
      {id ? (
        <LevelWelcome key={`${level}:${id}`} level={level} id={id} canEdit={canEdit} />
      ) : (
        <Typography.Text type="secondary">{t('welcome.pickFirst')}</Typography.Text>
      )}
    </Card>
  );
};

/** Welcome messages: the brand's defaults, overridden per series, community and channel code. */
export const WelcomePage = () => {
  const t = useT();
  const { isAdmin, hasRole } = useAuth();
  return (
    <PageContainer title={t('welcome.title')} subtitle={t('welcome.subtitle')}>
      <BrandWelcome canEdit={isAdmin} />
      <Overrides canEdit={hasRole('owner', 'operator', 'store_manager')} />
    </PageContainer>
  );
};
