import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

/**
 * The server pages every long list by keyset (`limit`, `cursor` → `nextCursor`), with no total. This keeps the
 * cursors of the pages seen so far, so the operator can go forward and back; a new filter starts over.
 */
export const useCursorPages = (initialSize = 20) => {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [size, setSize] = useState(initialSize);
  const index = cursors.length - 1;
  const reset = useCallback(() => setCursors([undefined]), []);
  return {
    cursor: cursors[index],
    page: index + 1,
    size,
    setSize: (next: number) => {
      setSize(next);
      setCursors([undefined]);
    },
    next: (nextCursor: string) => setCursors((all) => [...all, nextCursor]),
    previous: () => setCursors((all) => (all.length > 1 ? all.slice(0, -1) : all)),
    reset,
  };
};

export type CursorPages = ReturnType<typeof useCursorPages>;

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A server-paginated list: the pages' cursors and the query of the current page, which keeps showing the previous
 * page while the next loads. `key` names the list and its filters; a new key does not reset the cursor by itself.
 */
export const usePagedQuery = <T,>(
  key: readonly unknown[],
  fetchPage: (page: { limit: number; cursor: string | undefined }) => Promise<Page<T>>,
  options: { size?: number; refetchInterval?: number } = {},
) => {
  const pages = useCursorPages(options.size ?? 20);
  const query = useQuery({
    queryKey: [...key, pages.cursor, pages.size],
    queryFn: () => fetchPage({ limit: pages.size, cursor: pages.cursor }),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
  return { pages, query, items: query.data?.items ?? [], nextCursor: query.data?.nextCursor };
};

export const CursorPager = ({
  pages,
  nextCursor,
  count,
}: {
  pages: CursorPages;
  nextCursor: string | null | undefined;
  count: number;
}) => {
  const t = useT();
  return (
    <div
      style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, marginTop: 12 }}
    >
      <Typography.Text type="secondary">{t('pager.page', { page: pages.page, count })}</Typography.Text>
      <Space.Compact>
        <Button icon={<LeftOutlined />} disabled={pages.page === 1} onClick={pages.previous}>
          {t('pager.previous')}
        </Button>
        <Button
          disabled={!nextCursor}
          onClick={() => nextCursor && pages.next(nextCursor)}
          data-testid="pager-next"
        >
          {t('pager.next')} <RightOutlined />
        </Button>
      </Space.Compact>
      <Select
        value={pages.size}
        onChange={pages.setSize}
        style={{ width: 110 }}
        options={[20, 50, 100, 200].map((n) => ({ value: n, label: t('pager.perPage', { n }) }))}
      />
    </div>
  );
};
