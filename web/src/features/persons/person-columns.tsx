import type { PersonListItem } from '@anett/shared/schemas/person';
import { districtLabel } from '@anett/shared/vocab/districts';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { nameColumn, tagsColumn } from '../../components/records/record-list-parts.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

/** Columns of the person list; the less important ones give way on narrow screens. */
export function usePersonColumns(): DataTableColumn<PersonListItem>[] {
  const { t, label } = useLabels();
  return [
    nameColumn<PersonListItem>(t, 'persons', {
      accessor: 'lastName',
      name: personName,
      detail: (p) => p.salutation && label(SALUTATION, p.salutation),
    }),
    {
      accessor: 'organization',
      title: t('persons.organization'),
      sortable: true,
      render: (p) => (
        <div>
          <Text size="sm" lh={1.3}>
            {p.organization?.name ?? '–'}
          </Text>
          {p.function && (
            <Text size="xs" c="dimmed">
              {p.function}
            </Text>
          )}
        </div>
      ),
    },
    {
      accessor: 'district',
      title: t('persons.district'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
      render: (p) => districtLabel(p.district),
    },
    {
      accessor: 'email',
      title: t('persons.email'),
      sortable: true,
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.sm})`,
      render: (p) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {p.email ? (
            // Long addresses wrap after the @ first.
            <>
              {p.email.split('@')[0]}
              <wbr />@{p.email.split('@').slice(1).join('@')}
            </>
          ) : (
            '–'
          )}
        </Text>
      ),
    },
    tagsColumn(t('persons.tags'), 'lg'),
  ];
}
