import { formalName } from '@anett/shared/salutation';
import type { Person } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconPencil, IconShredder, IconTrash, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { RecordHistory } from '../../components/history/record-history.tsx';
import { RecordDetail } from '../../components/records/record-detail.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { showUndoNotice } from '../../components/records/undo-notice.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { tagListOptions } from '../../lib/reference-data.ts';
import { useCan } from '../../lib/use-can.ts';
import { MailDropZone } from '../interactions/mail-drop.tsx';
import { QuickLogButton, useQuickLogContext } from '../interactions/quick-log.tsx';
import { Timeline } from '../interactions/timeline.tsx';
import { ErasureDialog } from '../privacy/erasure-dialog.tsx';
import { personDetailOptions, personHistoryOptions, useDeletePerson, useRestorePerson } from './api.ts';
import { PersonEventsTab } from './person-events-tab.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import { PersonMergeModal } from './person-merge-modal.tsx';
import { PersonOverview } from './person-overview.tsx';
import type { PersonTab } from './search.ts';

const route = getRouteApi('/app/personen/$id');

function Detail({ person, tab }: { person: Person; tab: PersonTab }) {
  const { t, label, lang } = useLabels();
  const navigate = route.useNavigate();
  const can = useCan();
  // The quick log (key `n`, header button) opens prefilled with this person.
  useQuickLogContext(person.deletedAt ? null : { personIds: [person.id] });
  const remove = useDeletePerson();
  const restore = useRestorePerson();
  const { failed, conflict } = useRecordFailure('persons', (qc) => invalidatePerson(qc, person.id));
  const tags = useQuery(tagListOptions());
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [erasing, setErasing] = useState(false);

  const doRestore = () =>
    restore.mutate(person.id, {
      onSuccess: (p) => notifications.show({ color: 'green', message: t('persons.restored', { name: personName(p) }) }),
      onError: failed,
    });
  const historyLabel = (field: string) => t(`persons.fields.${field}`, { defaultValue: '' }) || field;
  const historyValue = (field: string, value: unknown) => {
    if (field === 'salutation' && typeof value === 'string') return label(SALUTATION, value);
    if (field === 'tagIds' && Array.isArray(value)) {
      return value.map((id) => tags.data?.find((tag) => tag.id === id)?.name ?? `#${id}`).join(', ') || '–';
    }
    return undefined;
  };
  // German letters name the person with "Frau/Herr"; the English UI gives the title and name only.
  const name =
    lang === 'de'
      ? formalName(person)
      : [person.title ? null : label(SALUTATION, person.salutation), person.title, person.firstName, person.lastName]
          .filter(Boolean)
          .join(' ');

  return (
    <RecordDetail
      record={person}
      title={name}
      description={
        <>
          {t('persons.letterSalutation')}:{' '}
          <Text span fw={600} c="dark" data-testid="letter-salutation">
            {person.letterSalutation}
          </Text>
        </>
      }
      texts={{
        deleted: t('persons.deleted'),
        restore: t('persons.restore'),
        moreActions: t('persons.moreActions'),
        deletedBanner: t('persons.deletedBanner'),
        mergedBanner: t('persons.mergedBanner'),
        erasedBanner: t('privacy.erasure.erasedBanner'),
      }}
      canWrite={can.write}
      restore={{ run: doRestore, pending: restore.isPending }}
      actions={
        <>
          <QuickLogButton variant="default" />
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('persons.edit')}
          </Button>
        </>
      }
      menu={[
        { label: t('persons.merge'), icon: <IconArrowMerge size={16} />, onClick: () => setMerging(true) },
        {
          label: t('persons.delete'),
          icon: <IconTrash size={16} />,
          color: 'red',
          onClick: () => setConfirmDelete(true),
        },
        {
          label: t('privacy.erasure.action'),
          icon: <IconShredder size={16} />,
          color: 'red',
          onClick: () => setErasing(true),
          hidden: !can.administer || Boolean(person.erasedAt),
          dividerBefore: true,
        },
      ]}
      successor={(id) => <MergedInto id={id} />}
      tab={tab}
      onTab={(v) => navigate({ search: { tab: v as PersonTab | undefined }, replace: true })}
      tabs={[
        {
          value: 'overview',
          label: t('persons.tabOverview'),
          panel: <PersonOverview person={person} canWrite={can.write} />,
        },
        { value: 'events', label: t('persons.tabEvents'), panel: <PersonEventsTab personId={person.id} /> },
        {
          value: 'timeline',
          label: t('persons.tabTimeline'),
          panel: (
            <Stack gap="md">
              {!person.deletedAt && <MailDropZone target={{ personId: person.id }} />}
              <Timeline subject="persons" id={person.id} title={t('persons.tabTimeline')} />
            </Stack>
          ),
        },
        {
          value: 'history',
          label: t('persons.tabHistory'),
          panel: (
            <RecordHistory
              query={personHistoryOptions(person.id)}
              recordId={person.id}
              fieldLabel={historyLabel}
              formatValue={historyValue}
            />
          ),
        },
      ]}
    >
      <PersonFormModal
        target={editing ? person : null}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          notifications.show({ color: 'green', message: t('persons.saved') });
        }}
      />
      {can.administer && (
        <ErasureDialog
          person={{ id: person.id, version: person.version, name }}
          opened={erasing}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            notifications.show({ color: 'green', message: t('privacy.erasure.done', { name }) });
          }}
        />
      )}
      <PersonMergeModal
        target={person}
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
            message: t('persons.merged', { source: personName(source), target: personName(merged) }),
          });
        }}
      />
      <ConfirmDialog
        opened={confirmDelete}
        title={t('persons.deleteTitle')}
        message={t('persons.deleteConfirm', { name })}
        confirmLabel={t('persons.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setConfirmDelete(false)}
        onConfirm={() =>
          remove.mutate(person, {
            onSuccess: (p) =>
              showUndoNotice({
                id: `person-deleted-${p.id}`,
                message: t('persons.deletedNotice', { name: personName(p) }),
                undo: [t('persons.undo'), doRestore],
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
  const target = useQuery(personDetailOptions(id));
  return (
    <AnchorLink to="/personen/$id" params={{ id }} fw={600}>
      {target.data ? personName(target.data) : `#${id}`}
    </AnchorLink>
  );
}

export function PersonDetailPage() {
  const { t } = useLabels();
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const valid = Number.isSafeInteger(id) && id > 0;
  const detail = useQuery({ ...personDetailOptions(id), enabled: valid });

  return (
    <DetailPageFrame
      listPath="/personen"
      backLabel={t('persons.backToList')}
      notFoundText={t('persons.notFound')}
      icon={<IconUser size={28} />}
      valid={valid}
      query={detail}
    >
      {(data) => <Detail person={data} tab={tab ?? 'overview'} />}
    </DetailPageFrame>
  );
}
