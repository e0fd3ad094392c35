import { formalName } from '@anett/shared/salutation';
import type { Person } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShredder } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FunctionComponent, useState } from 'react';
import { RecordDetail } from '../../components/records/record-detail.tsx';
import { QuickLogButton, useQuickLogContext } from '../../features/interactions/quick-log.tsx';
import { personApi, personDetailOptions } from '../../features/persons/api.ts';
import { PersonFormModal } from '../../features/persons/person-form-modal.tsx';
import { personMerge } from '../../features/persons/person-merge-modal.tsx';
import { PersonOverview } from '../../features/persons/person-overview.tsx';
import type { PersonTab } from '../../features/persons/search.ts';
import { ConsentSection } from '../../features/privacy/consent-section.tsx';
import { ErasureDialog } from '../../features/privacy/erasure-dialog.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { tagListOptions } from '../../lib/reference-data.ts';
import { useCan } from '../../lib/use-can.ts';
import { PersonEventsTab } from './person-events-tab.tsx';

import { MergedInto, recordDetailPage, useActivityTabs, useRecordLifecycle } from './record-page.tsx';

const route = getRouteApi('/app/personen/$id');

function Detail({ record: person, tab }: { record: Person; tab: PersonTab }) {
  const { t, label, lang } = useLabels();
  const navigate = route.useNavigate();
  const can = useCan();
  // The quick log (key `n`, header button) opens prefilled with this person.
  useQuickLogContext(person.deletedAt ? null : { personIds: [person.id] });
  const tags = useQuery(tagListOptions());
  const [erasing, setErasing] = useState(false);
  // German letters name the person with "Frau/Herr"; the English UI gives the title and name only.
  const name =
    lang === 'de'
      ? formalName(person)
      : [person.title ? null : label(SALUTATION, person.salutation), person.title, person.firstName, person.lastName]
          .filter(Boolean)
          .join(' ');
  const life = useRecordLifecycle({
    api: personApi,
    merge: personMerge,
    edit: PersonFormModal,
    record: person,
    nameOf: personName,
    confirmName: name,
  });
  const activity = useActivityTabs({
    ns: 'persons',
    api: personApi,
    record: person,
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
          {life.editButton}
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
      {life.dialogs}
    </RecordDetail>
  );
}

// Typed by hand: inferring it would go through the route tree, which imports this page.
export const PersonDetailPage: FunctionComponent = recordDetailPage('persons', route, personDetailOptions, Detail);
