import type { Affiliation, Office, Person } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { ComponentType, ReactNode } from 'react';
import { DatedSection } from '../../components/records/dated-section.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { RecordFacts, RecordSection, RecordStamps, usePeriod } from '../../components/records/record-section.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TagBadge, TagPicker } from '../../components/tag-picker.tsx';
import { uncapitalize } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { tagListOptions } from '../../lib/reference-data.ts';
import { AffiliationFormModal, OfficeFormModal } from './affiliation-form-modal.tsx';
import { affiliationApi, officeApi, useUpdatePerson } from './api.ts';
import { ContactPoints } from './contact-points.tsx';

type Props = { person: Person; canWrite: boolean };

/** A 412 on a sub-record or the tags: it changed meanwhile, the person reloads. */
export const usePersonFailure = (id: number) => useRecordFailure('persons', (qc) => invalidatePerson(qc, id)).failed;

/**
 * A person's affiliations or offices, each kind's texts named alike (`persons.<kind>s`, `persons.add<Kind>`, …):
 * ending a row saves its end date; a 412 reloads the person. A row shows its period below `row`.
 */
function DatedSubRecords<T extends Affiliation | Office>(props: {
  person: Person;
  canWrite: boolean;
  items: T[];
  api: {
    name: 'Affiliation' | 'Office';
    useSave: (personId: number) => {
      mutateAsync: (vars: { record: T; patch: { toDate: string } }) => Promise<unknown>;
    };
    useDelete: (personId: number) => { mutateAsync: (item: T) => Promise<unknown> };
  };
  FormModal: ComponentType<{ personId: number; target: T | 'new' | null; onClose: () => void }>;
  /** The row as its menu names it, and as the end dialog does. */
  name: (item: T) => string;
  describe: (item: T) => string;
  row: (item: T) => ReactNode;
  /** Ended rows go below the current ones under a heading. */
  past?: boolean;
}) {
  const { t } = useLabels();
  const period = usePeriod();
  const { person, api, FormModal } = props;
  const save = api.useSave(person.id);
  const remove = api.useDelete(person.id);
  const failed = usePersonFailure(person.id);
  const [kind, Kind] = [uncapitalize(api.name), api.name];
  return (
    <DatedSection<T>
      items={props.items}
      canWrite={props.canWrite}
      current={(item) => item.current}
      texts={{
        title: t(`persons.${kind}s`),
        add: t(`persons.add${Kind}`),
        empty: t(`persons.no${Kind}s`),
        past: props.past ? t('persons.past') : undefined,
        edit: t(`persons.edit${Kind}`),
        end: t(`persons.end${Kind}`),
        ended: t(`persons.${kind}Ended`),
        remove: t(`persons.remove${Kind}`),
        removeConfirm: t(`persons.remove${Kind}Confirm`),
        removed: t(`persons.${kind}Removed`),
        actions: (item) => t(`persons.${kind}Actions`, { name: props.name(item) }),
        endMessage: props.describe,
      }}
      row={(item) => (
        <>
          {props.row(item)}
          {period(item.fromDate, item.toDate) && (
            <Text size="xs" c="dimmed">
              {period(item.fromDate, item.toDate)}
            </Text>
          )}
        </>
      )}
      form={(target, onClose) => <FormModal personId={person.id} target={target} onClose={onClose} />}
      end={(record, toDate) => save.mutateAsync({ record, patch: { toDate } })}
      remove={(item) => remove.mutateAsync(item)}
      onError={failed}
    />
  );
}

