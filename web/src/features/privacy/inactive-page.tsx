import { Badge, Card, Group, Pagination, Select, Table, Text } from '@mantine/core';
import { IconUserOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TableSkeleton } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { inactiveOptions } from './api.ts';

const PAGE_SIZE = 50;
const MONTHS = [12, 24, 36, 60];

/** The retention review: persons without any activity for a number of months, oldest activity first. */
export function InactivePage() {
  const { t } = useLabels();
  const [months, setMonths] = useState(24);
  const [page, setPage] = useState(1);
  const list = useQuery(inactiveOptions({ months, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <PageHeader
        title={t('privacy.inactiveTitle')}
        description={t('privacy.inactiveDescription')}
        meta={
          list.data && (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="result-count">
              {t('persons.count', { count: list.data.total })} ·{' '}
              {t('privacy.cutoff', { date: formatDate(list.data.cutoff) })}
            </Text>
          )
        }
      />
      <Select
        mb="md"
        w={240}
        label={t('privacy.months')}
        allowDeselect={false}
        data={MONTHS.map((m) => ({ value: String(m), label: t('privacy.monthsOption', { count: m }) }))}
        value={String(months)}
        onChange={(v) => {
          setMonths(Number(v ?? 24));
          setPage(1);
        }}
      />
      {list.isError ? (
        <ErrorState error={list.error} message={t('privacy.loadFailed')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : list.data.total === 0 ? (
        <EmptyState icon={<IconUserOff size={28} />} title={t('privacy.emptyInactive')} />
      ) : (
        <Card withBorder radius="md" p={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('privacy.name')}</Table.Th>
                  <Table.Th>{t('privacy.email')}</Table.Th>
                  <Table.Th>{t('privacy.lastActivity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <AnchorLink to="/personen/$id" params={{ id: p.id }}>
                          {p.name}
                        </AnchorLink>
                        {p.deletedAt && (
                          <Badge size="xs" color="red" variant="light">
                            {t('privacy.deletedBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{p.email ?? '–'}</Table.Td>
                    <Table.Td>{formatDate(p.lastActivityAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.data.total > PAGE_SIZE && (
            <Group justify="flex-end" p="sm">
              <Pagination value={page} onChange={setPage} total={Math.ceil(list.data.total / PAGE_SIZE)} />
            </Group>
          )}
        </Card>
      )}
    </>
  );
}
