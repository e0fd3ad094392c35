import type { OrganizationDetail } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { Badge, Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconBuildingFactory2, IconPencil, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { RecordHistory } from '../../components/history/record-history.tsx';
import { RecordDetail } from '../../components/records/record-detail.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { showUndoNotice } from '../../components/records/undo-notice.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { MailDropZone } from '../interactions/mail-drop.tsx';
import { QuickLogButton, useQuickLogContext } from '../interactions/quick-log.tsx';
import { Timeline } from '../interactions/timeline.tsx';
import { PersonFormModal } from '../persons/person-form-modal.tsx';
import {
  invalidateOrganization,
  organizationDetailOptions,
  organizationHistoryOptions,
  useDeleteOrganization,
  useRestoreOrganization,
} from './api.ts';
import { OrganizationFormModal } from './organization-form-modal.tsx';
import { OrganizationMergeModal } from './organization-merge-modal.tsx';
import { OrganizationOverview } from './organization-overview.tsx';
import type { DetailTab } from './search.ts';

const route = getRouteApi('/app/organisationen/$id');

function Detail({ org, tab }: { org: OrganizationDetail; tab: DetailTab }) {
  const { t, label } = useLabels();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const canWrite = useCan().write;
  const remove = useDeleteOrganization();
  const restore = useRestoreOrganization();
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [addingPerson, setAddingPerson] = useState(false);
  // The quick log (key `n`, "Kontakt erfassen") opens prefilled with this organisation.
  useQuickLogContext(org.deletedAt ? null : { organizationIds: [org.id] });
  const { failed, conflict } = useRecordFailure('organizations', (qc) => invalidateOrganization(qc, org.id));

  const doRestore = () =>
    restore.mutate(org.id, {
      onSuccess: (o) => notifications.show({ color: 'green', message: t('organizations.restored', { name: o.name }) }),
      onError: failed,
    });
  const historyLabel = (field: string) => t(`organizations.fields.${field}`, { defaultValue: '' }) || field;
  const historyValue = (field: string, value: unknown) =>
    field === 'kind' && typeof value === 'string'
      ? label(ORGANIZATION_KIND, value)
      : field === 'sizeClass' && typeof value === 'string'
        ? label(SIZE_CLASS, value)
        : field === 'district' && typeof value === 'string'
          ? districtLabel(value)
          : undefined;

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
      texts={{
        deleted: t('organizations.deleted'),
        restore: t('organizations.restore'),
        moreActions: t('organizations.moreActions'),
        deletedBanner: t('organizations.deletedBanner'),
        mergedBanner: t('organizations.mergedBanner'),
      }}
      canWrite={canWrite}
      restore={{ run: doRestore, pending: restore.isPending }}
      actions={
        <>
          <QuickLogButton variant="default" />
          <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setAddingPerson(true)}>
            {t('organizations.addPerson')}
          </Button>
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('organizations.edit')}
          </Button>
        </>
      }
      menu={[
        { label: t('organizations.merge'), icon: <IconArrowMerge size={16} />, onClick: () => setMerging(true) },
        {
          label: t('organizations.delete'),
          icon: <IconTrash size={16} />,
          color: 'red',
          onClick: () => setConfirmDelete(true),
        },
      ]}
      successor={(id) => <MergedInto id={id} />}
      tab={tab}
      onTab={(v) => navigate({ search: { tab: v as DetailTab | undefined }, replace: true })}
      tabs={[
        {
          value: 'overview',
          label: t('organizations.tabOverview'),
          panel: <OrganizationOverview org={org} canWrite={canWrite} />,
        },
        {
          value: 'timeline',
          label: t('organizations.tabTimeline'),
          panel: (
            <Stack gap="md">
              {!org.deletedAt && <MailDropZone target={{ organizationId: org.id }} />}
              <Timeline subject="organizations" id={org.id} title={t('organizations.tabTimeline')} />
            </Stack>
          ),
        },
        {
          value: 'history',
          label: t('organizations.tabHistory'),
          panel: (
            <RecordHistory
              query={organizationHistoryOptions(org.id)}
              recordId={org.id}
              fieldLabel={historyLabel}
              formatValue={historyValue}
            />
          ),
        },
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
      <OrganizationFormModal
        target={editing ? org : null}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          notifications.show({ color: 'green', message: t('organizations.saved') });
        }}
      />
      <OrganizationMergeModal
        target={org}
        opened={merging}
        onClose={() => setMerging(false)}
        onConflict={() => {
          setMerging(false);
          conflict();
        }}
        onMerged={(merged, source) => {
          setMerging(false);
          notifications.show({
            color: 'green',
            message: t('organizations.merged', { source: source.name, target: merged.name }),
          });
        }}
      />
      <ConfirmDialog
        opened={confirmDelete}
        title={t('organizations.deleteTitle')}
        message={t('organizations.deleteConfirm', { name: org.name })}
        confirmLabel={t('organizations.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(org, {
            onSuccess: (o) =>
              showUndoNotice({
                id: `org-deleted-${o.id}`,
                message: t('organizations.deletedNotice', { name: o.name }),
                undo: [t('organizations.undo'), doRestore],
              }),
            onError: failed,
            onSettled: () => setConfirmDelete(false),
          })
        }
      />
    </RecordDetail>
  );
}

/** The record this one was merged into, by name (its number while the name loads). */
function MergedInto({ id }: { id: number }) {
  const target = useQuery(organizationDetailOptions(id));
  return (
    <AnchorLink to="/organisationen/$id" params={{ id }} fw={600}>
      {target.data?.name ?? `#${id}`}
    </AnchorLink>
  );
}

export function OrganizationDetailPage() {
  const { t } = useLabels();
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const valid = Number.isSafeInteger(id) && id > 0;
  const detail = useQuery({ ...organizationDetailOptions(id), enabled: valid });

  return (
    <DetailPageFrame
      listPath="/organisationen"
      backLabel={t('organizations.backToList')}
      notFoundText={t('organizations.notFound')}
      icon={<IconBuildingFactory2 size={28} />}
      valid={valid}
      query={detail}
    >
      {(data) => <Detail org={data} tab={tab ?? 'overview'} />}
    </DetailPageFrame>
  );
}
