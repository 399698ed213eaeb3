import { Empty } from 'antd';
import type { ReactNode } from 'react';

/** An empty list that says what to do next, with the action to do it. */
export const EmptyHint = ({ description, action }: { description: ReactNode; action?: ReactNode }) => (
  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '24px 0' }}>
    {action}
  </Empty>
);
