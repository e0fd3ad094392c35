import type { Relation } from '@anett/shared/schemas/network';
import type { OrganizationDetail, OrganizationPerson } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, RELATION_TYPE, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { wzLabel } from '@anett/shared/vocab/wz2008';
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
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconArrowMerge,
  IconBuildingFactory2,
  IconDots,
  IconPencil,
  IconPlus,
  IconStarFilled,
  IconTrash,
  IconUserPlus,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { DetailPageFrame } from '../../components/detail-page-frame.tsx';
import { EndDateModal } from '../../components/forms/end-date-modal.tsx';
import { RecordHistory } from '../../components/history/record-history.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { datedRowActions, RowActionsMenu } from '../../components/records/row-actions-menu.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TagBadge } from '../../components/tag-picker.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { useCan } from '../../lib/use-can.ts';
import { MailDropZone } from '../interactions/mail-drop.tsx';
import { QuickLogButton, useQuickLogContext } from '../interactions/quick-log.tsx';
import { Timeline } from '../interactions/timeline.tsx';
import { useDeleteRelation, useUpdateRelation } from '../network/api.ts';
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
import { RelationFormModal } from './relation-form-modal.tsx';
import type { DetailTab } from './search.ts';

const route = getRouteApi('/app/organisationen/$id');

