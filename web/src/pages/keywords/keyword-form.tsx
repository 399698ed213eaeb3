import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { type KeywordRule, type KeywordScope, matchModes } from '../../api/types.ts';
import { FormDrawer } from '../../components/form-drawer.tsx';
import { useSeries, useStores } from '../../components/lookups.ts';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

const scopeKinds = [
  'all',
  'private',
  'store',
  'series',
  'community',
] as const satisfies KeywordScope['kind'][];

type Values = {
  name: string;
  matchMode: KeywordRule['matchMode'];
  pattern: string;
  scopeKind: KeywordScope['kind'];
  scopeId?: string;
  replyText?: string;
  tagNames?: string[];
  cooldownSeconds?: number;
  priority?: number;
  isEnabled: boolean;
};

export const toScope = (kind: KeywordScope['kind'], id: string | undefined): KeywordScope =>
  kind === 'all' || kind === 'private' ? { kind } : { kind, id: id ?? '' };

/** API paths whose field in this form has another name. */
const fieldOfPath = {
  'scope.id': 'scopeId',
  scope: 'scopeKind',
  'reply.text': 'replyText',
  reply: 'replyText',
};

const useCommunityOptions = (enabled: boolean) =>
  useQuery({
    queryKey: ['listCommunities', 'options'],
    enabled,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/communities', { params: { query: { limit: 200, status: 'active' } } })))
        .items,
  });

/** Create or edit a keyword rule. The server refuses a catastrophic regex; its reason shows under the pattern. */
export const KeywordForm = ({
  open,
  rule,
  onClose,
}: {
  open: boolean;
  rule?: KeywordRule;
  onClose: () => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const scopeKind = Form.useWatch('scopeKind', form);
  const stores = useStores().data ?? [];
  const series = useSeries().data ?? [];
  const communities = useCommunityOptions(open && scopeKind === 'community').data ?? [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        name: rule.name,
        matchMode: rule.matchMode,
        pattern: rule.pattern,
        scopeKind: rule.scope.kind as KeywordScope['kind'],
        scopeId: rule.scope.id ?? undefined,
        replyText: rule.reply.text,
        tagNames: rule.tagNames,
        cooldownSeconds: rule.cooldownSeconds,
        priority: rule.priority,
        isEnabled: rule.isEnabled,
      });
    }
  }, [open, rule, form]);

  const save = useSave({
    save: async (v: Values) => {
      const body = {
        name: v.name,
        matchMode: v.matchMode,
        pattern: v.pattern,
        scope: toScope(v.scopeKind, v.scopeId),
        // Attachments are kept as they are; the console edits the text.
        reply: { ...(rule?.reply ?? {}), text: v.replyText || undefined },
        tagNames: v.tagNames ?? [],
        cooldownSeconds: v.cooldownSeconds ?? 300,
        priority: v.priority ?? 0,
        isEnabled: v.isEnabled,
      };
      if (rule)
        return unwrap(api.PATCH('/api/v1/keyword-rules/{id}', { params: { path: { id: rule.id } }, body }));
      return unwrap(api.POST('/api/v1/keyword-rules', { body }));
    },
    invalidates: [['listKeywordRules']],
    form,
    onSaved: onClose,
    aliases: fieldOfPath,
  });

  const idOptions =
    scopeKind === 'store'
      ? stores.map((s) => ({ value: s.id, label: s.name }))
      : scopeKind === 'series'
        ? series.map((s) => ({ value: s.id, label: s.nameTemplate }))
        : communities.map((c) => ({ value: c.id, label: c.name }));

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      size={560}
      title={t(rule ? 'keywords.edit' : 'keywords.create')}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          matchMode: 'contains',
          scopeKind: 'all',
          cooldownSeconds: 300,
          priority: 0,
          isEnabled: true,
        }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('keywords.name')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder={t('keywords.nameHint')} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={9}>
            <Form.Item name="matchMode" label={t('keywords.matchMode')}>
              <Select options={matchModes.map((m) => ({ value: m, label: t(`matchMode.${m}`) }))} />
            </Form.Item>
          </Col>
          <Col span={15}>
            <Form.Item name="pattern" label={t('keywords.pattern')} rules={[{ required: true, max: 200 }]}>
              <Input placeholder={t('keywords.patternHint')} data-testid="keyword-pattern" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={9}>
            <Form.Item name="scopeKind" label={t('keywords.scope')}>
              <Select options={scopeKinds.map((k) => ({ value: k, label: t(`scope.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={15}>
            {scopeKind && scopeKind !== 'all' && scopeKind !== 'private' && (
              <Form.Item name="scopeId" label={t(`scope.${scopeKind}`)} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={idOptions} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item
          name="replyText"
          label={t('keywords.reply')}
          extra={t('keywords.replyHelp')}
          rules={[{ max: 4000 }]}
        >
          <Input.TextArea rows={4} data-testid="keyword-reply" />
        </Form.Item>
        <Form.Item name="tagNames" label={t('keywords.tagNames')} extra={t('keywords.tagNamesHelp')}>
          <Select mode="tags" tokenSeparators={[',']} open={false} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="cooldownSeconds"
              label={t('keywords.cooldown')}
              tooltip={t('keywords.cooldownHelp')}
            >
              <InputNumber min={0} max={86400} addonAfter="s" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('keywords.priority')} tooltip={t('keywords.priorityHelp')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isEnabled" label={t('keywords.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormDrawer>
  );
};
