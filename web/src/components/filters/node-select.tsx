import { MultiSelect, type MultiSelectProps, Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { nodeOptionsQuery, nodeSelectData } from '../../lib/reference-data.ts';

type Props = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: number[] | undefined;
  onChange: (ids: number[] | undefined) => void;
};

/** The QTI nodes (a handful) for filters. */
export function NodeMultiSelect({ value, onChange, ...props }: Props) {
  const nodes = useQuery(nodeOptionsQuery());
  return (
    <MultiSelect
      data={nodeSelectData(nodes.data?.items)}
      value={(value ?? []).map(String)}
      onChange={(v) => onChange(v.length ? v.map(Number) : undefined)}
      clearable
      {...props}
    />
  );
}

type SingleProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: number | undefined;
  onChange: (id: number | undefined) => void;
};

/** One QTI node or none (the lists, the graph and the reach report filter by one). */
export function NodeSelect({ value, onChange, ...props }: SingleProps) {
  const nodes = useQuery(nodeOptionsQuery());
  return (
    <Select
      data={nodeSelectData(nodes.data?.items)}
      value={value ? String(value) : null}
      onChange={(v) => onChange(v ? Number(v) : undefined)}
      clearable
      {...props}
    />
  );
}
