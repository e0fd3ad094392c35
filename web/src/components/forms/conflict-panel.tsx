import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../table-head.tsx';

export type ConflictRow = {
  field: string;
  label: string;
  /** The value saved meanwhile. */
  theirs: string;
  /** What this form would save. */
  yours: string;
  /** False when the user left the field as loaded: saving keeps their value. */
  yoursChanged: boolean;
};

export type ConflictField<V> = { key: keyof V & string; label: string; format?: (value: V[keyof V]) => string };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Keys whose value differs between two form states (what a patch has to send). */
export function changedKeys<V extends Record<string, unknown>>(before: V, after: V): (keyof V & string)[] {
  return Object.keys(after).filter((k) => !same(before[k], after[k]));
}
const plain = (v: unknown) =>
  v === null || v === undefined || v === '' ? '' : Array.isArray(v) ? v.join(', ') : String(v);

/** Fields that differ between what the user loaded and what is saved now, with both sides in words. */
export function conflictRows<V extends Record<string, unknown>>(
  fields: ConflictField<V>[],
  loaded: V,
  current: V,
  yours: V,
): ConflictRow[] {
  return fields
    .filter((f) => !same(loaded[f.key], current[f.key]))
    .map((f) => {
      const format = f.format ?? plain;
      return {
        field: f.key,
        label: f.label,
        theirs: format(current[f.key]),
        yours: format(yours[f.key]),
        yoursChanged: !same(loaded[f.key], yours[f.key]),
      };
    });
}

type Props = {
  rows: ConflictRow[];
  onReload: () => void;
  onOverwrite: () => void;
  overwriting?: boolean;
};

/**
 * Shown in an edit form after a 412: what changed meanwhile (theirs vs yours), then reload (discard) or overwrite
 * knowingly. Overwriting sends only the fields the user changed, so their other changes stay.
 */
export function ConflictPanel({ rows, onReload, onOverwrite, overwriting }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitCompare size={20} />}
      title={t('forms.conflictTitle')}
      role="alert"
      data-testid="conflict-panel"
    >
      <Stack gap="sm">
        <Text size="sm">{t('forms.conflictText', { who: t('forms.conflictSomeone') })}</Text>
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder withColumnBorders bg="white" fz="sm" verticalSpacing={6}>
              <TableHead columns={[t('forms.conflictField'), t('forms.conflictTheirs'), t('forms.conflictYours')]} />
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.field}>
                    <Table.Td fw={600}>{row.label}</Table.Td>
                    <Table.Td>{row.theirs || t('forms.empty')}</Table.Td>
                    <Table.Td>
                      {row.yoursChanged ? (
                        row.yours || t('forms.empty')
                      ) : (
                        <Text span size="sm" c="dimmed" fs="italic">
                          {t('forms.conflictUnchanged')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm">{t('forms.conflictNoFieldChanges')}</Text>
        )}
        <Group gap="sm" justify="flex-end" wrap="wrap">
          <Button variant="default" onClick={onReload}>
            {t('forms.conflictReload')}
          </Button>
          <Button color="orange" onClick={onOverwrite} loading={overwriting}>
            {t('forms.conflictOverwrite')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