/** Label/value pairs; empty values are left out so the card shows only what is known. */
function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '' && v !== false);
  if (shown.length === 0) return <Text c="dimmed">–</Text>;
  return (
    <DataList labelWidth={130} gap="xs">
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

/** '01.01.2023 – 31.12.2024', 'seit 01.01.2023', 'bis …' or nothing. */
export function usePeriod() {
  const { t } = useLabels();
  return (from: string | null, to: string | null) =>
    from && to
      ? t('organizations.fromTo', { from: formatDate(from), to: formatDate(to) })
      : from
        ? t('organizations.sinceDate', { date: formatDate(from) })
        : to
          ? t('organizations.untilDate', { date: formatDate(to) })
          : '';
}

const personLabel = (p: OrganizationPerson) => [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');

function PeopleTable({ people }: { people: OrganizationPerson[] }) {
  const { t } = useLabels();
  const period = usePeriod();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} fz="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('organizations.name')}</Table.Th>
            <Table.Th>{t('organizations.function')}</Table.Th>
            <Table.Th>{t('organizations.period')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.affiliationId}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <AnchorLink to="/personen/$id" params={{ id: p.personId }} size="sm" fw={600}>
                    {personLabel(p)}
                  </AnchorLink>
                  {p.isPrimary && (
                    <Tooltip label={t('organizations.primary')}>
                      <IconStarFilled
                        size={12}
                        color="var(--mantine-color-yellow-6)"
                        aria-label={t('organizations.primary')}
                      />
                    </Tooltip>
                  )}
                </Group>
                {p.email && (
                  <Text size="xs" c="dimmed">
                    {p.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{p.function ?? '–'}</Table.Td>
              <Table.Td>{period(p.fromDate, p.toDate) || '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PeopleSection({ org }: { org: OrganizationDetail }) {
  const { t } = useLabels();
  const { current, former } = org.people;
  return (
    <Section
      title={`${t('organizations.people')} (${current.length})`}
      actions={
        current.length > 0 && (
          <AnchorLink to="/personen" search={{ organizationId: [org.id] }} size="sm">
            {t('organizations.showPeopleInList')}
          </AnchorLink>
        )
      }
    >
      {current.length === 0 && former.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizations.noPeople')}
        </Text>
      ) : (
        <Stack gap="md">
          {current.length > 0 && <PeopleTable people={current} />}
          {former.length > 0 && (
            <div>
              <Text size="sm" fw={600} c="dimmed" mb={4}>
                {t('organizations.peopleFormer')} ({former.length})
              </Text>
              <PeopleTable people={former} />
            </div>
          )}
        </Stack>
      )}
    </Section>
  );
}

function RelationsSection({ org, canWrite }: { org: OrganizationDetail; canWrite: boolean }) {
  const { t, label } = useLabels();
  const period = usePeriod();
  const update = useUpdateRelation();
  const remove = useDeleteRelation();
  const [formTarget, setFormTarget] = useState<Relation | 'new' | null>(null);
  const [toEnd, setToEnd] = useState<Relation | null>(null);
  const [toRemove, setToRemove] = useState<Relation | null>(null);
  const today = localDay(new Date());
  const failed = (err: unknown) =>
    notifications.show({
      color: isApiError(err, 412) ? 'orange' : 'red',
      message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
    });

  return (
    <Section
      title={t('organizations.relations')}
      actions={
        canWrite && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setFormTarget('new')}
          >
            {t('organizations.addRelation')}
          </Button>
        )
      }
    >
      {org.relations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('organizations.noRelations')}
        </Text>
      ) : (
        <Stack gap="xs">
          {org.relations.map((r) => {
            const ended = Boolean(r.toDate && r.toDate < today);
            return (
              <Group key={r.id} justify="space-between" wrap="nowrap" gap="sm" opacity={ended ? 0.65 : 1}>
                <div style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" radius="sm" tt="none" color={ended ? 'gray' : 'anett'}>
                      {label(RELATION_TYPE, r.type)}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {r.node?.name ?? r.network?.name}
                    </Text>
                    {ended && (
                      <Text size="xs" c="dimmed">
                        ({t('organizations.ended')})
                      </Text>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" mt={2}>
                    {[r.responsibility, period(r.fromDate, r.toDate)].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                {canWrite && (
                  <RowActionsMenu
                    label={t('organizations.relationActions')}
                    actions={datedRowActions({
                      edit: [t('organizations.editRelation'), () => setFormTarget(r)],
                      end: [t('organizations.endRelation'), () => setToEnd(r)],
                      remove: [t('organizations.removeRelation'), () => setToRemove(r)],
                      current: !ended,
                    })}
                  />
                )}
              </Group>
            );
          })}
        </Stack>
      )}
      <RelationFormModal organizationId={org.id} target={formTarget} onClose={() => setFormTarget(null)} />
      <EndDateModal
        opened={toEnd !== null}
        title={t('organizations.endRelation')}
        message={toEnd ? `${label(RELATION_TYPE, toEnd.type)}: ${toEnd.node?.name ?? toEnd.network?.name ?? ''}` : ''}
        minDate={toEnd?.fromDate}
        loading={update.isPending}
        onCancel={() => setToEnd(null)}
        onConfirm={(toDate) => {
          if (!toEnd) return;
          update.mutate(
            { relation: toEnd, patch: { toDate } },
            {
              onSuccess: () => notifications.show({ color: 'green', message: t('organizations.relationEnded') }),
              onError: failed,
              onSettled: () => setToEnd(null),
            },
          );
        }}
      />
      <ConfirmDialog
        opened={toRemove !== null}
        title={t('organizations.removeRelation')}
        message={t('organizations.removeRelationConfirm')}
        confirmLabel={t('organizations.removeRelation')}
        danger
        loading={remove.isPending}
        onCancel={() => setToRemove(null)}
        onConfirm={() => {
          if (!toRemove) return;
          remove.mutate(toRemove, {
            onSuccess: () => notifications.show({ message: t('organizations.relationRemoved') }),
            onError: failed,
            onSettled: () => setToRemove(null),
          });
        }}
      />
    </Section>
  );
}

function Overview({ org, canWrite }: { org: OrganizationDetail; canWrite: boolean }) {
  const { t, label } = useLabels();
  const website = org.website && (/^https?:\/\//i.test(org.website) ? org.website : `https://${org.website}`);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Section title={t('organizations.profile')}>
          <Facts
            items={[
              [t('organizations.kind'), label(ORGANIZATION_KIND, org.kind)],
              [t('organizations.sizeClass'), label(SIZE_CLASS, org.sizeClass)],
              [t('organizations.employees'), formatNumber(org.employees)],
              [
                t('organizations.sectors'),
                org.sectors.length > 0 && (
                  <Stack gap={2}>
                    {org.sectors.map((code) => (
                      <Text key={code} size="sm">
                        <Text span fw={600}>
                          {code}
                        </Text>{' '}
                        {wzLabel(code)}
                      </Text>
                    ))}
                  </Stack>
                ),
              ],
              [
                t('organizations.tags'),
                org.tags.length > 0 && (
                  <Group gap={4}>
                    {org.tags.map((tag) => (
                      <TagBadge key={tag.id} tag={tag} />
                    ))}
                  </Group>
                ),
              ],
            ]}
          />
        </Section>
        <Section title={t('organizations.address')}>
          <Facts
            items={[
              [t('organizations.street'), org.street],
              [t('organizations.postalCode'), org.postalCode],
              [t('organizations.city'), org.city],
              [t('organizations.district'), districtLabel(org.district)],
            ]}
          />
        </Section>
        <Section title={t('organizations.contact')}>
          <Facts
            items={[
              [
                t('organizations.website'),
                website && (
                  <Anchor href={website} target="_blank" rel="noreferrer">
                    {org.website}
                  </Anchor>
                ),
              ],
              [t('organizations.email'), org.email && <Anchor href={`mailto:${org.email}`}>{org.email}</Anchor>],
              [
                t('organizations.phone'),
                org.phone && <Anchor href={`tel:${org.phone.replace(/[^\d+]/g, '')}`}>{org.phone}</Anchor>,
              ],
            ]}
          />
        </Section>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <PeopleSection org={org} />
        <RelationsSection org={org} canWrite={canWrite && !org.deletedAt} />
      </SimpleGrid>
      {org.notes && (
        <Section title={t('organizations.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {org.notes}
          </Text>
        </Section>
      )}
      <Text size="xs" c="dimmed">
        {t('organizations.createdAt')}: {formatDateTime(org.createdAt)} · {t('organizations.updatedAt')}:{' '}
        {formatDateTime(org.updatedAt)}
      </Text>
    </Stack>
  );
}

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

  const conflict = () => {
    notifications.show({ color: 'orange', message: t('organizations.conflictReloaded') });
    void invalidateOrganization(queryClient, org.id);
  };
  const failed = (err: unknown) => {
    if (isApiError(err, 412)) return conflict();
    const code = isApiError(err) ? err.code : '';
    notifications.show({
      color: 'red',
      title: t('common.errorTitle'),
      message:
        code === 'ORGANIZATION_DELETED' || code === 'ORGANIZATION_MERGED' || code === 'ORGANIZATION_NOT_DELETED'
          ? t(`organizations.errors.${code}`)
          : errorMessage(t, err),
    });
  };
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
    <>
      <PageHeader
        title={org.name}
        description={org.shortName && org.shortName !== org.name ? org.shortName : undefined}
        meta={
          <Group gap={6}>
            <Badge variant="light" radius="sm" tt="none">
              {label(ORGANIZATION_KIND, org.kind)}
            </Badge>
            {org.deletedAt && (
              <Badge color="red" variant="light" radius="sm" tt="none">
                {t('organizations.deleted')}
              </Badge>
            )}
          </Group>
        }
        actions={
          canWrite &&
          (org.deletedAt ? (
            org.mergedIntoId === null && (
              <Button leftSection={<IconArrowBackUp size={16} />} onClick={doRestore} loading={restore.isPending}>
                {t('organizations.restore')}
              </Button>
            )
          ) : (
            <>
              <QuickLogButton variant="default" />
              <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setAddingPerson(true)}>
                {t('organizations.addPerson')}
              </Button>
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('organizations.edit')}
              </Button>
              <Menu position="bottom-end" shadow="md">
                <Menu.Target>
                  <ActionIcon variant="default" size="lg" aria-label={t('organizations.moreActions')}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconArrowMerge size={16} />} onClick={() => setMerging(true)}>
                    {t('organizations.merge')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)}>
                    {t('organizations.delete')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </>
          ))
        }
      />
      {org.mergedIntoId !== null ? (
        <Alert color="gray" variant="light" mb="md">
          {t('organizations.mergedBanner')} <MergedInto id={org.mergedIntoId} />.
        </Alert>
      ) : (
        org.deletedAt && (
          <Alert color="red" variant="light" mb="md">
            {t('organizations.deletedBanner')}
          </Alert>
        )
      )}

      <Tabs
        value={tab}
        onChange={(v) =>
          navigate({ search: { tab: v === 'overview' || !v ? undefined : (v as DetailTab) }, replace: true })
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('organizations.tabOverview')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('organizations.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('organizations.tabHistory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview org={org} canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <Stack gap="md">
            {!org.deletedAt && <MailDropZone target={{ organizationId: org.id }} />}
            <Timeline subject="organizations" id={org.id} title={t('organizations.tabTimeline')} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <RecordHistory
            query={organizationHistoryOptions(org.id)}
            recordId={org.id}
            fieldLabel={historyLabel}
            formatValue={historyValue}
          />
        </Tabs.Panel>
      </Tabs>

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
        onMerged={(merged, sourceName) => {
          setMerging(false);
          notifications.show({
            color: 'green',
            message: t('organizations.merged', { source: sourceName, target: merged.name }),
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
            onSuccess: (o) => {
              const id = `org-deleted-${o.id}`;
              notifications.show({
                id,
                autoClose: 10_000,
                message: (
                  <Group justify="space-between" gap="sm" wrap="nowrap">
                    <Text size="sm">{t('organizations.deletedNotice', { name: o.name })}</Text>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => {
                        notifications.hide(id);
                        doRestore();
                      }}
                    >
                      {t('organizations.undo')}
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
