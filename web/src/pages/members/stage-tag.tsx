import { Tag } from 'antd';
import type { MemberStage } from '../../api/types.ts';
import { useT } from '../../i18n/i18n.tsx';

const stageColors: Record<MemberStage, string> = {
  new: 'blue',
  active: 'green',
  core: 'purple',
  silent: 'gold',
  churned: 'default',
};

export const StageTag = ({ stage }: { stage: MemberStage }) => {
  const t = useT();
  return <Tag color={stageColors[stage]}>{t(`stage.${stage}`)}</Tag>;
};
