import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { FunnelExplorer } from './funnel-explorer.tsx';
import { LeaderboardsTab } from './leaderboards-tab.tsx';
import { RoiTab } from './roi-tab.tsx';
import { AnalyticsSettingsCard } from './settings-card.tsx';

const tabs = ['funnel', 'roi', 'leaderboards', 'settings'] as const;
type Tab = (typeof tabs)[number];

/** The funnel of any scope with cohorts, campaign and code ROI with costs, leaderboards, and the settings. */
export const AnalyticsPage = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'funnel';
  return (
    <PageContainer title={t('analytics.title')} subtitle={t('analytics.subtitle')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'funnel' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: 'funnel', label: t('analytics.tab.funnel'), children: <FunnelExplorer /> },
          { key: 'roi', label: t('analytics.tab.roi'), children: <RoiTab /> },
          { key: 'leaderboards', label: t('analytics.tab.leaderboards'), children: <LeaderboardsTab /> },
          { key: 'settings', label: t('analytics.tab.settings'), children: <AnalyticsSettingsCard /> },
        ]}
      />
    </PageContainer>
  );
};
