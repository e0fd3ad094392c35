import { foldText, searchFold } from '@anett/shared/normalize';
import { DISTRICTS, OTHER_STATES } from '@anett/shared/vocab/districts';
import { WZ_CODES, wzLabel } from '@anett/shared/vocab/wz2008';
import {
  type ComboboxItem,
  type ComboboxItemGroup,
  type ComboboxParsedItem,
  isOptionsGroup,
  MultiSelect,
  type MultiSelectProps,
  Pill,
  Select,
  type SelectProps,
  Text,
  Tooltip,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/i18n.ts';

type Vocab = Readonly<Record<string, { de: string; en: string }>>;

/** Accent- and case-insensitive match on the option label ('sommerda' finds 'Sömmerda', 'kraftwagen' finds 29). */
export function foldedFilter({
  options,
  search,
  limit,
}: {
  options: ComboboxParsedItem[];
  search: string;
  limit: number;
}) {
  const needle = foldText(search);
  const out: ComboboxParsedItem[] = [];
  let count = 0;
  for (const item of options) {
    if (count >= limit) break;
    if (isOptionsGroup(item)) {
      const items = item.items.filter((o) => searchFold(o.label).includes(needle)).slice(0, limit - count);
      count += items.length;
      if (items.length) out.push({ group: item.group, items });
    } else if (searchFold(item.label).includes(needle)) {
      out.push(item);
      count += 1;
    }
  }
  return out;
}

type MultiProps = Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string[] | undefined;
  onChange: (value: string[] | undefined) => void;
};

/** The multi-select of the list filters: nothing chosen is "not set" (undefined), as the URL keeps it. */
function FilterMultiSelect({ value, onChange, ...props }: MultiProps & Pick<MultiSelectProps, 'data'>) {
  return <MultiSelect value={value ?? []} onChange={(v) => onChange(v.length ? v : undefined)} clearable {...props} />;
}

/** Long grouped lists (WZ codes, districts) are searched without regard to accents and case. */
const folded = { searchable: true, filter: foldedFilter } as const;

/** Multi-select over a fixed vocabulary of `shared/src/vocab/enums.ts` in the UI language. */
export function VocabMultiSelect({ codes, ...props }: MultiProps & { codes: Vocab }) {
  const { label } = useLabels();
  return (
    <FilterMultiSelect
      data={Object.keys(codes).map((code) => ({ value: code, label: label(codes, code) }))}
      {...props}
    />
  );
}

// WZ 2008: grouped by section, indented by level; pills show the code only (labels are long).
const WZ_DATA: ComboboxItemGroup<ComboboxItem>[] = (() => {
  const groups = new Map<string, ComboboxItem[]>();
  for (const c of WZ_CODES) {
    const key = c.section;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)?.push({ value: c.code, label: `${c.code} ${c.label}` });
  }
  return [...groups.entries()].map(([section, items]) => ({
    group: `${section} – ${wzLabel(section) ?? ''}`,
    items,
  }));
})();
const WZ_DEPTH: Record<string, number> = Object.fromEntries(
  WZ_CODES.map((c) => [c.code, { section: 0, division: 1, group: 2, class: 3 }[c.level]]),
);

/** Searchable WZ 2008 picker: sections, divisions and, where listed, groups and classes. */
export function WzMultiSelect(props: MultiProps) {
  return (
    <FilterMultiSelect
      data={WZ_DATA}
      {...folded}
      limit={400}
      maxDropdownHeight={320}
      comboboxProps={{ width: 440, position: 'bottom-start', middlewares: { flip: true, shift: true } }}
      renderOption={({ option }) => (
        <Text size="sm" pl={(WZ_DEPTH[option.value] ?? 0) * 12} fw={WZ_DEPTH[option.value] === 0 ? 600 : undefined}>
          {option.label}
        </Text>
      )}
      renderPill={({ option, onRemove, disabled }) => (
        <Tooltip label={option?.label} key={String(option?.value)}>
          <Pill withRemoveButton={!disabled} onRemove={onRemove}>
            {option?.value}
          </Pill>
        </Tooltip>
      )}
      {...props}
    />
  );
}

function useDistrictData() {
  const { t } = useTranslation();
  return useMemo(
    () => [
      {
        group: t('filters.thuringia'),
        items: [...DISTRICTS]
          .sort((a, b) => a.name.localeCompare(b.name, 'de'))
          .map((d) => ({ value: d.code, label: d.label })),
      },
      { group: t('filters.outsideThuringia'), items: OTHER_STATES.map((s) => ({ value: s.code, label: s.label })) },
    ],
    [t],
  );
}

/** Thuringian districts (alphabetical), then the other states and "Ausland". */
export function DistrictMultiSelect(props: MultiProps) {
  return <FilterMultiSelect data={useDistrictData()} {...folded} limit={100} {...props} />;
}

export function DistrictSelect(props: Omit<SelectProps, 'data'>) {
  return <Select data={useDistrictData()} {...folded} clearable limit={100} {...props} />;
}

/** Chip text of a WZ code: '29 Herstellung von Kraftwagen und Kraftwagenteilen'. */
export const wzChipLabel = (code: string) => `${code} ${wzLabel(code) ?? ''}`.trim();
