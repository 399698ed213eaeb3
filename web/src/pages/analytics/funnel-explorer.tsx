import { useQuery } from '@tanstack/react-query';
import { Card, Space } from 'antd';
import { useState } from 'react';
import { EmptyHint } from '../../components/empty-hint.tsx';
import { useT } from '../../i18n/i18n.tsx';
import {
  type FunnelScopeKind,
  funnelQuery,
  type PeriodChoice,
  type Scope,
  usePeriod,
} from './analytics-data.ts';
import { CohortTable } from './cohort-table.tsx';
import { CsvButton } from './csv-button.tsx';
import { FunnelSection } from './funnel-section.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { ScopePicker, toScope } from './scope-picker.tsx';

const Cohorts = ({ scope, period }: { scope: Scope; period: ReturnType<typeof usePeriod> }) => {
  const t = useT();
  const funnel = useQuery(funnelQuery(scope, period));
  return (
    <Card size="small" title={t('analytics.cohorts')} loading={funnel.isPending}>
      <CohortTable cohorts={funnel.data?.cohorts ?? []} />
    </Card>
  );
};

/** Any scope's funnel (brand, store, code, group, campaign) over any period, with its cohorts and its CSV. */
export const FunnelExplorer = () => {
  const t = useT();
  const [kind, setKind] = useState<FunnelScopeKind>('brand');
  const [id, setId] = useState<string | undefined>();
  const [choice, setChoice] = useState<PeriodChoice>({ kind: '30' });
  const period = usePeriod(choice);
  const scope = toScope(kind, id);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <ScopePicker
            kind={kind}
            id={id}
            onChange={(k, i) => {
              setKind(k);
              setId(i);
            }}
          />
          <Space wrap>
            <PeriodPicker value={choice} onChange={setChoice} />
            {scope && <CsvButton report="funnel" scope={scope} period={period} />}
          </Space>
        </Space>
      </Card>
      {scope ? (
        <>
          <FunnelSection scope={scope} period={period} />
          <Cohorts scope={scope} period={period} />
        </>
      ) : (
        <Card size="small">
          <EmptyHint description={t(`analytics.pickFirst.${kind as Exclude<FunnelScopeKind, 'brand'>}`)} />
        </Card>
      )}
    </div>
  );
};
