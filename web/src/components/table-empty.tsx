import { Button } from 'antd';
import type { ReactNode } from 'react';
import { EmptyHint } from './empty-hint.tsx';

/** The button that makes the list's first row; `isPrimary: false` for a secondary list on its page. */
export type TableEmptyCreate = { label: ReactNode; onClick: () => void; isPrimary?: boolean };

/**
 * A table's empty state (its `locale.emptyText`): blank while the first page loads, so no "nothing here" flashes
 * before the rows, then what to do next and, where the caller may, the button that creates the first row
 * (`create` false or absent: none) or another `action`.
 */
export const TableEmpty = ({
  isPending = false,
  description,
  create,
  action,
}: {
  isPending?: boolean;
  description: ReactNode;
  create?: TableEmptyCreate | false | null;
  action?: ReactNode;
}) => {
  if (isPending) return ' ';
  const button = create && (
    <Button type={create.isPrimary === false ? 'default' : 'primary'} onClick={create.onClick}>
      {create.label}
    </Button>
  );
  return <EmptyHint description={description} action={button || action} />;
};
