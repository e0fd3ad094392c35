import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLabels } from '../../lib/i18n.ts';
import { nodeOptionsQuery, nodeSelectData, topicOptionsQuery, topicSelectData } from '../../lib/reference-data.ts';

/** A record's QTI node in a form (the id as text, as the form keeps it), or none: events and contacts. */
export function NodeField(props: Omit<SelectProps, 'data'>) {
  const nodes = useQuery(nodeOptionsQuery());
  return <Select clearable data={nodeSelectData(nodes.data?.items)} {...props} />;
}

/** A record's topics in a form: the active ones, and retired ones only while the record still has them. */
export function TopicsField({ value, ...props }: Omit<MultiSelectProps, 'data' | 'value'> & { value?: string[] }) {
  const { lang } = useLabels();
  const topics = useQuery(topicOptionsQuery());
  return (
    <MultiSelect
      searchable
      clearable
      data={topicSelectData(topics.data?.items, lang, value)}
      value={value}
      {...props}
    />
  );
}
