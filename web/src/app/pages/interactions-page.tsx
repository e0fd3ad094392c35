import type { InteractionListQuery } from '@anett/shared/schemas/interaction';
import { INTERACTION_KINDS, type InteractionKind } from '@anett/shared/vocab/enums';
import { Box, Button } from '@mantine/core';
import { IconBellRinging, IconMessages } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { EmptyState } from '../../components/empty-state.tsx';
import { LocalizedDates } from '../../components/localized-dates.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
import { RecordTable } from '../../components/records/record-table.tsx';
import { useUrlList } from '../../components/records/use-url-list.ts';
import { ButtonLink } from '../../components/router-link.tsx';
import { interactionListOptions } from '../../features/interactions/api.ts';
import { useInteractionColumns } from '../../features/interactions/interaction-columns.tsx';
import { InteractionDetails, useDeleteInteractionDialog } from '../../features/interactions/interaction-row.tsx';
import { InteractionsFilters } from '../../features/interactions/interactions-filters.tsx';
import { QuickLogButton } from '../../features/interactions/quick-log.tsx';
import { INTERACTION_PAGE_SIZE_DEFAULT, INTERACTION_PAGE_SIZES } from '../../features/interactions/search.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useSessionUser } from '../../lib/session.ts';
import { useCan } from '../../lib/use-can.ts';
import { MailDrop } from './mail-drop.tsx';

const route = getRouteApi('/app/kontakte');

const isKind = (v: string | undefined): v is InteractionKind =>
  v !== undefined && (INTERACTION_KINDS as readonly string[]).includes(v);

export function InteractionsPage() {
  const { t } = useLabels();
  const user = useSessionUser();
  const can = useCan();
  const canEdit = can.write;
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const columns = useInteractionColumns();
  const { dialog: deleteDialog, confirmDelete } = useDeleteInteractionDialog();
  const list = useUrlList(search, navigate, {
    ns: 'interactions',
    pageSizes: INTERACTION_PAGE_SIZES,
    pageSizeDefault: INTERACTION_PAGE_SIZE_DEFAULT,
    clearTo: () => ({}),
  });

  const kind = isKind(search.kind) ? search.kind : undefined;
  const params: InteractionListQuery = {
    q: search.q,
    kind: kind ? [kind] : undefined,
    nodeId: search.nodeId,
    topic: search.topic ? [search.topic] : undefined,
    authorId: search.mine ? user?.id : undefined,
    from: search.from,
    to: search.to && search.from && search.to < search.from ? undefined : search.to,
    followUp: search.followUp,
    ...list.page,
  };
  const query = useQuery(interactionListOptions(params));

  const anyFilter = Boolean(
    search.q || kind || search.nodeId || search.topic || search.mine || search.from || search.to || search.followUp,
  );

  return (
    <LocalizedDates>
      <PageHeader
        title={t('interactions.title')}
        description={t('interactions.description')}
        meta={<RecordCount total={query.data?.total} text={(count) => t('interactions.count', { count })} />}
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
        <MailDrop target={{}} />
      </Box>
      <InteractionsFilters list={list} kind={kind} anyFilter={anyFilter} />

      <RecordTable
        {...list.table(query)}
        columns={columns}
        empty={
          <EmptyState
            icon={<IconMessages size={28} />}
            title={t('interactions.emptyTitle')}
            description={anyFilter ? t('interactions.emptyFiltered') : t('interactions.empty')}
            actions={
              anyFilter ? (
                <Button variant="light" onClick={list.clearFilters}>
                  {t('interactions.clearFilters')}
                </Button>
              ) : (
                canEdit && <QuickLogButton />
              )
            }
          />
        }
        verticalAlign="top"
        rowExpansion={{
          allowMultiple: true,
          content: ({ record }) => (
            <InteractionDetails item={record} editable={can.editInteraction(record)} onDelete={confirmDelete} />
          ),
        }}
        rowLabel={(i) => t('interactions.expand', { subject: i.subject })}
      />
      {deleteDialog}
    </LocalizedDates>
  );
}
