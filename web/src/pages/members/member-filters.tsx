import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { memberStages } from '../../api/types.ts';
import { StorePicker, TagPicker } from '../../components/pickers.tsx';
import { useT } from '../../i18n/i18n.tsx';
import type { MemberFilterValues } from './member-query.ts';

type FormValues = Omit<MemberFilterValues, 'joinedFrom' | 'joinedTo'> & {
  joined?: [Dayjs | null, Dayjs | null];
};

/** Name, store, stage, joined dates and a tag expression: has all of / any of / none of. */
export const MemberFilters = ({
  onChange,
  showStore,
}: {
  onChange: (values: MemberFilterValues) => void;
  showStore: boolean;
}) => {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const submit = ({ joined, ...values }: FormValues) =>
    onChange({
      ...values,
      joinedFrom: joined?.[0]?.format('YYYY-MM-DD'),
      joinedTo: joined?.[1]?.add(1, 'day').format('YYYY-MM-DD'),
    });
  return (
    <Card size="small" styles={{ body: { paddingBottom: 0 } }}>
      <Form form={form} onFinish={submit} layout="vertical" data-testid="member-filters">
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="q" label={t('members.name')}>
              <Input allowClear placeholder={t('members.searchName')} prefix={<SearchOutlined />} />
            </Form.Item>
          </Col>
          {showStore && (
            <Col xs={24} md={12} xl={6}>
              <Form.Item name="storeId" label={t('members.store')}>
                <StorePicker placeholder={t('members.anyStore')} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="stage" label={t('members.stage')}>
              <Select
                allowClear
                placeholder={t('members.anyStage')}
                options={memberStages.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="joined" label={t('members.joined')}>
              <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="tagsAll" label={t('members.tagsAll')}>
              <TagPicker data-testid="filter-tags-all" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="tagsAny" label={t('members.tagsAny')}>
              <TagPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="tagsNone" label={t('members.tagsNone')}>
              <TagPicker />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6} style={{ display: 'flex', alignItems: 'flex-end' }}>
            <Form.Item style={{ width: '100%' }}>
              <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
                <Button
                  onClick={() => {
                    form.resetFields();
                    onChange({});
                  }}
                >
                  {t('common.reset')}
                </Button>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SearchOutlined />}
                  data-testid="filter-submit"
                >
                  {t('common.search')}
                </Button>
              </div>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
};
