import { formalName } from '@anett/shared/salutation';
import type { Affiliation, Office, Person } from '@anett/shared/schemas/person';
import { ATTENDANCE_ROLE, EVENT_KIND, SALUTATION } from '@anett/shared/vocab/enums';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  DataList,
  Group,
  Menu,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowMerge,
  IconCalendarEvent,
  IconDots,
  IconPencil,
  IconPlus,
  IconShredder,
  IconTrash,
  IconUser,
} from '@tabler/icons-react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { AttendanceStatusBadge } from '../../components/attendance-status-badge.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { EndDateModal } from '../../components/forms/end-date-modal.tsx';
import { RecordHistory } from '../../components/history/record-history.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { datedRowActions, RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { invalidatePerson } from '../../lib/query-keys.ts';
import { useCan } from '../../lib/use-can.ts';
import { timelineOptions } from '../interactions/api.ts';
import { MailDropZone } from '../interactions/mail-drop.tsx';
import { QuickLogButton, useQuickLogContext } from '../interactions/quick-log.tsx';
import { Timeline } from '../interactions/timeline.tsx';
import { ConsentSection } from '../privacy/consent-section.tsx';
import { ErasureDialog } from '../privacy/erasure-dialog.tsx';
import { tagListOptions } from '../tags/api.ts';
import { TagBadge, TagPicker } from '../tags/tag-picker.tsx';
import { AffiliationFormModal, OfficeFormModal } from './affiliation-form-modal.tsx';
import {
  personDetailOptions,
  personHistoryOptions,
  personName,
  useDeleteAffiliation,
  useDeleteOffice,
  useDeletePerson,
  useRestorePerson,
  useSaveAffiliation,
  useSaveOffice,
  useUpdatePerson,
} from './api.ts';
import { ContactPoints } from './contact-points.tsx';
import { PersonFormModal } from './person-form-modal.tsx';
import { PersonMergeModal } from './person-merge-modal.tsx';
import type { PersonTab } from './search.ts';

const route = getRouteApi('/app/personen/$id');

function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  if (shown.length === 0) return <Text c="dimmed">–</Text>;
  return (
    <DataList labelWidth={110} gap="xs">
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Card>
  );
}

function usePeriod() {
  const { t } = useLabels();
  return (from: string | null, to: string | null) =>
    from && to
      ? t('persons.fromTo', { from: formatDate(from), to: formatDate(to) })
      : from
        ? t('persons.sinceDate', { date: formatDate(from) })
        : to
          ? t('persons.untilDate', { date: formatDate(to) })
          : '';
}

/** A 412 on a sub-record or the tags: it changed meanwhile, the person reloads. */
function useFailure(personId: number) {
  const { t } = useLabels();
  const queryClient = useQueryClient();
  return (err: unknown) => {
    if (isApiError(err, 412)) {
      notifications.show({ color: 'orange', message: t('persons.conflictReloaded') });
      void invalidatePerson(queryClient, personId);
      return;
    }
    const code = isApiError(err) ? err.code : '';
    notifications.show({
      color: 'red',
      title: t('common.errorTitle'),
      message:
        code === 'PERSON_DELETED' ||
        code === 'PERSON_MERGED' ||
        code === 'PERSON_ERASED' ||
        code === 'PERSON_NOT_DELETED'
          ? t(`persons.errors.${code}`)
          : errorMessage(t, err),
    });
  };
}

