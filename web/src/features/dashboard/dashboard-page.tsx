import '@mantine/charts/styles.css';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ButtonLink } from '../../components/router-link.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { dashboardOptions } from './api.ts';
import { RecentActivity } from './dashboard-activity.tsx';
import { Charts, DashboardSkeleton } from './dashboard-charts.tsx';
import { FIGURES, Figure, FollowUps, UpcomingEvents } from './dashboard-panels.tsx';

export function DashboardPage() {
  const { t } = useLabels();
  const query = useQuery(dashboardOptions());
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={t('dashboard.description')}
        actions={
          <ButtonLink to="/berichte/reichweite" variant="light">
            {t('dashboard.toReport')}
          </ButtonLink>
        }
      />
      {query.isPending ? (
        <DashboardSkeleton />
      ) : query.isError || !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="md">
          <section aria-label={t('dashboard.keyFigures', { year: data.keyFigures.current.year })}>
            <Title order={2} fz="lg" mb="xs">
              {t('dashboard.keyFigures', { year: data.keyFigures.current.year })}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="md">
              {FIGURES.map((f) => (
                <Figure key={f} name={f} current={data.keyFigures.current} previous={data.keyFigures.previous} />
              ))}
            </SimpleGrid>
          </section>
          <Charts data={data} />
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
            <UpcomingEvents events={data.upcomingEvents} />
            <FollowUps followUps={data.followUps} />
            <RecentActivity entries={data.recentActivity} />
          </SimpleGrid>
        </Stack>
      )}
    </>
  );
}
