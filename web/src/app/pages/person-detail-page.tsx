import { formalName } from '@anett/shared/salutation';
import type { Person } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconShredder } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { RecordDetail } from '../../components/records/record-detail.tsx';
import { QuickLogButton, useQuickLogContext } from '../../features/interactions/quick-log.tsx';
import {
  personDetailOptions,
  personHistoryOptions,
  useDeletePerson,
  useRestorePerson,
} from '../../features/persons/api.ts';
import { PersonFormModal } from '../../features/persons/person-form-modal.tsx';
import { personMerge } from '../../features/persons/person-merge-modal.tsx';
import { PersonOverview } from '../../features/persons/person-overview.tsx';
import type { PersonTab } from '../../features/persons/search.ts';
import { ConsentSection } from '../../features/privacy/consent-section.tsx';
import { ErasureDialog } from '../../features/privacy/erasure-dialog.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { tagListOptions } from '../../lib/reference-data.ts';
import { useCan } from '../../lib/use-can.ts';
import { PersonEventsTab } from './person-events-tab.tsx';

import { MergedInto, useActivityTabs, useRecordLifecycle } from './record-page.tsx';

const route = getRouteApi('/app/personen/$id');

function Detail({ person, tab }: { person: Person; tab: PersonTab }) {
  const { t, label, lang } = useLabels();
  const navigate = route.useNavigate();
  const can = useCan();
  // The quick log (key `n`, header button) opens prefilled with this person.
  useQuickLogContext(person.deletedAt ? null : { personIds: [person.id] });
  const tags = useQuery(tagListOptions());
  const [editing, setEditing] = useState(false);
  const [erasing, setErasing] = useState(false);
  // German letters name the person with "Frau/Herr"; the English UI gives the title and name only.
  const name =
    lang === 'de'
      ? formalName(person)
      : [person.title ? null : label(SALUTATION, person.salutation), person.title, person.firstName, person.lastName]
          .filter(Boolean)
          .join(' ');
  const life = useRecordLifecycle({
    ns: 'persons',
    merge: personMerge,
    record: person,
    nameOf: personName,
    confirmName: name,
    remove: useDeletePerson(),
    restore: useRestorePerson(),
    reload: (qc) => invalidatePerson(qc, person.id),
  });
  const activity = useActivityTabs({
    ns: 'persons',
    record: person,
    mailTarget: { personId: person.id },
    history: personHistoryOptions(person.id),
    formatValue: (field, value) => {
      if (field === 'salutation' && typeof value === 'string') return label(SALUTATION, value);
      if (field === 'tagIds' && Array.isArray(value)) {
        return value.map((id) => tags.data?.find((tag) => tag.id === id)?.name ?? `#${id}`).join(', ') || '–';
      }
      return undefined;
    },
  });

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
      texts={{ ...life.texts, erasedBanner: t('privacy.erasure.erasedBanner') }}
      canWrite={can.write}
      restore={life.restore}
      actions={
        <>
          <QuickLogButton variant="default" />
          <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            {t('persons.edit')}
          </Button>
        </>
      }
      menu={[
        ...life.menu,
        {
          label: t('privacy.erasure.action'),
          icon: <IconShredder size={16} />,
          color: 'red',
          onClick: () => setErasing(true),
          hidden: !can.administer || Boolean(person.erasedAt),
          dividerBefore: true,
        },
      ]}
      successor={(id) => <MergedInto id={id} query={personDetailOptions(id)} to="/personen/$id" nameOf={personName} />}
      tab={tab}
      onTab={(v) => navigate({ search: { tab: v as PersonTab | undefined }, replace: true })}
      tabs={[
        {
          value: 'overview',
          label: t('persons.tabOverview'),
          panel: (
            <PersonOverview
              person={person}
              canWrite={can.write}
              consents={<ConsentSection person={person} canWrite={can.write} />}
            />
          ),
        },
        { value: 'events', label: t('persons.tabEvents'), panel: <PersonEventsTab personId={person.id} /> },
        ...activity,
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
      {life.mergeDialog}
      {life.deleteDialog}
    </RecordDetail>
  );
}

export function PersonDetailPage() {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  return (
    <DetailPageFrame ns="persons" id={id} query={personDetailOptions}>
      {(data) => <Detail person={data} tab={tab ?? 'overview'} />}
    </DetailPageFrame>
  );
}
