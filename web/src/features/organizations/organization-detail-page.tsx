import type { OrganizationDetail } from '@anett/shared/schemas/organization';
import { districtLabel } from '@anett/shared/vocab/districts';
import { ORGANIZATION_KIND, SIZE_CLASS } from '@anett/shared/vocab/enums';
import { wzLabel } from '@anett/shared/vocab/wz2008';
import { Anchor, Badge, Card, DataList, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuildingFactory2 } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { organizationDetailOptions } from './api.ts';

const route = getRouteApi('/app/organisationen/$id');

/** Label/value pairs; empty values are left out so the card shows only what is known. */
function Facts({ items }: { items: [string, ReactNode][] }) {
  const shown = items.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (shown.length === 0) return <Text c="dimmed">–</Text>;
  return (
    <DataList labelWidth={130} gap="xs">
      {shown.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Title order={2} fz="md" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Detail({ org }: { org: OrganizationDetail }) {
  const { t, label } = useLabels();
  const website = org.website && (/^https?:\/\//i.test(org.website) ? org.website : `https://${org.website}`);
  return (
    <>
      <PageHeader
        title={org.name}
        description={org.shortName && org.shortName !== org.name ? org.shortName : undefined}
        meta={
          <Group gap={6}>
            <Badge variant="light" radius="sm">
              {label(ORGANIZATION_KIND, org.kind)}
            </Badge>
            {org.deletedAt && (
              <Badge color="red" variant="light" radius="sm">
                {t('organizations.deleted')}
              </Badge>
            )}
          </Group>
        }
      />
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
                      <Badge key={tag.id} color={tag.color} variant="light" radius="sm">
                        {tag.name}
                      </Badge>
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
      {org.notes && (
        <Card withBorder radius="md" padding="lg" mt="md" component="section">
          <Title order={2} fz="md" mb="sm">
            {t('organizations.notes')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {org.notes}
          </Text>
        </Card>
      )}
      <Text size="xs" c="dimmed" mt="md">
        {t('organizations.createdAt')}: {formatDateTime(org.createdAt)} · {t('organizations.updatedAt')}:{' '}
        {formatDateTime(org.updatedAt)}
      </Text>
      <Text size="sm" c="dimmed" mt="xs">
        {t('organizations.moreSoon')}
      </Text>
    </>
  );
}

export function OrganizationDetailPage() {
  const { t } = useLabels();
  const { id } = route.useParams();
  const valid = Number.isSafeInteger(id) && id > 0;
  const detail = useQuery({ ...organizationDetailOptions(id), enabled: valid });

  return (
    <>
      <AnchorLink to="/organisationen" size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('organizations.backToList')}
      </AnchorLink>
      {!valid || isApiError(detail.error, 404) || isApiError(detail.error, 400) ? (
        <EmptyState
          icon={<IconBuildingFactory2 size={28} />}
          title={t('common.notFoundTitle')}
          description={t('organizations.notFound')}
          actions={
            <ButtonLink to="/organisationen" variant="light">
              {t('organizations.backToList')}
            </ButtonLink>
          }
        />
      ) : detail.isError ? (
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      ) : detail.isPending ? (
        <Stack gap="md" aria-hidden>
          <Skeleton height={32} width="50%" />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Skeleton height={180} />
            <Skeleton height={180} />
            <Skeleton height={180} />
          </SimpleGrid>
        </Stack>
      ) : (
        <Detail org={detail.data} />
      )}
    </>
  );
}
