import { LinkOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
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
    <Card size="small" title={t('simulator.links')}>
      {links.length === 0 && <Typography.Text type="secondary">{t('simulator.noLinks')}</Typography.Text>}
      {links.map((link) => (
        <div
          key={link.id}
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            padding: '8px 0',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <div>
              <Tag color={link.kind === 'group' ? 'green' : 'blue'}>{t(`linkKind.${link.kind}`)}</Tag>
              <Typography.Text strong>{link.state ?? t('simulator.noState')}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('simulator.opened', { n: link.openCount })}
            </Typography.Text>
          </div>
          <Button
            size="small"
            disabled={!canOpen}
            loading={opening}
            onClick={() => onOpen(link.url)}
            data-testid={`sim-open-${link.state ?? link.id}`}
          >
            {t('simulator.open')}
          </Button>
        </div>
      ))}
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
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
