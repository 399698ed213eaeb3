import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { funnelQuery, type Period, type Scope } from './analytics-data.ts';
import { FunnelFigures } from './funnel-figures.tsx';
import type { FunnelDrill } from './funnel-members-drawer.tsx';

const FunnelChart = lazy(async () => ({ default: (await import('./funnel-charts.tsx')).FunnelChart }));
const FunnelTrendChart = lazy(async () => ({
  default: (await import('./funnel-charts.tsx')).FunnelTrendChart,
}));
const FunnelMembersDrawer = lazy(async () => ({
  default: (await import('./funnel-members-drawer.tsx')).FunnelMembersDrawer,
}));

/**
 * A scope's AARRR funnel over a period: the figures first, then (when `chartsReady`, i.e. once the page is idle)
 * the funnel chart and the daily trends; a click on a figure lists its members in a drawer.
 */
export const FunnelSection = ({
  scope,
  period,
  chartsReady = true,
}: {
  scope: Scope;
  period: Period;
  chartsReady?: boolean;
}) => {
  const t = useT();
  const funnel = useQuery(funnelQuery(scope, period));
  const [drill, setDrill] = useState<FunnelDrill | null>(null);
  const data = funnel.data;
  return (
    <>
      {funnel.isError && <Alert type="error" showIcon message={String(funnel.error.message)} />}
      <FunnelFigures funnel={data} onOpen={(figure, label) => setDrill({ figure, label })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={t('funnel.chart')}>
            {!data || !chartsReady ? (
              <Skeleton active />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <FunnelChart funnel={data} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('funnel.trends')}>
            {!data || !chartsReady ? (
              <Skeleton active />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <FunnelTrendChart funnel={data} />
              </Suspense>
            )}
          </Card>
        </Col>
      </Row>
      {drill && (
        <Suspense fallback={null}>
          <FunnelMembersDrawer scope={scope} period={period} drill={drill} onClose={() => setDrill(null)} />
        </Suspense>
      )}
    </>
  );
};
