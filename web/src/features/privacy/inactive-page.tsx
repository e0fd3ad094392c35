import { Badge, Group, Select } from '@mantine/core';
import { IconUserOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PagedTable } from '../../components/records/paged-table.tsx';
import { RecordCount } from '../../components/records/record-list-parts.tsx';
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
          <RecordCount
            total={list.data?.total}
            text={(count) =>
              `${t('persons.count', { count })} · ${t('privacy.cutoff', { date: formatDate(list.data?.cutoff ?? '') })}`
            }
          />
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
      <PagedTable
        query={list}
        loadFailed={t('privacy.loadFailed')}
        empty={<EmptyState icon={<IconUserOff size={28} />} title={t('privacy.emptyInactive')} />}
        minWidth={560}
        rowKey={(p) => p.id}
        columns={[
          {
            title: t('privacy.name'),
            cell: (p) => (
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
            ),
          },
          { title: t('privacy.email'), cell: (p) => p.email ?? '–' },
          { title: t('privacy.lastActivity'), cell: (p) => formatDate(p.lastActivityAt) },
        ]}
        page={page}
        onPageChange={setPage}
        pageSize={PAGE_SIZE}
      />
    </>
  );
}
