import type { OrganizationDetail } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { Badge, Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FunctionComponent, useState } from 'react';
import { RecordDetail } from '../../components/records/record-detail.tsx';
import { QuickLogButton, useQuickLogContext } from '../../features/interactions/quick-log.tsx';
import { organizationApi, organizationDetailOptions } from '../../features/organizations/api.ts';
import { OrganizationFormModal } from '../../features/organizations/organization-form-modal.tsx';
import { organizationMerge } from '../../features/organizations/organization-merge-modal.tsx';
import { OrganizationOverview } from '../../features/organizations/organization-overview.tsx';
import type { DetailTab } from '../../features/organizations/search.ts';
import { PersonFormModal } from '../../features/persons/person-form-modal.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { invalidateOrganization } from '../../lib/query-keys.ts';
import { useCan } from '../../lib/use-can.ts';

import { MergedInto, recordDetailPage, useActivityTabs, useRecordLifecycle } from './record-page.tsx';

const route = getRouteApi('/app/organisationen/$id');

function Detail({ record: org, tab }: { record: OrganizationDetail; tab: DetailTab }) {
  const { t, label } = useLabels();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const canWrite = useCan().write;
  const [addingPerson, setAddingPerson] = useState(false);
  // The quick log (key `n`, "Kontakt erfassen") opens prefilled with this organisation.
  useQuickLogContext(org.deletedAt ? null : { organizationIds: [org.id] });
  const life = useRecordLifecycle({
    api: organizationApi,
    merge: organizationMerge,
    edit: OrganizationFormModal,
    record: org,
    nameOf: (o) => o.name,
  });
  const activity = useActivityTabs({
    ns: 'organizations',
    api: organizationApi,
    record: org,
    formatValue: (field, value) =>
      field === 'kind' && typeof value === 'string'
        ? label(ORGANIZATION_KIND, value)
        : field === 'sizeClass' && typeof value === 'string'
          ? label(SIZE_CLASS, value)
          : field === 'district' && typeof value === 'string'
            ? districtLabel(value)
            : undefined,
  });

  return (
    <RecordDetail
      record={org}
      title={org.name}
      description={org.shortName && org.shortName !== org.name ? org.shortName : undefined}
      meta={
        <Badge variant="light" radius="sm" tt="none">
          {label(ORGANIZATION_KIND, org.kind)}
        </Badge>
      }
      texts={life.texts}
      canWrite={canWrite}
      restore={life.restore}
      actions={
        <>
          <QuickLogButton variant="default" />
          <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setAddingPerson(true)}>
            {t('organizations.addPerson')}
          </Button>
          {life.editButton}
        </>
      }
      menu={life.menu}
      successor={(id) => (
        <MergedInto id={id} query={organizationDetailOptions(id)} to="/organisationen/$id" nameOf={(o) => o.name} />
      )}
      tab={tab}
      onTab={(v) => navigate({ search: { tab: v as DetailTab | undefined }, replace: true })}
      tabs={[
        {
          value: 'overview',
          label: t('organizations.tabOverview'),
          panel: <OrganizationOverview org={org} canWrite={canWrite} />,
        },
        ...activity,
      ]}
    >
      <PersonFormModal
        target={addingPerson ? 'new' : null}
        organization={{ id: org.id, name: org.name }}
        onClose={() => setAddingPerson(false)}
        onSaved={(p) => {
          setAddingPerson(false);
          notifications.show({
            color: 'green',
            message: t('persons.created', { name: [p.title, p.firstName, p.lastName].filter(Boolean).join(' ') }),
          });
          void invalidateOrganization(queryClient, org.id);
        }}
      />
      {life.dialogs}
    </RecordDetail>
  );
}

// Typed by hand: inferring it would go through the route tree, which imports this page.
export const OrganizationDetailPage: FunctionComponent = recordDetailPage(
  'organizations',
  route,
  organizationDetailOptions,
  Detail,
);