function AffiliationsSection({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useLabels();
  const period = usePeriod();
  const save = useSaveAffiliation(person.id);
  const remove = useDeleteAffiliation(person.id);
  const failed = useFailure(person.id);
  const [formTarget, setFormTarget] = useState<Affiliation | 'new' | null>(null);
  const [toEnd, setToEnd] = useState<Affiliation | null>(null);
  const [toRemove, setToRemove] = useState<Affiliation | null>(null);
  const current = person.affiliations.filter((a) => a.current);
  const past = person.affiliations.filter((a) => !a.current);

  const row = (a: Affiliation) => (
    <Group key={a.id} justify="space-between" wrap="nowrap" gap="sm" opacity={a.current ? 1 : 0.7}>
      <div style={{ minWidth: 0 }}>
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
      </div>
      {canWrite && (
        <RowActionsMenu
          label={t('persons.affiliationActions', { name: a.organization.name })}
          actions={datedRowActions({
            edit: [t('persons.editAffiliation'), () => setFormTarget(a)],
            end: [t('persons.endAffiliation'), () => setToEnd(a)],
            remove: [t('persons.removeAffiliation'), () => setToRemove(a)],
            current: a.current,
          })}
        />
      )}
    </Group>
  );

  return (
    <Section
      title={t('persons.affiliations')}
      actions={
        canWrite && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFormTarget('new')}
          >
            {t('persons.addAffiliation')}
          </Button>
        )
      }
    >
      {person.affiliations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('persons.noAffiliations')}
        </Text>
      ) : (
        <Stack gap="sm">
          {current.map(row)}
          {past.length > 0 && (
            <>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={current.length ? 'xs' : 0}>
                {t('persons.past')}
              </Text>
              {past.map(row)}
            </>
          )}
        </Stack>
      )}
      <AffiliationFormModal personId={person.id} target={formTarget} onClose={() => setFormTarget(null)} />
      <EndDateModal
        opened={toEnd !== null}
        title={t('persons.endAffiliation')}
        message={toEnd ? [toEnd.organization.name, toEnd.function].filter(Boolean).join(' – ') : ''}
        minDate={toEnd?.fromDate}
        loading={save.isPending}
        onCancel={() => setToEnd(null)}
        onConfirm={(toDate) => {
          if (!toEnd) return;
          save.mutate(
            { affiliation: toEnd, patch: { toDate } },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('persons.affiliationEnded') }),
              onError: failed,
              onSettled: () => setToEnd(null),
            },
          );
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('persons.removeAffiliation')}
        message={t('persons.removeAffiliationConfirm')}
        confirmLabel={t('persons.removeAffiliation')}
        danger
        loading={remove.isPending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => {
          if (!toRemove) return;
          remove.mutate(toRemove, {
            onSuccess: () => notifications.show({ message: t('persons.affiliationRemoved') }),
            onError: failed,
            onSettled: () => setToRemove(null),
          });
        }}
      />
    </Section>
  );
}

function OfficesSection({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useLabels();
  const period = usePeriod();
  const save = useSaveOffice(person.id);
  const remove = useDeleteOffice(person.id);
  const failed = useFailure(person.id);
  const [formTarget, setFormTarget] = useState<Office | 'new' | null>(null);
  const [toEnd, setToEnd] = useState<Office | null>(null);
  const [toRemove, setToRemove] = useState<Office | null>(null);

  return (
    <Section
      title={t('persons.offices')}
      actions={
        canWrite && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFormTarget('new')}
          >
            {t('persons.addOffice')}
          </Button>
        )
      }
    >
      {person.offices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('persons.noOffices')}
        </Text>
      ) : (
        <Stack gap="sm">
          {person.offices.map((o) => (
            <Group key={o.id} justify="space-between" wrap="nowrap" gap="sm" opacity={o.current ? 1 : 0.7}>
              <div style={{ minWidth: 0 }}>
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
              </div>
              {canWrite && (
                <RowActionsMenu
                  label={t('persons.officeActions', { name: o.title })}
                  actions={datedRowActions({
                    edit: [t('persons.editOffice'), () => setFormTarget(o)],
                    end: [t('persons.endOffice'), () => setToEnd(o)],
                    remove: [t('persons.removeOffice'), () => setToRemove(o)],
                    current: o.current,
                  })}
                />
              )}
            </Group>
          ))}
        </Stack>
      )}
      <OfficeFormModal personId={person.id} target={formTarget} onClose={() => setFormTarget(null)} />
      <EndDateModal
        opened={toEnd !== null}
        title={t('persons.endOffice')}
        message={toEnd ? [toEnd.title, toEnd.jurisdiction].filter(Boolean).join(', ') : ''}
        minDate={toEnd?.fromDate}
        loading={save.isPending}
        onCancel={() => setToEnd(null)}
        onConfirm={(toDate) => {
          if (!toEnd) return;
          save.mutate(
            { office: toEnd, patch: { toDate } },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('persons.officeEnded') }),
              onError: failed,
              onSettled: () => setToEnd(null),
            },
          );
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('persons.removeOffice')}
        message={t('persons.removeOfficeConfirm')}
        confirmLabel={t('persons.removeOffice')}
        danger
        loading={remove.isPending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => {
          if (!toRemove) return;
          remove.mutate(toRemove, {
            onSuccess: () => notifications.show({ message: t('persons.officeRemoved') }),
            onError: failed,
            onSettled: () => setToRemove(null),
          });
        }}
      />
    </Section>
  );
}

