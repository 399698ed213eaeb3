import { Form } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import type { CommunityDetail, RosterEntry } from '../../api/types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { useSave } from '../../components/use-save.ts';
import { useT } from '../../i18n/i18n.tsx';
import { RosterFields } from './roster-fields.tsx';

export const RosterModal = ({
  community,
  open,
  onClose,
}: {
  community: CommunityDetail;
  open: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const [form] = Form.useForm<{ roster: RosterEntry[] }>();
  const save = useSave({
    save: (values: { roster?: RosterEntry[] }) =>
      unwrap(
        api.PUT('/api/v1/communities/{id}/roster', {
          params: { path: { id: community.id } },
          body: { roster: values.roster ?? [] },
        }),
      ),
    invalidates: [['getCommunity', community.id]],
    form,
    onSaved: onClose,
  });
  return (
    <FormModal
      open={open}
      title={t('roster.edit')}
      onClose={onClose}
      onSubmit={() => form.submit()}
      busy={save.isPending}
      width={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roster: community.roster }}
        onFinish={(values) => save.mutate(values)}
        preserve={false}
      >
        <RosterFields />
      </Form>
    </FormModal>
  );
};
