import { UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { SandboxUser } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Who the operator is acting as: a sandbox user, picked or made on the spot. */
export const MemberPanel = ({
  members,
  memberId,
  onPick,
  onCreate,
  creating,
}: {
  members: SandboxUser[];
  memberId: string | undefined;
  onPick: (id: string) => void;
  onCreate: (name: string) => void;
  creating: boolean;
}) => {
  const t = useT();
  const [name, setName] = useState('');
  const create = () => {
    if (!name.trim()) return;
    onCreate(name.trim());
    setName('');
  };
  return (
    <Card size="small" title={t('simulator.actingAs')}>
      <Select
        style={{ width: '100%' }}
        placeholder={t('simulator.pickMember')}
        value={memberId}
        onChange={onPick}
        showSearch={{ optionFilterProp: 'label' }}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
        data-testid="sim-member-select"
      />
      <Typography.Text type="secondary" style={{ display: 'block', margin: '10px 0 4px', fontSize: 12 }}>
        {t('simulator.newMemberHelp')}
      </Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={name}
          maxLength={100}
          placeholder={t('simulator.newMemberName')}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={create}
          data-testid="sim-new-member-name"
        />
        <Button
          icon={<UserAddOutlined />}
          loading={creating}
          onClick={create}
          data-testid="sim-create-member"
        >
          {t('simulator.create')}
        </Button>
      </Space.Compact>
    </Card>
  );
};