/** Tags edited in place: each change is saved at once with the loaded version. */
function TagsSection({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t } = useLabels();
  const update = useUpdatePerson();
  const failed = useFailure(person.id);
  useQuery(tagListOptions());
  return (
    <Section title={t('persons.tags')}>
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
    </Section>
  );
}

function Overview({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t, label } = useLabels();
  const live = canWrite && !person.deletedAt;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Section title={t('persons.personal')}>
          <Facts
            items={[
              [t('persons.salutation'), label(SALUTATION, person.salutation) || t('persons.noSalutation')],
              [t('persons.academicTitle'), person.title],
              [t('persons.firstName'), person.firstName],
              [t('persons.lastName'), person.lastName],
            ]}
          />
        </Section>
        <Section title={t('persons.contact')}>
          <Facts
            items={[
              [t('persons.email'), person.email && <Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>],
              [
                t('persons.phone'),
                person.phone && <Anchor href={`tel:${person.phone.replace(/[^\d+]/g, '')}`}>{person.phone}</Anchor>,
              ],
              [
                t('persons.mobile'),
                person.mobile && <Anchor href={`tel:${person.mobile.replace(/[^\d+]/g, '')}`}>{person.mobile}</Anchor>,
              ],
            ]}
          />
          <ContactPoints person={person} canWrite={live} />
        </Section>
        <ConsentSection person={person} canWrite={canWrite} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <AffiliationsSection person={person} canWrite={live} />
        <OfficesSection person={person} canWrite={live} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <TagsSection person={person} canWrite={live} />
        <Section title={t('persons.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={person.notes ? undefined : 'dimmed'}>
            {person.notes ?? '–'}
          </Text>
        </Section>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('persons.createdAt')}: {formatDateTime(person.createdAt)} · {t('persons.updatedAt')}:{' '}
        {formatDateTime(person.updatedAt)}
      </Text>
    </Stack>
  );
}

