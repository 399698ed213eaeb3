import { Col, Form, Input, Row, Select } from 'antd';
import { communityTypes, demandPatterns } from '../../api/types.ts';
import { usePlatformAccounts } from '../../components/lookups.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Positioning, rules and announcement: the same fields on a community and on a series' template. */
export const PositioningFields = () => {
  const t = useT();
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="type" label={t('communities.type')} tooltip={t('communities.typeHelp')}>
            <Select
              allowClear
              options={communityTypes.map((v) => ({ value: v, label: t(`communityType.${v}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="demandPattern" label={t('communities.demandPattern')}>
            <Select
              allowClear
              options={demandPatterns.map((v) => ({ value: v, label: t(`demandPattern.${v}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="targetPersona" label={t('communities.targetPersona')} rules={[{ max: 500 }]}>
        <Input placeholder={t('communities.targetPersonaHint')} />
      </Form.Item>
      <Form.Item name="goal" label={t('communities.goal')} rules={[{ max: 500 }]}>
        <Input placeholder={t('communities.goalHint')} />
      </Form.Item>
      <Form.Item name="rules" label={t('communities.rules')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="announcement" label={t('communities.announcement')} rules={[{ max: 5000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
};

/** Empty strings become null, so clearing a field clears it on the server. */
export const nullIfBlank = <T extends Record<string, unknown>>(values: T): T =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' ? null : v])) as T;

/** Which platform account the group (or series) lives on. */
export const PlatformAccountField = () => {
  const t = useT();
  const accounts = usePlatformAccounts().data ?? [];
  return (
    <Form.Item name="platformAccountId" label={t('communities.platformAccount')} rules={[{ required: true }]}>
      <Select options={accounts.map((a) => ({ value: a.id, label: `${a.name} (${a.platform})` }))} />
    </Form.Item>
  );
};
