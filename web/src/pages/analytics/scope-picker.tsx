import { useQuery } from '@tanstack/react-query';
import { Segmented, Select, Space } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useStoreScope } from '../../layout/store-scope.tsx';
import type { FunnelScopeKind, Scope } from './analytics-data.ts';

const kinds: FunnelScopeKind[] = ['brand', 'store', 'code', 'community', 'campaign'];

/** The options of a scope kind: the caller's stores, channel codes, groups or campaigns. */
const useScopeOptions = (kind: FunnelScopeKind) => {
  const { stores } = useStoreScope();
  const codes = useQuery({
    queryKey: ['listChannelCodes', 'analytics'],
    queryFn: () => unwrap(api.GET('/api/v1/channel-codes', { params: { query: { limit: 200 } } })),
    enabled: kind === 'code',
  });
  const communities = useQuery({
    queryKey: ['listCommunities', 'analytics'],
    queryFn: () => unwrap(api.GET('/api/v1/communities', { params: { query: { limit: 200 } } })),
    enabled: kind === 'community',
  });
  const campaigns = useQuery({
    queryKey: ['listCampaignRoi'],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/campaigns/roi')),
    enabled: kind === 'campaign',
  });
  const rows: { id: string; name: string }[] =
    kind === 'store'
      ? stores
      : kind === 'code'
        ? (codes.data?.items ?? [])
        : kind === 'community'
          ? (communities.data?.items ?? [])
          : kind === 'campaign'
            ? (campaigns.data?.items ?? [])
            : [];
  const loading = codes.isFetching || communities.isFetching || campaigns.isFetching;
  return { options: rows.map((r) => ({ value: r.id, label: r.name })), loading };
};

/**
 * Which funnel: the brand, or one store, channel code, group or campaign. A kind without a pick yet is
 * reported as undefined, so the page can say "pick one".
 */
export const ScopePicker = ({
  kind,
  id,
  onChange,
}: {
  kind: FunnelScopeKind;
  id: string | undefined;
  onChange: (kind: FunnelScopeKind, id: string | undefined) => void;
}) => {
  const t = useT();
  const { options, loading } = useScopeOptions(kind);
  return (
    <Space wrap>
      <Segmented
        value={kind}
        data-testid="scope-kind"
        options={kinds.map((k) => ({ value: k, label: t(`analytics.scope.${k}`) }))}
        onChange={(next) => onChange(next as FunnelScopeKind, undefined)}
      />
      {kind !== 'brand' && (
        <Select
          style={{ minWidth: 240 }}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(`analytics.pick.${kind}`)}
          loading={loading}
          value={id}
          options={options}
          onChange={(value: string) => onChange(kind, value)}
          data-testid="scope-id"
        />
      )}
    </Space>
  );
};

export const toScope = (kind: FunnelScopeKind, id: string | undefined): Scope | undefined =>
  kind === 'brand' ? { kind: 'brand' } : id ? { kind, id } : undefined;
