import { PageContainer } from '../../components/page-container.tsx';
import { useT } from '../../i18n/i18n.tsx';

export const AnalyticsPage = () => {
  const t = useT();
  return <PageContainer title={t('analytics.title')}>{null}</PageContainer>;
};
