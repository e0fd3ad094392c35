import type { Organization } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { Badge, Group, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { TagBadge } from '../../components/tag-picker.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** 'Kleinunternehmen (< 50)' may wrap before the parenthesis, never inside it. */
const keepTogether = (text: string) => text.replace(/\(.*\)$/, (p) => p.replaceAll(' ', '\u00a0'));

/** Columns of the organisation list; size class and tags give way on narrower screens. */
export function useOrganizationColumns(): DataTableColumn<Organization>[] {
  const { t, label } = useLabels();
  return [
    {
      accessor: 'name',
      title: t('organizations.name'),
      sortable: true,
      render: (o) => (
        <div>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600} lh={1.3}>
              {o.name}
            </Text>
            {o.deletedAt && (
              <Badge size="xs" color="red" variant="light">
                {t('organizations.deleted')}
              </Badge>
            )}
          </Group>
          {o.shortName && o.shortName !== o.name && (
            <Text size="xs" c="dimmed">
              {o.shortName}
            </Text>
          )}
        </div>
      ),
    },
    {
      accessor: 'kind',
      title: t('organizations.kind'),
      sortable: true,
      render: (o) => label(ORGANIZATION_KIND, o.kind),
    },
    { accessor: 'city', title: t('organizations.city'), sortable: true },
    {
      accessor: 'district',
      title: t('organizations.district'),
      sortable: true,
      render: (o) => districtLabel(o.district),
    },
    {
      accessor: 'sizeClass',
      title: t('organizations.sizeClass'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
      render: (o) => keepTogether(label(SIZE_CLASS, o.sizeClass)),
    },
    {
      accessor: 'tags',
      title: t('organizations.tags'),
      visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.xl})`,
      render: (o) => (
        <Group gap={4}>
          {o.tags.map((tag) => (
            <TagBadge key={tag.id} tag={tag} size="xs" />
          ))}
        </Group>
      ),
    },
  ];
}
