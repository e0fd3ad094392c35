import type { Affiliation, Office, Person } from '@anett/shared/schemas/person';
import { SALUTATION } from '@anett/shared/vocab/enums';
import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { DatedSection } from '../../components/records/dated-section.tsx';
import { useRecordFailure } from '../../components/records/record-failure.ts';
import { RecordFacts, RecordSection, RecordStamps, usePeriod } from '../../components/records/record-section.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TagBadge, TagPicker } from '../../components/tag-picker.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { tagListOptions } from '../../lib/reference-data.ts';
import { AffiliationFormModal, OfficeFormModal } from './affiliation-form-modal.tsx';
import { affiliationApi, officeApi, useUpdatePerson } from './api.ts';
import { ContactPoints } from './contact-points.tsx';

type Props = { person: Person; canWrite: boolean };

/** A 412 on a sub-record or the tags: it changed meanwhile, the person reloads. */
export const usePersonFailure = (id: number) => useRecordFailure('persons', (qc) => invalidatePerson(qc, id)).failed;

function AffiliationsSection({ person, canWrite }: Props) {
  const { t } = useLabels();
  const period = usePeriod();
  const save = affiliationApi.useSave(person.id);
  const remove = affiliationApi.useDelete(person.id);
  const failed = usePersonFailure(person.id);
  return (
    <DatedSection<Affiliation>
      items={person.affiliations}
      canWrite={canWrite}
      current={(a) => a.current}
      texts={{
        title: t('persons.affiliations'),
        add: t('persons.addAffiliation'),
        empty: t('persons.noAffiliations'),
        past: t('persons.past'),
        edit: t('persons.editAffiliation'),
        end: t('persons.endAffiliation'),
        ended: t('persons.affiliationEnded'),
        remove: t('persons.removeAffiliation'),
        removeConfirm: t('persons.removeAffiliationConfirm'),
        removed: t('persons.affiliationRemoved'),
        actions: (a) => t('persons.affiliationActions', { name: a.organization.name }),
        endMessage: (a) => [a.organization.name, a.function].filter(Boolean).join(' – '),
      }}
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
          {period(a.fromDate, a.toDate) && (
            <Text size="xs" c="dimmed">
              {period(a.fromDate, a.toDate)}
            </Text>
          )}
        </>
      )}
      form={(target, onClose) => <AffiliationFormModal personId={person.id} target={target} onClose={onClose} />}
      end={(affiliation, toDate) => save.mutateAsync({ record: affiliation, patch: { toDate } })}
      remove={(a) => remove.mutateAsync(a)}
      onError={failed}
    />
  );
}

function OfficesSection({ person, canWrite }: Props) {
  const { t } = useLabels();
  const period = usePeriod();
  const save = officeApi.useSave(person.id);
  const remove = officeApi.useDelete(person.id);
  const failed = usePersonFailure(person.id);
  return (
    <DatedSection<Office>
      items={person.offices}
      canWrite={canWrite}
      current={(o) => o.current}
      texts={{
        title: t('persons.offices'),
        add: t('persons.addOffice'),
        empty: t('persons.noOffices'),
        edit: t('persons.editOffice'),
        end: t('persons.endOffice'),
        ended: t('persons.officeEnded'),
        remove: t('persons.removeOffice'),
        removeConfirm: t('persons.removeOfficeConfirm'),
        removed: t('persons.officeRemoved'),
        actions: (o) => t('persons.officeActions', { name: o.title }),
        endMessage: (o) => [o.title, o.jurisdiction].filter(Boolean).join(', '),
      }}
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
          {period(o.fromDate, o.toDate) && (
            <Text size="xs" c="dimmed">
              {period(o.fromDate, o.toDate)}
            </Text>
          )}
        </>
      )}
      form={(target, onClose) => <OfficeFormModal personId={person.id} target={target} onClose={onClose} />}
      end={(office, toDate) => save.mutateAsync({ record: office, patch: { toDate } })}
      remove={(o) => remove.mutateAsync(o)}
      onError={failed}
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
