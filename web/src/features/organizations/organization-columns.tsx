import type { Organization } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import type { DataTableColumn } from 'mantine-datatable';
import { nameColumn, tagsColumn } from '../../components/records/record-list-parts.tsx';
import { useLabels } from '../../lib/i18n.ts';

/** 'Kleinunternehmen (< 50)' may wrap before the parenthesis, never inside it. */
const keepTogether = (text: string) => text.replace(/\(.*\)$/, (p) => p.replaceAll(' ', '\u00a0'));

/** Columns of the organisation list; size class and tags give way on narrower screens. */
export function useOrganizationColumns(): DataTableColumn<Organization>[] {
  const { t, label } = useLabels();
  return [
    nameColumn(t, 'organizations', {
      accessor: 'name',
      name: (o) => o.name,
      detail: (o) => o.shortName !== o.name && o.shortName,
    }),
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
    tagsColumn(t('organizations.tags'), 'xl'),
  ];
}
