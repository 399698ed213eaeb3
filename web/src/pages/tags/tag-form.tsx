import { Form, Input, InputNumber, Select } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { Tag } from '../../api/types.ts';
import { ColorSwatches } from '../../components/color-swatches.tsx';
import { FormModal } from '../../components/form-modal.tsx';
import { useTags } from '../../components/lookups.ts';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';

/** What the modal edits: a new group, a new tag (maybe in a group), or an existing tag. */
export type TagFormTarget = { kind: 'group' } | { kind: 'tag'; tag?: Tag; groupId?: string };

type Values = { name: string; groupId?: string | null; color?: string | null; sortOrder?: number };

export const TagForm = ({ target, onClose }: { target: TagFormTarget | null; onClose: () => void }) => {
  const t = useT();
  const groups = useTags().data?.groups ?? [];
  const [form] = Form.useForm<Values>();
  const existing = target?.kind === 'tag' ? target.tag : undefined;

  const save = useSave({
    save: async (values: Values): Promise<unknown> => {
      if (target?.kind === 'group') {
        const { groupId: _, ...group } = values;
        return unwrap(api.POST('/api/v1/tag-groups', { body: group }));
      }
      if (existing)
        return unwrap(
          api.PATCH('/api/v1/tags/{id}', { params: { path: { id: existing.id } }, body: values }),
        );
      return unwrap(api.POST('/api/v1/tags', { body: values }));
    },
    invalidates: [['listTags']],
    form,
    onSaved: onClose,
  });

  const title =
    target?.kind === 'group' ? t('tags.createGroup') : existing ? t('tags.editTag') : t('tags.createTag');
  return (
    <FormModal
      open={target !== null}
      title={title}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => save.mutate(values)}
        initialValues={
          existing
            ? {
                name: existing.name,
                groupId: existing.groupId,
                color: existing.color,
                sortOrder: existing.sortOrder,
              }
            : { groupId: target?.kind === 'tag' ? (target.groupId ?? null) : null, color: null }
        }
      >
        <Form.Item name="name" label={t('tags.name')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input autoFocus />
        </Form.Item>
        {target?.kind === 'tag' && (
          <Form.Item name="groupId" label={t('tags.group')}>
            <Select
              allowClear
              placeholder={t('tags.ungrouped')}
              options={groups.map((g) => ({ value: g.id, label: g.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="color" label={t('tags.color')} tooltip={t('tags.colorHelp')}>
          <ColorSwatches />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('tags.sortOrder')} tooltip={t('tags.sortOrderHelp')}>
          <InputNumber min={0} max={1000000} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
