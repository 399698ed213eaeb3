import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useAuth } from '../../auth/auth.tsx';
import { formatTime } from '../../components/format.ts';
import { namesById, useMemberAttributes, useStaff, useTags } from '../../components/lookups.ts';
import { TagChip } from '../../components/pickers.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import { MemberEditForm } from './member-edit-form.tsx';
import { MemberLoyalty } from './member-loyalty.tsx';
import { MemberTimeline } from './member-timeline.tsx';
import { StageTag } from './stage-tag.tsx';

/** A member's profile: who they are, their tags (add and remove in place), identities and timeline. */
export const MemberDrawer = ({ memberId, onClose }: { memberId: string | null; onClose: () => void }) => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const { isAdmin } = useAuth();
  const { stores } = useStoreScope();
  const staffNames = namesById(useStaff().data);
  const attributes = useMemberAttributes().data ?? [];
  const tagData = useTags().data;
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState<string[]>([]);

  const member = useQuery({
    queryKey: ['getMember', memberId],
    enabled: memberId !== null,
    queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id: memberId! } } })),
  });

  const retag = useMutation({
    mutationFn: (change: { add?: string[]; remove?: string[] }) =>
      unwrap(api.POST('/api/v1/members/tags', { body: { memberIds: [memberId!], ...change } })),
    onSuccess: async () => {
      setAdding([]);
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: ['getMember', memberId] });
      await queryClient.invalidateQueries({ queryKey: ['getMemberTimeline', memberId] });
      await queryClient.invalidateQueries({ queryKey: ['listMembers'] });
    },
    onError: (error) => showError(error),
  });

  const m = member.data;
  const memberTagIds = new Set(m?.tags.map((tag) => tag.id));
  const allTags = [...(tagData?.groups.flatMap((g) => g.tags) ?? []), ...(tagData?.ungrouped ?? [])];
  const close = () => {
    setEditing(false);
    onClose();
  };

  return (
    <Drawer
      open={memberId !== null}
      onClose={close}
      size={640}
      title={m ? m.name : t('members.profile')}
      loading={member.isPending}
      extra={
        m &&
        !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      {m && editing && <MemberEditForm member={m} onDone={() => setEditing(false)} />}
      {m && !editing && (
        <Tabs
          items={[
            {
              key: 'profile',
              label: t('members.profile'),
              children: (
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Descriptions column={2} size="small" bordered>
                    <Descriptions.Item label={t('members.stage')}>
                      <StageTag stage={m.stage} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.phone')}>{m.phone ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('members.store')}>
                      {stores.find((s) => s.id === m.storeId)?.name ?? '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.owner')}>
                      {m.ownerStaffId ? (staffNames.get(m.ownerStaffId) ?? '—') : '—'}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.joined')}>
                      {formatTime(m.createdAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.lastSeen')}>
                      {formatTime(m.lastSeenAt)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('members.externalRef')}>
                      {m.externalRef ?? '—'}
                    </Descriptions.Item>
                    {attributes.map((attribute) => (
                      <Descriptions.Item key={attribute.id} label={attribute.label}>
                        {m.attributes[attribute.key] ?? '—'}
                      </Descriptions.Item>
                    ))}
                    <Descriptions.Item label={t('members.description')} span={2}>
                      {m.description ?? '—'}
                    </Descriptions.Item>
                  </Descriptions>
                  <div>
                    <Typography.Title level={5}>{t('members.tags')}</Typography.Title>
                    <div data-testid="member-tags">
                      {m.tags.length === 0 && (
                        <Typography.Text type="secondary">{t('members.noTags')}</Typography.Text>
                      )}
                      {m.tags.map((tag) => (
                        <Tag
                          key={tag.id}
                          color={tag.color ?? undefined}
                          closable={isAdmin}
                          onClose={(event) => {
                            event.preventDefault();
                            retag.mutate({ remove: [tag.id] });
                          }}
                        >
                          {tag.name}
                        </Tag>
                      ))}
                    </div>
                    {isAdmin && (
                      <Space.Compact style={{ marginTop: 8, width: '100%' }}>
                        <Select
                          mode="multiple"
                          style={{ flex: 1 }}
                          placeholder={t('members.addTags')}
                          value={adding}
                          onChange={setAdding}
                          showSearch={{ optionFilterProp: 'label' }}
                          options={allTags
                            .filter((tag) => !memberTagIds.has(tag.id))
                            .map((tag) => ({ value: tag.id, label: tag.name }))}
                        />
                        <Button
                          type="primary"
                          disabled={adding.length === 0}
                          loading={retag.isPending}
                          onClick={() => retag.mutate({ add: adding })}
                        >
                          {t('common.add')}
                        </Button>
                      </Space.Compact>
                    )}
                  </div>
                  <div>
                    <Typography.Title level={5}>{t('members.identities')}</Typography.Title>
                    {m.identities.map((identity) => (
                      <div key={identity.id} style={{ marginBottom: 4 }}>
                        <TagChip name={identity.platform} color="geekblue" />
                        <Typography.Text>{identity.displayName ?? identity.externalId}</Typography.Text>{' '}
                        <Typography.Text
                          type="secondary"
                          copyable={{ text: identity.externalId }}
                          style={{ fontSize: 12 }}
                        >
                          {identity.externalId}
                        </Typography.Text>
                      </div>
                    ))}
                  </div>
                </Space>
              ),
            },
            {
              key: 'timeline',
              label: t('members.timeline'),
              children: <MemberTimeline memberId={m.id} />,
            },
            {
              key: 'loyalty',
              label: t('memberLoyalty.tab'),
              children: <MemberLoyalty memberId={m.id} />,
            },
          ]}
        />
      )}
    </Drawer>
  );
};
