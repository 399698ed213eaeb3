import { Select, type SelectProps, Tag } from 'antd';
import type { Tag as TagRow } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { namesById, useStaff, useStores, useTags } from './lookups.ts';

type PickerProps = Omit<SelectProps, 'options'>;

export const StorePicker = (props: PickerProps) => {
  const t = useT();
  const { data, isLoading } = useStores();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pickStore')}
      loading={isLoading}
      options={(data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.code})` }))}
      {...props}
    />
  );
};

/**
 * Active staff; with `assignableOn`, only those a channel code on that platform account may assign. One chosen
 * before who is not among them any more (an edited code whose guide lost the account) keeps their name,
 * disabled, so the form shows who it is and the save names the field.
 */
export const StaffPicker = ({ assignableOn, ...props }: PickerProps & { assignableOn?: string }) => {
  const t = useT();
  const all = useStaff();
  const listed = useStaff(assignableOn);
  const options = (listed.data ?? []).filter((s) => s.isActive).map((s) => ({ value: s.id, label: s.name }));
  const chosen: unknown[] = Array.isArray(props.value) ? props.value : [props.value];
  const names = namesById(all.data);
  const missing = chosen.filter(
    (id): id is string => typeof id === 'string' && !options.some((o) => o.value === id),
  );
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pickStaff')}
      loading={listed.isLoading}
      options={[
        ...options,
        ...(assignableOn && listed.data
          ? missing.map((id) => ({ value: id, label: names.get(id) ?? id, disabled: true }))
          : []),
      ]}
      {...props}
    />
  );
};

/** Tags grouped as the brand arranged them; the value is tag ids. */
export const TagPicker = (props: PickerProps) => {
  const t = useT();
  const { data, isLoading } = useTags();
  const option = (tag: TagRow) => ({ value: tag.id, label: tag.name });
  const options = [
    ...(data?.groups ?? []).map((group) => ({ label: group.name, options: group.tags.map(option) })),
    ...((data?.ungrouped.length ?? 0) > 0
      ? [{ label: t('tags.ungrouped'), options: (data?.ungrouped ?? []).map(option) }]
      : []),
  ];
  return (
    <Select
      mode="multiple"
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.pickTags')}
      loading={isLoading}
      options={options}
      maxTagCount="responsive"
      {...props}
    />
  );
};

/** A tag as a coloured chip; the colour is the tag's, else its group's. */
export const TagChip = ({ name, color }: { name: string; color?: string | null }) => (
  <Tag color={color ?? undefined} style={{ marginInlineEnd: 4 }}>
    {name}
  </Tag>
);