/** Attendance history: the attendance entries of the person's timeline (shared cache with "Kontaktverlauf"). */
function EventsTab({ personId }: { personId: number }) {
  const { t, label } = useLabels();
  const timeline = useInfiniteQuery(timelineOptions('persons', personId));
  const items = (timeline.data?.pages.flatMap((p) => p.items) ?? []).flatMap((i) =>
    i.type === 'attendance' ? [i] : [],
  );
  if (timeline.isError) {
    return <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />;
  }
  if (timeline.isPending) return <Skeleton height={160} />;
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Title order={2} fz="md">
        {t('persons.events')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('persons.eventsHint')}
      </Text>
      {items.length === 0 && !timeline.hasNextPage ? (
        <EmptyState withBorder={false} icon={<IconCalendarEvent size={28} />} title={t('persons.noEvents')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('persons.date')}</Table.Th>
                <Table.Th>{t('persons.event')}</Table.Th>
                <Table.Th>{t('persons.status')}</Table.Th>
                <Table.Th>{t('persons.role')}</Table.Th>
                <Table.Th>{t('persons.asOrganization')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.attendanceId}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.at)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/veranstaltungen/$id" params={{ id: a.event.id }} size="sm" fw={600}>
                      {a.event.title}
                    </AnchorLink>
                    <Text size="xs" c="dimmed">
                      {label(EVENT_KIND, a.event.kind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <AttendanceStatusBadge status={a.status} size="sm" />
                  </Table.Td>
                  <Table.Td>{label(ATTENDANCE_ROLE, a.role)}</Table.Td>
                  <Table.Td>{a.organization?.name ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {timeline.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="light" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('persons.moreEvents')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function Detail({ person, tab }: { person: Person; tab: PersonTab }) {
  const { t, label, lang } = useLabels();
  const navigate = route.useNavigate();
  const queryClient = useQueryClient();
  const can = useCan();
  const canWrite = can.write;
  // The quick log (key `n`, header button) opens prefilled with this person.
  useQuickLogContext(person.deletedAt ? null : { personIds: [person.id] });
  const remove = useDeletePerson();
  const restore = useRestorePerson();
  const failed = useFailure(person.id);
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
    <>
      <PageHeader
        title={name}
        description={
          <>
            {t('persons.letterSalutation')}:{' '}
            <Text span fw={600} c="dark" data-testid="letter-salutation">
              {person.letterSalutation}
            </Text>
          </>
        }
        meta={
          person.deletedAt && (
            <Badge color="red" variant="light" radius="sm" tt="none">
              {t('persons.deleted')}
            </Badge>
          )
        }
        actions={
          canWrite &&
          (person.deletedAt ? (
            person.mergedIntoId === null && (
              <Button leftSection={<IconArrowBackUp size={16} />} onClick={doRestore} loading={restore.isPending}>
                {t('persons.restore')}
              </Button>
            )
          ) : (
            <>
              <QuickLogButton variant="default" />
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('persons.edit')}
              </Button>
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('persons.moreActions')}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconArrowMerge size={16} />} onClick={() => setMerging(true)}>
                    {t('persons.merge')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)}>
                    {t('persons.delete')}
                  </Menu.Item>
                  {can.administer && !person.erasedAt && (
                    <>
                      <Menu.Divider />
                      <Menu.Item color="red" leftSection={<IconShredder size={16} />} onClick={() => setErasing(true)}>
                        {t('privacy.erasure.action')}
                      </Menu.Item>
                    </>
                  )}
                </Menu.Dropdown>
              </Menu>
            </>
          ))
        }
      />
      {person.erasedAt ? (
        <Alert color="gray" variant="light" mb="md">
          {t('privacy.erasure.erasedBanner')}
        </Alert>
      ) : person.mergedIntoId !== null ? (
        <Alert color="gray" variant="light" mb="md">
          {t('persons.mergedBanner')} <MergedInto id={person.mergedIntoId} />.
        </Alert>
      ) : (
        person.deletedAt && (
          <Alert color="red" variant="light" mb="md">
            {t('persons.deletedBanner')}
          </Alert>
        )
      )}

      <Tabs
        value={tab}
        onChange={(v) =>
          navigate({ search: { tab: v === 'overview' || !v ? undefined : (v as PersonTab) }, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('persons.tabOverview')}</Tabs.Tab>
          <Tabs.Tab value="events">{t('persons.tabEvents')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('persons.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('persons.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview person={person} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <EventsTab personId={person.id} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Stack gap="md">
            {!person.deletedAt && <MailDropZone target={{ personId: person.id }} />}
            <Timeline subject="persons" id={person.id} title={t('persons.tabTimeline')} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RecordHistory
            query={personHistoryOptions(person.id)}
            recordId={person.id}
            fieldLabel={historyLabel}
            formatValue={historyValue}
          />
        </Tabs.Panel>
      </Tabs>

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
          notifications.show({ color: 'orange', message: t('persons.conflictReloaded') });
          void invalidatePerson(queryClient, person.id);
        }}
        onMerged={(merged, sourceName) => {
          setMerging(false);
          notifications.show({
            color: 'green',
            message: t('persons.merged', { source: sourceName, target: personName(merged) }),
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
            onSuccess: (p) => {
              const id = `person-deleted-${p.id}`;
              notifications.show({
                id,
                autoClose: 10_000,
                message: (
                  <Group justify="space-between" gap="sm" wrap="nowrap">
                    <Text size="sm">{t('persons.deletedNotice', { name: personName(p) })}</Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        notifications.hide(id);
                        doRestore();
                      }}
                    >
                      {t('persons.undo')}
                    </Button>
                  </Group>
                ),
              });
            },
            onError: failed,
            onSettled: () => setConfirmDelete(false),
          })
        }
      />
    </>
  );
}

/** The record this one was merged into, by name (its number while the name loads). */
function MergedInto({ id }: { id: number }) {
  const target = useQuery(personDetailOptions(id));
  return (
    <AnchorLink to="/personen/$id" params={{ id }} fw={600}>
      {target.data
        ? [target.data.title, target.data.firstName, target.data.lastName].filter(Boolean).join(' ')
        : `#${id}`}
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