function AffiliationsSection({ person, canWrite }: Props) {
  const { t } = useLabels();
  return (
    <DatedSubRecords
      person={person}
      canWrite={canWrite}
      items={person.affiliations}
      api={affiliationApi}
      FormModal={AffiliationFormModal}
      name={(a) => a.organization.name}
      describe={(a) => [a.organization.name, a.function].filter(Boolean).join(' – ')}
      past
      row={(a) => (
        <>
          <Group gap={6} wrap="wrap">
            <AnchorLink to="/organisationen/$id" params={{ id: a.organization.id }} size="sm" fw={600}>
              {a.organization.name}
            </AnchorLink>
            {a.isPrimary && a.current && (
              <Badge size="xs" variant="light" tt="none">
                {t('persons.primary')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{a.function ?? '–'}</Text>
        </>
      )}
    />
  );
}

function OfficesSection({ person, canWrite }: Props) {
  const { t } = useLabels();
  return (
    <DatedSubRecords
      person={person}
      canWrite={canWrite}
      items={person.offices}
      api={officeApi}
      FormModal={OfficeFormModal}
      name={(o) => o.title}
      describe={(o) => [o.title, o.jurisdiction].filter(Boolean).join(', ')}
      row={(o) => (
        <>
          <Text size="sm" fw={600}>
            {[o.title, o.jurisdiction].filter(Boolean).join(', ')}
            {!o.current && (
              <Text span size="xs" c="dimmed" fw={400}>
                {' '}
                ({t('persons.ended')})
              </Text>
            )}
          </Text>
          {o.organization && (
            <AnchorLink to="/organisationen/$id" params={{ id: o.organization.id }} size="sm">
              {o.organization.name}
            </AnchorLink>
          )}
        </>
      )}
    />
  );
}

/** Tags edited in place: each change is saved at once with the loaded version. */
function TagsSection({ person, canWrite }: Props) {
  const { t } = useLabels();
  const update = useUpdatePerson();
  const failed = usePersonFailure(person.id);
  useQuery(tagListOptions());
  return (
    <RecordSection title={t('persons.tags')}>
      {canWrite ? (
        <TagPicker
          aria-label={t('persons.tags')}
          placeholder={person.tags.length ? undefined : t('persons.addTag')}
          creatable
          value={person.tags.map((tag) => tag.id)}
          disabled={update.isPending}
          onChange={(tagIds) =>
            update.mutate(
              { id: person.id, version: person.version, patch: { tagIds } },
              {
                onSuccess: () => notifications.show({ color: 'green', message: t('persons.tagsSaved') }),
                onError: failed,
              },
            )
          }
        />
      ) : person.tags.length ? (
        <Group gap={4}>
          {person.tags.map((tag) => (
            <TagBadge key={tag.id} tag={tag} />
          ))}
        </Group>
      ) : (
        <Text c="dimmed">–</Text>
      )}
    </RecordSection>
  );
}

const tel = (phone: string) => `tel:${phone.replace(/[^\d+]/g, '')}`;

/** `consents`: the consent section (privacy feature), placed by the page. */
export function PersonOverview({ person, canWrite, consents }: Props & { consents: ReactNode }) {
  const { t, label } = useLabels();
  const live = canWrite && !person.deletedAt;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <RecordSection title={t('persons.personal')}>
          <RecordFacts
            items={[
              [t('persons.salutation'), label(SALUTATION, person.salutation) || t('persons.noSalutation')],
              [t('persons.academicTitle'), person.title],
              [t('persons.firstName'), person.firstName],
              [t('persons.lastName'), person.lastName],
            ]}
          />
        </RecordSection>
        <RecordSection title={t('persons.contact')}>
          <RecordFacts
            items={[
              [t('persons.email'), person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>],
              [t('persons.phone'), person.phone && <Anchor href={tel(person.phone)}>{person.phone}</Anchor>],
              [t('persons.mobile'), person.mobile && <Anchor href={tel(person.mobile)}>{person.mobile}</Anchor>],
            ]}
          />
          <ContactPoints person={person} canWrite={live} />
        </RecordSection>
        {consents}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AffiliationsSection person={person} canWrite={live} />
        <OfficesSection person={person} canWrite={live} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TagsSection person={person} canWrite={live} />
        <RecordSection title={t('persons.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={person.notes ? undefined : 'dimmed'}>
            {person.notes ?? '–'}
          </Text>
        </RecordSection>
      </SimpleGrid>
      <RecordStamps ns="persons" record={person} />
    </Stack>
  );
}
