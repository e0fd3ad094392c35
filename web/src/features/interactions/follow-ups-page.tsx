import type { FollowUp } from '@anett/shared/schemas/interaction';
import { INTERACTION_KIND } from '@anett/shared/vocab/enums';
import {
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { usePaginationLabels } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { followUpsOptions, useFollowUpDone } from './api.ts';
import { editInQuickLog } from './quick-log-store.ts';
import { KIND_ICON } from './timeline.tsx';

const route = getRouteApi('/app/kontakte/wiedervorlagen');
const PAGE_SIZE = 100;

type DueGroup = 'overdue' | 'today' | 'upcoming';
const groupOf = (f: FollowUp): DueGroup => (f.overdue ? 'overdue' : f.dueToday ? 'today' : 'upcoming');
const GROUP_COLOR: Record<DueGroup, string> = { overdue: 'red', today: 'orange', upcoming: 'blue' };

function FollowUpCard({ item, canEdit, isAuthor }: { item: FollowUp; canEdit: boolean; isAuthor: boolean }) {
  const { t, label } = useLabels();
  const done = useFollowUpDone();
  const group = groupOf(item);
  const links = [
    ...item.persons.map((p) => ({ key: `p${p.id}`, to: '/personen/$id' as const, ...p })),
    ...item.organizations.map((o) => ({ key: `o${o.id}`, to: '/organisationen/$id' as const, ...o })),
  ];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="li"
      style={{ borderLeft: `4px solid var(--mantine-color-${GROUP_COLOR[group]}-6)`, listStyle: 'none' }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Badge color={GROUP_COLOR[group]} variant={group === 'overdue' ? 'filled' : 'light'} radius="sm">
              {group === 'overdue'
                ? t('interactions.followUps.overdueSince', { date: formatDate(item.followUpOn) })
                : group === 'today'
                  ? t('interactions.followUps.today')
                  : formatDate(item.followUpOn)}
            </Badge>
            <Group gap={4} wrap="nowrap">
              <ThemeIcon size={20} radius="xl" variant="light" aria-hidden>
                {KIND_ICON[item.kind]}
              </ThemeIcon>
              <Text size="sm" c="dimmed">
                {label(INTERACTION_KIND, item.kind)} · {formatDateTime(item.occurredAt)}
              </Text>
            </Group>
          </Group>
          <Text fw={600}>{item.subject}</Text>
          {item.summary && (
            <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
              {item.summary}
            </Text>
          )}
          {links.length > 0 && (
            <Text size="sm">
              {links.map((l, i) => (
                <Fragment key={l.key}>
                  {i > 0 && ', '}
                  <AnchorLink to={l.to} params={{ id: l.id }} size="sm">
                    {l.name}
                  </AnchorLink>
                </Fragment>
              ))}
            </Text>
          )}
          {!isAuthor && item.author && (
            <Text size="xs" c="dimmed">
              {t('interactions.by', { name: item.author.name })}
            </Text>
          )}
        </Stack>
        {canEdit && (
          <Group gap="xs">
            {isAuthor && (
              <Button variant="subtle" leftSection={<IconPencil size={16} />} onClick={() => editInQuickLog(item)}>
                {t('interactions.followUps.reschedule')}
              </Button>
            )}
            <Button
              variant="light"
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={done.isPending}
              aria-label={t('interactions.followUps.markDoneFor', { subject: item.subject })}
              onClick={() =>
                done.mutate(item, {
                  onSuccess: () =>
                    notifications.show({
                      color: 'green',
                      message: t('interactions.followUps.doneNotice', { subject: item.subject }),
                    }),
                  onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
                })
              }
            >
              {t('interactions.followUps.markDone')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

/** "Meine Wiedervorlagen": open follow-ups, overdue first (in red), then due today, then upcoming. */
export function FollowUpsPage() {
  const { t } = useLabels();
  const paging = usePaginationLabels();
  const can = useCan();
  const canEdit = can.write;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const scope = search.scope === 'all' && canEdit ? 'all' : 'mine';
  const [page, setPage] = useState(1);
  const list = useQuery(followUpsOptions(scope, page, PAGE_SIZE));

  const groups: DueGroup[] = ['overdue', 'today', 'upcoming'];
  const items = list.data?.items ?? [];

  return (
    <>
      <AnchorLink to="/kontakte" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('interactions.title')}
      </AnchorLink>
      <PageHeader
        title={scope === 'all' ? t('interactions.followUps.titleAll') : t('interactions.followUps.title')}
        description={t('interactions.followUps.description')}
        meta={
          list.data && (
            <Group gap={6}>
              {list.data.overdueCount > 0 && (
                <Badge color="red" radius="sm">
                  {t('interactions.followUps.overdueCount', { count: list.data.overdueCount })}
                </Badge>
              )}
              <Text c="dimmed" size="sm">
                {t('interactions.followUps.count', { count: list.data.total })}
              </Text>
            </Group>
          )
        }
        actions={
          canEdit && (
            <SegmentedControl
              aria-label={t('interactions.followUps.scope')}
              value={scope}
              onChange={(v) => {
                setPage(1);
                void navigate({ search: { scope: v === 'all' ? 'all' : undefined }, replace: true });
              }}
              data={[
                { value: 'mine', label: t('interactions.followUps.mine') },
                { value: 'all', label: t('interactions.followUps.all') },
              ]}
            />
          )
        }
      />
      {list.isError ? (
        <ErrorState error={list.error} message={t('interactions.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Stack gap="sm" aria-hidden>
          {[1, 2, 3].map((n) => (
            <Skeleton key={n} height={96} radius="md" />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconCircleCheck size={28} />}
          title={t('interactions.followUps.emptyTitle')}
          description={t('interactions.followUps.empty')}
        />
      ) : (
        <Stack gap="lg">
          {groups.map((g) => {
            const inGroup = items.filter((f) => groupOf(f) === g);
            if (inGroup.length === 0) return null;
            return (
              <section key={g} aria-labelledby={`follow-ups-${g}`}>
                <Title order={2} fz="md" mb="xs" id={`follow-ups-${g}`} c={g === 'overdue' ? 'red' : undefined}>
                  {t(`interactions.followUps.group.${g}`)} ({formatNumber(inGroup.length)})
                </Title>
                <Stack gap="xs" component="ul" p={0} m={0}>
                  {inGroup.map((f) => (
                    <FollowUpCard key={f.id} item={f} canEdit={canEdit} isAuthor={can.editInteraction(f)} />
                  ))}
                </Stack>
              </section>
            );
          })}
          {list.data.total > PAGE_SIZE && (
            <Group justify="center">
              <Pagination
                total={Math.ceil(list.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getControlProps={paging.getPaginationControlProps}
              />
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
