import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { Tag as TagRow } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { useTags } from '../../components/lookups.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerErrors } from '../../components/server-errors.ts';
import { useT } from '../../i18n/i18n.tsx';
import { AttributesCard } from './attributes-card.tsx';
import { TagForm, type TagFormTarget } from './tag-form.tsx';

export const TagsPage = () => {
  const t = useT();
  const { message } = App.useApp();
  const showError = useServerErrors();
  const queryClient = useQueryClient();
  const { isAdmin } = useAuth();
  const tags = useTags();
  const [target, setTarget] = useState<TagFormTarget | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/tags/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      message.success(t('tags.deleted'));
      await queryClient.invalidateQueries({ queryKey: ['listTags'] });
    },
    onError: (error) => showError(error),
  });

  const tagItem = (tag: TagRow, groupColor: string | null) => (
    <Tag
      key={tag.id}
      color={tag.color ?? groupColor ?? undefined}
      style={{ padding: '2px 8px', marginBottom: 8 }}
    >
      <Space size={6}>
        {tag.name}
        {isAdmin && (
          <>
            <EditOutlined
              aria-label={t('common.edit')}
              onClick={() => setTarget({ kind: 'tag', tag })}
              style={{ cursor: 'pointer' }}
            />
            <Popconfirm
              title={t('tags.deleteConfirm', { name: tag.name })}
              onConfirm={() => remove.mutate(tag.id)}
              okButtonProps={{ danger: true }}
            >
              <DeleteOutlined aria-label={t('common.delete')} style={{ cursor: 'pointer' }} />
            </Popconfirm>
          </>
        )}
      </Space>
    </Tag>
  );

  const groups = tags.data?.groups ?? [];
  const ungrouped = tags.data?.ungrouped ?? [];
  return (
    <PageContainer
      title={t('tags.title')}
      subtitle={t('tags.subtitle')}
      extra={
        isAdmin && (
          <>
            <Button onClick={() => setTarget({ kind: 'group' })}>{t('tags.createGroup')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ kind: 'tag' })}>
              {t('tags.createTag')}
            </Button>
          </>
        )
      }
    >
      {tags.isPending ? (
        <Skeleton active />
      ) : groups.length + ungrouped.length === 0 ? (
        <Card>
          <EmptyHint
            description={t('tags.empty')}
            action={
              isAdmin && (
                <Button type="primary" onClick={() => setTarget({ kind: 'group' })}>
                  {t('tags.createGroup')}
                </Button>
              )
            }
          />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {groups.map((group) => (
            <Col key={group.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={
                  <Space>
                    <span
                      style={{
                        display: 'inline-block',
                        width: 10,
                        height: 10,
                        borderRadius: 5,
                        background: group.color ?? '#d9d9d9',
                      }}
                    />
                    {group.name}
                    <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
                      {t('tags.order', { n: group.sortOrder })}
                    </Typography.Text>
                  </Space>
                }
                extra={
                  isAdmin && (
                    <Button
                      size="small"
                      type="link"
                      icon={<PlusOutlined />}
                      onClick={() => setTarget({ kind: 'tag', groupId: group.id })}
                    >
                      {t('tags.addTag')}
                    </Button>
                  )
                }
              >
                {group.tags.length === 0 ? (
                  <Typography.Text type="secondary">{t('tags.groupEmpty')}</Typography.Text>
                ) : (
                  group.tags.map((tag) => tagItem(tag, group.color))
                )}
              </Card>
            </Col>
          ))}
          {ungrouped.length > 0 && (
            <Col xs={24} md={12} xl={8}>
              <Card size="small" title={t('tags.ungrouped')}>
                {ungrouped.map((tag) => tagItem(tag, null))}
              </Card>
            </Col>
          )}
        </Row>
      )}
      <AttributesCard />
      <TagForm target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
};
