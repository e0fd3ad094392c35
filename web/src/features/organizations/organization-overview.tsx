import type { Relation } from '@anett/shared/schemas/network';
import type { OrganizationDetail, OrganizationPerson } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, RELATION_TYPE, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { wzLabel } from '@anett/shared/vocab/wz2008';
import { Anchor, Badge, Group, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStarFilled } from '@tabler/icons-react';
import { DatedSection } from '../../components/records/dated-section.tsx';
import { RecordFacts, RecordSection, RecordStamps, usePeriod } from '../../components/records/record-section.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { TableHead } from '../../components/table-head.tsx';
import { TagBadge } from '../../components/tag-picker.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import { useDeleteRelation, useUpdateRelation } from './api.ts';
import { RelationFormModal } from './relation-form-modal.tsx';

const personLabel = (p: OrganizationPerson) => [p.title, p.firstName, p.lastName].filter(Boolean).join(' ');

function PeopleTable({ people }: { people: OrganizationPerson[] }) {
  const { t } = useLabels();
  const period = usePeriod();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={6} fz="sm" highlightOnHover>
        <TableHead columns={[t('organizations.name'), t('organizations.function'), t('organizations.period')]} />
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
    <RecordSection
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
    </RecordSection>
  );
}

function RelationsSection({ org, canWrite }: { org: OrganizationDetail; canWrite: boolean }) {
  const { t, label } = useLabels();
  const period = usePeriod();
  const update = useUpdateRelation();
  const remove = useDeleteRelation();
  const today = localDay(new Date());
  const ended = (r: Relation) => Boolean(r.toDate && r.toDate < today);
  const name = (r: Relation) => `${label(RELATION_TYPE, r.type)}: ${r.node?.name ?? r.network?.name ?? ''}`;
  return (
    <DatedSection<Relation>
      items={org.relations}
      canWrite={canWrite}
      current={(r) => !ended(r)}
      texts={{
        title: t('organizations.relations'),
        add: t('organizations.addRelation'),
        empty: t('organizations.noRelations'),
        edit: t('organizations.editRelation'),
        end: t('organizations.endRelation'),
        ended: t('organizations.relationEnded'),
        remove: t('organizations.removeRelation'),
        removeConfirm: t('organizations.removeRelationConfirm'),
        removed: t('organizations.relationRemoved'),
        actions: (r) => t('organizations.relationActions', { name: name(r) }),
        endMessage: name,
      }}
      row={(r) => (
        <>
          <Group gap={6} wrap="wrap">
            <Badge variant="light" radius="sm" tt="none" color={ended(r) ? 'gray' : 'anett'}>
              {label(RELATION_TYPE, r.type)}
            </Badge>
            <Text size="sm" fw={600}>
              {r.node?.name ?? r.network?.name}
            </Text>
            {ended(r) && (
              <Text size="xs" c="dimmed">
                ({t('organizations.ended')})
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {[r.responsibility, period(r.fromDate, r.toDate)].filter(Boolean).join(' · ')}
          </Text>
        </>
      )}
      form={(target, onClose) => <RelationFormModal organizationId={org.id} target={target} onClose={onClose} />}
      end={(relation, toDate) => update.mutateAsync({ relation, patch: { toDate } })}
      remove={(r) => remove.mutateAsync(r)}
      onError={(err) =>
        notifications.show({
          color: isApiError(err, 412) ? 'orange' : 'red',
          message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
        })
      }
    />
  );
}

export function OrganizationOverview({ org, canWrite }: { org: OrganizationDetail; canWrite: boolean }) {
  const { t, label } = useLabels();
  const website = org.website && (/^https?:\/\//i.test(org.website) ? org.website : `https://${org.website}`);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <RecordSection title={t('organizations.profile')}>
          <RecordFacts
            labelWidth={130}
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
        </RecordSection>
        <RecordSection title={t('organizations.address')}>
          <RecordFacts
            labelWidth={130}
            items={[
              [t('organizations.street'), org.street],
              [t('organizations.postalCode'), org.postalCode],
              [t('organizations.city'), org.city],
              [t('organizations.district'), districtLabel(org.district)],
            ]}
          />
        </RecordSection>
        <RecordSection title={t('organizations.contact')}>
          <RecordFacts
            labelWidth={130}
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
        </RecordSection>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <PeopleSection org={org} />
        <RelationsSection org={org} canWrite={canWrite && !org.deletedAt} />
      </SimpleGrid>
      {org.notes && (
        <RecordSection title={t('organizations.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {org.notes}
          </Text>
        </RecordSection>
      )}
      <RecordStamps ns="organizations" record={org} />
    </Stack>
  );
}
