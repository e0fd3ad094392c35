import type { Interaction, InteractionListQuery } from '@anett/shared/schemas/interaction';
import { INTERACTION_KIND, INTERACTION_KINDS, type InteractionKind } from '@anett/shared/vocab/enums';
import {
  Badge,
  Box,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconBell,
  IconBellRinging,
  IconCheck,
  IconMessages,
  IconPencil,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { DataTable } from 'mantine-datatable';
import 'mantine-datatable/styles.css';
import { Fragment, useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LocalizedDates, usePickerLabels } from '../../components/localized-dates.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { localDay } from '../../lib/local-dates.ts';
import {
  nodeOptionsQuery,
  nodeSelectData,
  topicLabel,
  topicOptionsQuery,
  topicSelectData,
} from '../../lib/reference-data.ts';
import { useSessionUser } from '../auth/session.ts';
import { interactionListOptions, useDeleteInteraction } from './api.ts';
import { MailDropZone } from './mail-drop.tsx';
import { QuickLogButton } from './quick-log.tsx';
import { editInQuickLog } from './quick-log-store.ts';
import { INTERACTION_PAGE_SIZE_DEFAULT, INTERACTION_PAGE_SIZES } from './search.ts';
import { KIND_ICON } from './timeline.tsx';

const route = getRouteApi('/app/kontakte');

const isKind = (v: string | undefined): v is InteractionKind =>
  v !== undefined && (INTERACTION_KINDS as readonly string[]).includes(v);

function TableSkeleton() {
  return (
    <Paper withBorder radius="md" p="md" aria-hidden>
      <Stack gap="md">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
          <Group key={i} gap="xl" wrap="nowrap">
            <Skeleton height={12} width="14%" />
            <Skeleton height={12} width="12%" />
            <Skeleton height={12} width="40%" />
            <Skeleton height={12} width="20%" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Follow-up date as a badge: red when overdue, yellow when open, grey with a tick when done. */
export function FollowUpBadge({ item }: { item: Pick<Interaction, 'followUpOn' | 'followUpDoneAt'> }) {
  const { t } = useLabels();
  if (!item.followUpOn) return null;
  const overdue = !item.followUpDoneAt && item.followUpOn < localDay(new Date());
  return (
    <Badge
      size="md"
      radius="sm"
      variant="light"
      tt="none"
      color={item.followUpDoneAt ? 'gray' : overdue ? 'red' : 'yellow'}
      leftSection={item.followUpDoneAt ? <IconCheck size={12} /> : <IconBell size={12} />}
      title={
        item.followUpDoneAt
          ? t('interactions.followUpDoneOn', { date: formatDate(item.followUpOn) })
          : t('interactions.followUpDue', { date: formatDate(item.followUpOn) })
      }
    >
      {formatDate(item.followUpOn)}
    </Badge>
  );
}

function Who({ item }: { item: Interaction }) {
  const links = [
    ...item.persons.map((p) => ({ key: `p${p.id}`, to: '/personen/$id' as const, ...p })),
    ...item.organizations.map((o) => ({ key: `o${o.id}`, to: '/organisationen/$id' as const, ...o })),
  ];
  return (
    <Text size="sm" lineClamp={2}>
      {links.map((l, i) => (
        <Fragment key={l.key}>
          {i > 0 && ', '}
          <AnchorLink to={l.to} params={{ id: l.id }} size="sm" onClick={(e) => e.stopPropagation()}>
            {l.name}
          </AnchorLink>
        </Fragment>
      ))}
    </Text>
  );
}

export function InteractionsPage() {
  const { t, lang, label } = useLabels();
  const user = useSessionUser();
  const canEdit = user?.role === 'admin' || user?.role === 'manager';
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const remove = useDeleteInteraction();
  const [removing, setRemoving] = useState<Interaction | null>(null);
  const dpLabels = usePickerLabels();

  const urlQ = search.q ?? '';
  const [text, setText] = useState(urlQ);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const latest = useRef({ urlQ, debounced });
  latest.current = { urlQ, debounced };
  useEffect(() => {
    if (debounced !== latest.current.urlQ) {
      void navigate({ search: (prev) => ({ ...prev, q: debounced || undefined, page: undefined }), replace: true });
    }
  }, [debounced, navigate]);
  useEffect(() => {
    if (urlQ !== latest.current.debounced) setText(urlQ);
  }, [urlQ]);

  const nodes = useQuery(nodeOptionsQuery());
  const topics = useQuery(topicOptionsQuery());
  const kind = isKind(search.kind) ? search.kind : undefined;
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? INTERACTION_PAGE_SIZE_DEFAULT;
  const params: InteractionListQuery = {
    q: search.q,
    kind: kind ? [kind] : undefined,
    nodeId: search.nodeId,
    topic: search.topic ? [search.topic] : undefined,
    authorId: search.mine ? user?.id : undefined,
    from: search.from,
    to: search.to && search.from && search.to < search.from ? undefined : search.to,
    followUp: search.followUp,
    page,
    pageSize,
  };
  const list = useQuery(interactionListOptions(params));

  const setFilter = (patch: Partial<typeof search>) =>
    navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }) });
  const anyFilter = Boolean(
    search.q || kind || search.nodeId || search.topic || search.mine || search.from || search.to || search.followUp,
  );
  const clearFilters = () => {
    setText('');
    void navigate({ search: {} });
  };
  const editable = (i: Interaction) => user?.role === 'admin' || (canEdit && i.author?.id === user?.id);
  const total = list.data?.total;

  return (
    <LocalizedDates>
      <PageHeader
        title={t('interactions.title')}
        description={t('interactions.description')}
        meta={
          <Text c="dimmed" size="sm" aria-live="polite" aria-atomic>
            {total === undefined ? (
              <Skeleton component="span" height={14} width={120} display="inline-block" />
            ) : (
              t('interactions.count', { count: total })
            )}
          </Text>
        }
        actions={
          <>
            <ButtonLink to="/kontakte/wiedervorlagen" variant="default" leftSection={<IconBellRinging size={16} />}>
              {t('interactions.followUps.title')}
            </ButtonLink>
            {canEdit && <QuickLogButton variant="filled" withShortcutHint />}
          </>
        }
      />

      <Box mb="md">
        <MailDropZone target={{}} />
      </Box>

      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          type="search"
          label={t('interactions.searchLabel')}
          placeholder={t('interactions.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) setText('');
          }}
          rightSection={
            text ? <CloseButton size="sm" aria-label={t('common.clearSearch')} onClick={() => setText('')} /> : null
          }
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label={t('interactions.kind')}
          placeholder={t('interactions.allKinds')}
          clearable
          data={INTERACTION_KINDS.map((k) => ({ value: k, label: label(INTERACTION_KIND, k) }))}
          value={kind ?? null}
          onChange={(v) => setFilter({ kind: v ?? undefined })}
          w={{ base: '100%', xs: 190 }}
        />
        <Select
          label={t('interactions.node')}
          placeholder={t('interactions.allNodes')}
          clearable
          data={nodeSelectData(nodes.data?.items)}
          value={search.nodeId ? String(search.nodeId) : null}
          onChange={(v) => setFilter({ nodeId: v ? Number(v) : undefined })}
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('interactions.topic')}
          placeholder={t('interactions.allTopics')}
          clearable
          searchable
          data={topicSelectData(topics.data?.items, lang)}
          value={search.topic ? String(search.topic) : null}
          onChange={(v) => setFilter({ topic: v ? Number(v) : undefined })}
          w={{ base: '100%', xs: 180 }}
        />
        <DatePickerInput
          {...dpLabels}
          type="range"
          label={t('interactions.period')}
          placeholder={t('interactions.anyTime')}
          clearable
          allowSingleDateInRange
          value={[search.from ?? null, search.to ?? null]}
          onChange={([from, to]) => {
            // Only a complete range (or none) goes to the URL; the picker keeps a half-chosen one itself.
            if ((from && to) || (!from && !to)) setFilter({ from: from ?? undefined, to: to ?? undefined });
          }}
          w={{ base: '100%', xs: 230 }}
        />
        <Select
          label={t('interactions.followUp')}
          placeholder={t('interactions.followUpAny')}
          clearable
          data={[
            { value: 'due', label: t('interactions.followUpState.due') },
            { value: 'open', label: t('interactions.followUpState.open') },
            { value: 'done', label: t('interactions.followUpState.done') },
          ]}
          value={search.followUp ?? null}
          onChange={(v) => setFilter({ followUp: v === 'due' || v === 'open' || v === 'done' ? v : undefined })}
          w={{ base: '100%', xs: 170 }}
        />
        <Switch
          label={t('interactions.onlyMine')}
          checked={Boolean(search.mine)}
          onChange={(e) => setFilter({ mine: e.currentTarget.checked ? true : undefined })}
          mb={8}
        />
        {anyFilter && (
          <Button variant="subtle" onClick={clearFilters}>
            {t('interactions.clearFilters')}
          </Button>
        )}
      </Group>

      {list.isError ? (
        <ErrorState error={list.error} message={t('interactions.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : list.data.total === 0 ? (
        <EmptyState
          icon={<IconMessages size={28} />}
          title={t('interactions.emptyTitle')}
          description={anyFilter ? t('interactions.emptyFiltered') : t('interactions.empty')}
          actions={
            anyFilter ? (
              <Button variant="light" onClick={clearFilters}>
                {t('interactions.clearFilters')}
              </Button>
            ) : (
              canEdit && <QuickLogButton />
            )
          }
        />
      ) : (
        <DataTable<Interaction>
          withTableBorder
          borderRadius="md"
          highlightOnHover
          verticalAlign="top"
          fetching={list.isPlaceholderData}
          loadingText={t('app.loading')}
          records={list.data.items}
          idAccessor="id"
          rowExpansion={{
            allowMultiple: true,
            content: ({ record: i }) => (
              <Stack gap={6} px="md" py="sm" bg="gray.0">
                {i.summary ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {i.summary}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('interactions.noSummary')}
                  </Text>
                )}
                <Group gap={6}>
                  {i.event && (
                    <AnchorLink to="/veranstaltungen/$id" params={{ id: i.event.id }} size="sm">
                      {i.event.title}
                    </AnchorLink>
                  )}
                  {i.topics.map((tp) => (
                    <Badge key={tp.id} size="sm" radius="sm" variant="light" color="gray">
                      {topicLabel(tp, lang)}
                    </Badge>
                  ))}
                </Group>
                {editable(i) && (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconPencil size={14} />}
                      onClick={() => editInQuickLog(i)}
                    >
                      {t('interactions.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => setRemoving(i)}
                    >
                      {t('interactions.delete')}
                    </Button>
                  </Group>
                )}
              </Stack>
            ),
          }}
          rowClassName="row-link"
          customRowAttributes={(i) => ({
            tabIndex: 0,
            'aria-label': t('interactions.expand', { subject: i.subject }),
            onKeyDown: (e: React.KeyboardEvent<HTMLTableRowElement>) => {
              if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget) {
                e.preventDefault();
                e.currentTarget.click();
              }
            },
          })}
          page={page}
          onPageChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
          totalRecords={list.data.total}
          recordsPerPage={pageSize}
          recordsPerPageOptions={INTERACTION_PAGE_SIZES}
          recordsPerPageLabel={t('common.perPage')}
          onRecordsPerPageChange={(n) =>
            navigate({
              search: (prev) => ({
                ...prev,
                pageSize: n === INTERACTION_PAGE_SIZE_DEFAULT ? undefined : n,
                page: undefined,
              }),
            })
          }
          paginationText={({ from, to, totalRecords }) =>
            t('common.pagination', {
              from: formatNumber(from),
              to: formatNumber(to),
              total: formatNumber(totalRecords),
            })
          }
          getPaginationControlProps={(control) => ({
            'aria-label': {
              first: t('common.firstPage'),
              previous: t('common.previousPage'),
              next: t('common.nextPage'),
              last: t('common.lastPage'),
            }[control],
          })}
          getPaginationItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
          columns={[
            {
              accessor: 'occurredAt',
              title: t('interactions.occurredAt'),
              width: 150,
              render: (i) => <Text size="sm">{formatDateTime(i.occurredAt)}</Text>,
            },
            {
              accessor: 'kind',
              title: t('interactions.kind'),
              width: 150,
              render: (i) => (
                <Group gap={6} wrap="nowrap">
                  <ThemeIcon size={22} radius="xl" variant="light" aria-hidden>
                    {KIND_ICON[i.kind]}
                  </ThemeIcon>
                  <Text size="sm">{label(INTERACTION_KIND, i.kind)}</Text>
                </Group>
              ),
            },
            {
              accessor: 'subject',
              title: t('interactions.subject'),
              render: (i) => (
                <div>
                  <Text size="sm" fw={600} lh={1.3}>
                    {i.subject}
                  </Text>
                  {i.summary && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {i.summary}
                    </Text>
                  )}
                </div>
              ),
            },
            {
              accessor: 'persons',
              title: t('interactions.with'),
              render: (i) => <Who item={i} />,
            },
            {
              accessor: 'node',
              title: t('interactions.node'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.xl})`,
              render: (i) => i.node?.name ?? '',
            },
            {
              accessor: 'author',
              title: t('interactions.author'),
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.lg})`,
              render: (i) => i.author?.name ?? '',
            },
            {
              accessor: 'followUpOn',
              title: t('interactions.followUp'),
              width: 140,
              visibleMediaQuery: (theme) => `(min-width: ${theme.breakpoints.md})`,
              render: (i) => <FollowUpBadge item={i} />,
            },
          ]}
        />
      )}
      <ConfirmDialog
        opened={removing !== null}
        title={t('interactions.deleteTitle')}
        message={removing ? t('interactions.deleteConfirm', { subject: removing.subject }) : ''}
        confirmLabel={t('interactions.delete')}
        danger
        loading={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing, {
            onSuccess: () => notifications.show({ color: 'green', message: t('interactions.deleted') }),
            onError: (err) =>
              notifications.show({
                color: 'red',
                message: isApiError(err, 412) ? t('common.versionConflict') : errorMessage(t, err),
              }),
            onSettled: () => setRemoving(null),
          });
        }}
      />
    </LocalizedDates>
  );
}
