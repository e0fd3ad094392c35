import type { PersonListItem } from '@anett/shared/schemas/person';
import { districtLabel } from '@anett/shared/vocab/districts';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Badge, Group, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { TagBadge } from '../../components/tag-picker.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

/** Columns of the person list; the less important ones give way on narrow screens. */
export function usePersonColumns(): DataTableColumn<PersonListItem>[] {
  const { t, label } = useLabels();
  return [
    {
      accessor: 'lastName',
      title: t('persons.name'),
      sortable: true,
      render: (p) => (
        <div>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} lh={1.3}>
              {personName(p)}
            </Text>
            {p.deletedAt && (
              <Badge size="xs" color="red" variant="light">
                {t('persons.deleted')}
              </Badge>
            )}
          </Group>
          {p.salutation && (
            <Text size="xs" c="dimmed">
              {label(SALUTATION, p.salutation)}
            </Text>
          )}
        </div>
      ),
    },
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
    {
      accessor: 'tags',
      title: t('persons.tags'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
      render: (p) => (
        <Group gap={4}>
          {p.tags.map((tag) => (
            <TagBadge key={tag.id} tag={tag} size="xs" />
          ))}
        </Group>
      ),
    },
  ];
}
