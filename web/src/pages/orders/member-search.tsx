import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';

/** A member picked by name or phone, searched on the server as one types. */
export const MemberSearch = (props: Omit<SelectProps, 'options'>) => {
  const t = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['listMembers', 'search', q],
    queryFn: () =>
      unwrap(api.GET('/api/v1/members', { params: { query: { q: q || undefined, limit: 20 } } })),
  });
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('orders.pickMember')}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
      {...props}
    />
  );
};
