import { districtLabel } from '@anett/shared/vocab/districts';
import { Switch } from '@mantine/core';
import { useLabels } from '../../lib/i18n.ts';
import { useReferenceNames } from '../../lib/reference-data.ts';
import { TagPicker } from '../tag-picker.tsx';
import type { FilterChip } from './filter-panel.tsx';
import { NodeMultiSelect } from './node-select.tsx';
import { DistrictMultiSelect, VocabMultiSelect, WzMultiSelect, wzChipLabel } from './vocab-select.tsx';

type Vocab = Readonly<Record<string, { de: string; en: string }>>;

/**
 * A list filter stated once (persons, organisations): its control in the filter panel and its removable chips are
 * drawn from the same entry.
 */
export type FilterField<S> = {
  key: keyof S & string;
  /** The control's label. */
  label: string;
  /** The chip's title where it is shorter than the label ('Branche' for 'Branche (WZ 2008)'). */
  chip?: string;
  /** Chips only: a filter that only some users may set, or one that old links still carry. */
  noControl?: boolean;
} & (
  | { type: 'vocab'; codes: Vocab }
  | { type: 'sector' | 'district' | 'node' | 'tag' }
  /** "Show deleted": a switch; its chip reads "Ja". */
  | { type: 'flag' }
);

type FieldValues<S> = { [K in keyof S]?: unknown };
type SetSearch<S> = (patch: Partial<S>) => unknown;

/** The filter controls of `fields` in order, each writing its value to the URL at once. */
export function FilterControls<S>({
  fields,
  values,
  setSearch,
}: {
  fields: FilterField<S>[];
  values: FieldValues<S>;
  setSearch: SetSearch<S>;
}) {
  return fields
    .filter((field) => !field.noControl)
    .map((field) => (
      <FilterControl
        key={field.key}
        field={field}
        value={values[field.key]}
        set={(value) => void setSearch({ [field.key]: value } as Partial<S>)}
      />
    ));
}

function FilterControl<S>({ field, value, set }: { field: FilterField<S>; value: unknown; set: (v: unknown) => void }) {
  const { label } = field;
  switch (field.type) {
    case 'vocab':
      return (
        <VocabMultiSelect label={label} codes={field.codes} value={value as string[] | undefined} onChange={set} />
      );
    case 'sector':
      return <WzMultiSelect label={label} value={value as string[] | undefined} onChange={set} />;
    case 'district':
      return <DistrictMultiSelect label={label} value={value as string[] | undefined} onChange={set} />;
    case 'node':
      return <NodeMultiSelect label={label} value={value as number[] | undefined} onChange={set} />;
    case 'tag':
      return (
        <TagPicker
          label={label}
          value={(value as number[] | undefined) ?? []}
          onChange={(ids) => set(ids.length ? ids : undefined)}
        />
      );
    case 'flag':
      return (
        <Switch
          label={label}
          mt={{ base: 0, xs: 30 }}
          checked={Boolean(value)}
          onChange={(e) => set(e.currentTarget.checked || undefined)}
        />
      );
  }
}

/** One removable chip per value of a list filter; removing the last value unsets the filter. */
export function valueChips<S, V extends string | number>(
  key: keyof S & string,
  values: readonly V[] | undefined,
  title: string,
  text: (value: V) => string,
  setSearch: SetSearch<S>,
): FilterChip[] {
  return (values ?? []).map((v) => {
    const rest = (values ?? []).filter((x) => x !== v);
    return {
      key: `${key}:${v}`,
      label: title,
      value: text(v),
      onRemove: () => void setSearch({ [key]: rest.length ? rest : undefined } as Partial<S>),
    };
  });
}

/** Chips of the given fields' values (a flag is one chip "Ja"); the names of nodes and tags are looked up. */
export function useFieldChips<S>(values: FieldValues<S>, setSearch: SetSearch<S>) {
  const { t, label } = useLabels();
  const names = useReferenceNames();
  const text = (field: FilterField<S>) => (v: string | number) => {
    switch (field.type) {
      case 'vocab':
        return label(field.codes, String(v));
      case 'sector':
        return wzChipLabel(String(v));
      case 'district':
        return districtLabel(String(v));
      case 'node':
        return names.node(Number(v));
      case 'tag':
        return names.tag(Number(v));
      case 'flag':
        return t('filters.yes');
    }
  };
  return (fields: FilterField<S>[]): FilterChip[] =>
    fields.flatMap((field) => {
      const value = values[field.key];
      const title = field.chip ?? field.label;
      if (field.type !== 'flag') {
        return valueChips(field.key, value as (string | number)[] | undefined, title, text(field), setSearch);
      }
      const unset = () => void setSearch({ [field.key]: undefined } as Partial<S>);
      return value ? [{ key: field.key, label: title, value: text(field)(''), onRemove: unset }] : [];
    });
}
