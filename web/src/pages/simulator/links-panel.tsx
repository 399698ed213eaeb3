import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SandboxLink } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Entry links and codes, as a member would scan them: open one as the member you act as. */
export const LinksPanel = ({
  links,
  canOpen,
  onOpen,
  opening,
}: {
  links: SandboxLink[];
  canOpen: boolean;
  onOpen: (link: string) => void;
  opening: boolean;
}) => {
  const t = useT();
  const [pasted, setPasted] = useState('');
  return (
    <Card size="small" title={t('simulator.links')} styles={{ body: { paddingTop: 4 } }}>
      <List
        size="small"
        dataSource={links}
        locale={{ emptyText: t('simulator.noLinks') }}
        renderItem={(link) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                disabled={!canOpen}
                loading={opening}
                onClick={() => onOpen(link.url)}
                data-testid={`sim-open-${link.state ?? link.id}`}
              >
                {t('simulator.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4}>
                  <Tag color={link.kind === 'group' ? 'green' : 'blue'}>{t(`linkKind.${link.kind}`)}</Tag>
                  <span>{link.state ?? t('simulator.noState')}</span>
                </Space>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('simulator.opened', { n: link.openCount })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          value={pasted}
          prefix={<LinkOutlined />}
          placeholder={t('simulator.pasteLink')}
          onChange={(event) => setPasted(event.target.value)}
        />
        <Button
          disabled={!canOpen || !pasted.trim()}
          onClick={() => {
            onOpen(pasted.trim());
            setPasted('');
          }}
        >
          {t('simulator.open')}
        </Button>
      </Space.Compact>
      {!canOpen && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 6 }}>
          {t('simulator.pickMemberFirst')}
        </Typography.Text>
      )}
    </Card>
  );
};
