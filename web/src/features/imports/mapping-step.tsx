import { IMPORT_FIELDS, type ImportKind, type ImportMapping } from '@anett/shared/schemas/import';
import { Alert, List, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { TableHead } from '../../components/table-head.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** Fields without which no row can be imported (the server checks the same). */
export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  persons: ['firstName', 'lastName'],
  organizations: ['name'],
};

/** Label of an import field in the current language. */
export function useFieldLabel(kind: ImportKind) {
  const { t } = useLabels();
  return (field: string) =>
    field === 'decision' || field === 'row'
      ? t(`imports.fields.${field}`)
      : kind === 'persons'
        ? t(`imports.fields.persons.${field as (typeof IMPORT_FIELDS)['persons'][number]}`, { defaultValue: field })
        : t(`imports.fields.organizations.${field as (typeof IMPORT_FIELDS)['organizations'][number]}`, {
            defaultValue: field,
          });
}

/** What is wrong with a mapping before the server sees it: a field twice (by column), required fields unmapped. */
export function mappingProblems(kind: ImportKind, columns: string[], mapping: ImportMapping) {
  const byColumn: Record<string, { field: string; column: string }> = {};
  const owner = new Map<string, string>();
  for (const column of columns) {
    const field = mapping[column];
    if (!field) continue;
    const first = owner.get(field);
    if (first !== undefined) byColumn[column] = { field, column: first };
    else owner.set(field, column);
  }
  const missing = REQUIRED_FIELDS[kind].filter((f) => !owner.has(f));
  return { byColumn, missing };
}

type Props = {
  kind: ImportKind;
  columns: string[];
  mapping: ImportMapping;
  onChange: (column: string, field: string) => void;
  /** Per column, from the server (`mapping.<column>`). */
  serverErrors: Record<string, string>;
  /** Errors about the mapping as a whole, from the server. */
  serverGeneral: string[];
  /** The first value of each column, to recognise it by its content. */
  examples: Record<string, string>;
};

/** Step 2: each column of the file with the field it goes to, required fields marked, errors beside the column. */
export function MappingStep({ kind, columns, mapping, onChange, serverErrors, serverGeneral, examples }: Props) {
  const { t } = useLabels();
  const fieldLabel = useFieldLabel(kind);
  const required = REQUIRED_FIELDS[kind];
  const { byColumn, missing } = mappingProblems(kind, columns, mapping);
  const options = [
    { value: '', label: `– ${t('imports.mapping.ignore')} –` },
    ...IMPORT_FIELDS[kind].map((f) => ({
      value: f,
      label: required.includes(f) ? t('imports.mapping.required', { field: fieldLabel(f) }) : fieldLabel(f),
    })),
  ];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t('imports.mapping.intro')}
      </Text>
      {(missing.length > 0 || serverGeneral.length > 0) && (
        <Alert color="orange" variant="light" role="status" title={t('imports.mapping.serverTitle')}>
          <List size="sm">
            {missing.length > 0 && (
              <List.Item>{t('imports.mapping.missing', { fields: missing.map(fieldLabel).join(', ') })}</List.Item>
            )}
            {serverGeneral
              .filter(() => missing.length === 0)
              .map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
          </List>
        </Alert>
      )}
      <Table withTableBorder verticalSpacing="xs" className="import-mapping">
        <TableHead columns={[t('imports.mapping.column'), t('imports.mapping.field'), t('imports.mapping.example')]} />
        <Table.Tbody>
          {columns.map((column) => {
            const twice = byColumn[column];
            const error = twice
              ? t('imports.mapping.twice', { field: fieldLabel(twice.field), column: twice.column })
              : serverErrors[column];
            const field = mapping[column] ?? '';
            return (
              <Table.Tr key={column}>
                <Table.Td data-label={t('imports.mapping.column')}>
                  <Text fw={500} size="sm">
                    {column}
                  </Text>
                </Table.Td>
                <Table.Td data-label={t('imports.mapping.field')}>
                  <NativeSelect
                    aria-label={t('imports.mapping.fieldFor', { column })}
                    data={options}
                    value={field}
                    onChange={(e) => onChange(column, e.currentTarget.value)}
                    error={error}
                    miw={220}
                  />
                </Table.Td>
                <Table.Td data-label={t('imports.mapping.example')}>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {examples[column] ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
