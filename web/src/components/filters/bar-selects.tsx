import { type ComboboxItem, Select } from '@mantine/core';
import { useLabels } from '../../lib/i18n.ts';
import type { Ns } from './filter-bar.tsx';
import { NodeSelect } from './node-select.tsx';

// The single-choice filters that the events and the contact-log bars share, labelled from the bar's namespace.
type Vocab = Readonly<Record<string, { de: string; en: string }>>;
type Choice<V> = { ns: Ns; value: V | undefined; onChange: (value: V | undefined) => void };

/** The bar's kind filter (`<ns>.kind`, "all" is `<ns>.allKinds`): one kind of the vocabulary or none. */
export function KindFilter({ ns, codes, value, onChange, width }: Choice<string> & { codes: Vocab; width: number }) {
  const { t, label } = useLabels();
  return (
    <Select
      label={t(`${ns}.kind`)}
      placeholder={t(`${ns}.allKinds`)}
      clearable
      data={Object.keys(codes).map((k) => ({ value: k, label: label(codes, k) }))}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      w={{ base: '100%', xs: width }}
    />
  );
}

/** The bar's node filter (`<ns>.node`, "all" is `<ns>.allNodes`). */
export function NodeFilter({ ns, value, onChange }: Choice<number>) {
  const { t } = useLabels();
  return (
    <NodeSelect
      label={t(`${ns}.node`)}
      placeholder={t(`${ns}.allNodes`)}
      value={value}
      onChange={onChange}
      w={{ base: '100%', xs: 200 }}
    />
  );
}

/** The bar's topic filter (`<ns>.topic`, "all" is `<ns>.allTopics`), searchable; `data` says what a value is. */
export function TopicFilter({ ns, data, value, onChange }: Choice<string> & { data: ComboboxItem[] }) {
  const { t } = useLabels();
  return (
    <Select
      label={t(`${ns}.topic`)}
      placeholder={t(`${ns}.allTopics`)}
      clearable
      searchable
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      w={{ base: '100%', xs: 180 }}
    />
  );
}
