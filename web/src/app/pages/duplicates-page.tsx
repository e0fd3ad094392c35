import { Badge, Button, Card, Group, Radio, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconCopyCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { organizationDuplicatesOptions, useMergeOrganizations } from '../../features/organizations/api.ts';
import { personDuplicatesOptions, useMergePersons } from '../../features/persons/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

type Entry = { id: number; name: string; link: ReactNode; detail: string };
type DuplicateSet = { reason: 'email' | 'name'; key: string; entries: Entry[] };
type Merge = (args: { target: { id: number }; sourceId: number }) => Promise<unknown>;

/** One group of likely duplicates: pick the record to keep, merge the others into it. */
function DuplicateGroup({ group, merge, merging }: { group: DuplicateSet; merge: Merge; merging: boolean }) {
  const { t } = useLabels();
  const [keep, setKeep] = useState(String(group.entries[0]?.id ?? ''));
  const [confirming, setConfirming] = useState(false);
  const target = group.entries.find((e) => String(e.id) === keep);
  const sources = group.entries.filter((e) => String(e.id) !== keep);

  const run = async () => {
    if (!target) return;
    try {
      // One at a time: each merge changes the kept record.
      for (const s of sources) await merge({ target: { id: target.id }, sourceId: s.id });
      notifications.show({ color: 'green', message: t('duplicates.merged', { target: target.name }) });
    } catch (err) {
      notifications.show({ color: 'red', title: t('duplicates.mergeFailed'), message: errorMessage(t, err) });
    } finally {
      setConfirming(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="xs" gap="xs">
        <Group gap={6}>
          <Badge variant="light" color={group.reason === 'email' ? 'orange' : 'yellow'} radius="sm" tt="none">
            {group.reason === 'email' ? t('duplicates.byEmail') : t('duplicates.byName')}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('duplicates.key', { key: group.key })}
          </Text>
        </Group>
        <Button
          size="compact-sm"
          color="orange"
          variant="light"
          leftSection={<IconArrowMerge size={14} />}
          onClick={() => setConfirming(true)}
          disabled={!target || sources.length === 0}
        >
          {t('duplicates.mergeGroup')}
        </Button>
      </Group>
      <Radio.Group value={keep} onChange={setKeep} aria-label={t('duplicates.keep')}>
        <Stack gap={6}>
          {group.entries.map((e) => (
            <Group key={e.id} gap="sm" wrap="nowrap">
              <Radio value={String(e.id)} aria-label={t('duplicates.keepLabel', { name: e.name })} />
              <div style={{ minWidth: 0 }}>
                {e.link}
                <Text size="xs" c="dimmed">
                  {e.detail}
                </Text>
              </div>
              {String(e.id) === keep && (
                <Badge size="xs" variant="outline" tt="none">
                  {t('duplicates.keep')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      </Radio.Group>
      <ConfirmDialog
        opened={confirming}
        title={t('duplicates.mergeTitle')}
        message={t('duplicates.mergeConfirm', { count: sources.length, target: target?.name ?? '' })}
        confirmLabel={t('duplicates.mergeGroup')}
        loading={merging}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void run()}
      />
    </Card>
  );
}

function Groups({
  query,
  groups,
  merge,
  merging,
}: {
  query: { isError: boolean; isPending: boolean; error: unknown; refetch: () => unknown };
  groups: DuplicateSet[];
  merge: Merge;
  merging: boolean;
}) {
  const { t } = useLabels();
  if (query.isError) {
    return <ErrorState error={query.error} message={t('duplicates.loadFailed')} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) {
    return (
      <Stack gap="sm" aria-hidden>
        <Skeleton height={110} />
        <Skeleton height={110} />
      </Stack>
    );
  }
  if (groups.length === 0) {
    return (
      <EmptyState
        icon={<IconCopyCheck size={28} />}
        title={t('duplicates.emptyTitle')}
        description={t('duplicates.empty')}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('duplicates.groups', { count: groups.length })}
      </Text>
      {groups.map((g) => (
        <DuplicateGroup key={`${g.reason}:${g.key}`} group={g} merge={merge} merging={merging} />
      ))}
    </Stack>
  );
}

/** One record of a duplicate group: its name links to its page, the details tell it apart. */
function duplicateEntry(
  to: '/personen/$id' | '/organisationen/$id',
  record: { id: number; name: string },
  details: (string | null | undefined)[],
) {
  return {
    id: record.id,
    name: record.name,
    link: (
      <AnchorLink to={to} params={{ id: record.id }} size="sm" fw={600}>
        {record.name}
      </AnchorLink>
    ),
    detail: details.filter(Boolean).join(' · '),
  };
}

export function DuplicatesPage() {
  const { t } = useLabels();
  const [tab, setTab] = useState<string | null>('persons');
  const persons = useQuery(personDuplicatesOptions());
  const organizations = useQuery(organizationDuplicatesOptions());
  const mergePersons = useMergePersons();
  const mergeOrganizations = useMergeOrganizations();

  const personGroups: DuplicateSet[] = (persons.data?.items ?? []).map((g) => ({
    reason: g.reason,
    key: g.key,
    entries: g.persons.map((p) => duplicateEntry('/personen/$id', p, [p.email, p.organization?.name])),
  }));
  const organizationGroups: DuplicateSet[] = (organizations.data?.groups ?? []).map((g) => ({
    reason: g.reason,
    key: g.key,
    entries: g.organizations.map((o) =>
      duplicateEntry('/organisationen/$id', o, [
        o.city,
        o.email,
        t('duplicates.createdAt', { date: formatDate(o.createdAt) }),
      ]),
    ),
  }));

  // Persons and organisations: one tab each, alike but for their groups and merge.
  const tabs = [
    { value: 'persons', count: persons.data?.total, query: persons, groups: personGroups, merge: mergePersons },
    {
      value: 'organizations',
      count: organizations.data?.groups.length,
      query: organizations,
      groups: organizationGroups,
      merge: mergeOrganizations,
    },
  ] as const;

  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map(({ value, count }) => (
            <Tabs.Tab key={value} value={value}>
              {t(`duplicates.${value}`)} {count === undefined ? '' : `(${count})`}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, query, groups, merge }) => (
          <Tabs.Panel key={value} value={value}>
            <Groups query={query} groups={groups} merge={merge.mutateAsync} merging={merge.isPending} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
