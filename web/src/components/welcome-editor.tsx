import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import type { Schemas } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

type Content = NonNullable<Schemas['WelcomeContent']>;
export type Attachment = NonNullable<Content['attachments']>[number];
export const attachmentTypes = ['image', 'link', 'miniprogram', 'coupon'] as const;

/** What a welcome editor holds: the text and attachments as the API takes them (empty text left out). */
export type WelcomeValues = { text?: string; attachments?: Partial<Attachment>[] };

/** The API's content from the form's, or null when nothing is set (the next level's welcome applies). */
export const toWelcomeContent = (values: WelcomeValues | undefined): Content | null => {
  const text = values?.text?.trim() || undefined;
  const attachments = (values?.attachments ?? []).filter((a) => a.type) as Attachment[];
  if (!text && attachments.length === 0) return null;
  return { ...(text ? { text } : {}), ...(attachments.length ? { attachments } : {}) };
};

export const couponTemplatesQuery = {
  queryKey: ['listCouponTemplates'],
  queryFn: async () => (await unwrap(api.GET('/api/v1/coupon-templates'))).items,
  staleTime: 60_000,
};

const AttachmentFields = ({ prefix, index }: { prefix: (string | number)[]; index: number }) => {
  const t = useT();
  const form = Form.useFormInstance();
  const type = Form.useWatch([...prefix, 'attachments', index, 'type'], form) as Attachment['type'];
  const coupons = useQuery({ ...couponTemplatesQuery, enabled: type === 'coupon' });
  const at = (field: string) => [index, field];
  const required = [{ required: true }];
  switch (type) {
    case 'image':
      return (
        <Form.Item name={at('url')} label={t('welcome.imageUrl')} rules={[...required, { type: 'url' }]}>
          <Input placeholder="https://…" />
        </Form.Item>
      );
    case 'link':
      return (
        <>
          <Form.Item name={at('url')} label={t('welcome.linkUrl')} rules={[...required, { type: 'url' }]}>
            <Input placeholder="https://…" />
          </Form.Item>
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name={at('title')} label={t('welcome.linkTitle')} rules={required}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={at('description')} label={t('welcome.linkDescription')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </>
      );
    case 'miniprogram':
      return (
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name={at('appId')} label={t('welcome.appId')} rules={required}>
              <Input placeholder="wx…" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={at('page')} label={t('welcome.appPage')} rules={required}>
              <Input placeholder="pages/index" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={at('title')} label={t('welcome.linkTitle')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'coupon':
      return (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={at('templateId')}
              label={t('welcome.couponTemplate')}
              rules={required}
              extra={
                !coupons.isPending && (coupons.data ?? []).length === 0 ? t('welcome.noCoupons') : undefined
              }
            >
              <Select
                loading={coupons.isPending}
                options={(coupons.data ?? [])
                  .filter((c) => c.isActive)
                  .map((c) => ({ value: c.id, label: `${c.name} · ${c.description}` }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={at('title')} label={t('welcome.couponTitle')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      );
    default:
      return null;
  }
};

/**
 * A welcome (or any message): text with placeholders, and up to nine attachments (image, link, mini-program,
 * coupon from a template: each member gets their own coupon). Field names sit under `prefix`, shaped as the API
 * takes them, so the server's refusals land under the right field.
 */
export const WelcomeEditor = ({
  prefix,
  placeholders,
  testId,
}: {
  prefix: (string | number)[];
  /** The placeholders this welcome understands, shown under the text. */
  placeholders: string;
  testId?: string;
}) => {
  const t = useT();
  return (
    <>
      <Form.Item
        name={[...prefix, 'text']}
        label={t('welcome.text')}
        extra={t('welcome.placeholders', { list: placeholders })}
        rules={[{ max: 4000 }]}
      >
        <Input.TextArea rows={3} data-testid={testId} />
      </Form.Item>
      <Form.List name={[...prefix, 'attachments']}>
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }} size={8}>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                title={
                  <Form.Item name={[field.name, 'type']} noStyle>
                    <Select
                      size="small"
                      style={{ width: 160 }}
                      options={attachmentTypes.map((type) => ({
                        value: type,
                        label: t(`attachment.${type}`),
                      }))}
                    />
                  </Form.Item>
                }
                extra={
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                  />
                }
              >
                <AttachmentFields prefix={prefix} index={field.name} />
              </Card>
            ))}
            {fields.length < 9 && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'image' })} block>
                {t('welcome.addAttachment')}
              </Button>
            )}
            {fields.length === 0 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('welcome.attachmentsHelp')}
              </Typography.Text>
            )}
          </Space>
        )}
      </Form.List>
    </>
  );
};
