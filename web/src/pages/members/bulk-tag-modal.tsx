import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { TagPicker } from '../../components/pickers.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { type MemberFilterValues, toMemberFilter } from './member-query.ts';

type Values = { add?: string[]; remove?: string[] };

/** Adds and removes tags on the selected members, or on every member the filter matches: all or nothing. */
export const BulkTagModal = ({
  open,
  onClose,
  memberIds,
  filter,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  memberIds: string[];
  filter: MemberFilterValues;
  onDone: () => void;
}) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const { storeId } = useStoreScope();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: (values: Values) =>
      unwrap(
        api.POST('/api/v1/members/tags', {
          body: {
            ...(memberIds.length > 0 ? { memberIds } : { filter: toMemberFilter(filter, storeId) }),
            add: values.add ?? [],
            remove: values.remove ?? [],
          },
        }),
      ),
    onSuccess: async (result) => {
      message.success(
        t('members.bulkDone', { members: result.members, added: result.added, removed: result.removed }),
      );
      await queryClient.invalidateQueries({ queryKey: ['listMembers'] });
      await queryClient.invalidateQueries({ queryKey: ['getMember'] });
      form.resetFields();
      onDone();
      onClose();
    },
    onError: (error) => showError(error, form),
  });
  return (
    <FormModal
      open={open}
      title={t('members.bulkTitle')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={mutation.isPending}
      okText={t('common.apply')}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          memberIds.length > 0 ? t('members.bulkSelected', { n: memberIds.length }) : t('members.bulkFilter')
        }
      />
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} preserve={false}>
        <Form.Item
          name="add"
          label={t('members.addTags')}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, add?: string[]) =>
                (add?.length ?? 0) + (getFieldValue('remove')?.length ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('members.bulkNeedTag'))),
            }),
          ]}
        >
          <TagPicker data-testid="bulk-add" />
        </Form.Item>
        <Form.Item name="remove" label={t('members.removeTags')}>
          <TagPicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
