import type { Topic } from '@anett/shared/schemas/tag';
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLabels } from '../../lib/i18n.ts';
import { topicListOptions } from '../../lib/reference-data.ts';

/** A topic's name in the UI language. */
export const topicName = (topic: Pick<Topic, 'label' | 'labelEn'>, lang: 'de' | 'en') =>
  lang === 'en' ? topic.labelEn : topic.label;

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: number[] | undefined;
  onChange: (ids: number[] | undefined) => void;
};

/** Topics (Themen) for filters; inactive ones stay selectable since old records carry them. */
export function TopicMultiSelect({ value, onChange, ...props }: Props) {
  const { lang } = useLabels();
  const topics = useQuery(topicListOptions());
  const data = (topics.data ?? []).map((topic) => ({ value: String(topic.id), label: topicName(topic, lang) }));
  return (
    <MultiSelect
      data={data}
      value={(value ?? []).map(String)}
      onChange={(v) => onChange(v.length ? v.map(Number) : undefined)}
      searchable
      clearable
      {...props}
    />
  );
}
