import type { Network, Node } from '@anett/shared/schemas/network';
import { districtLabel } from '@anett/shared/vocab/districts';
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAffiliate, IconBuildingFactory2, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { networkOverviewOptions } from './api.ts';

function Section({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" mb="xl">
      <div>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

const websiteHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

function Count({ value, label }: { value: number; label: string }) {
  return (
    <Stack gap={0} align="center">
      <Text fw={700} fz="xl" lh={1.2}>
        {formatNumber(value)}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

function NodeCard({ node }: { node: Node }) {
  const { t } = useLabels();
  const facts: [string, ReactNode][] = [
    [
      t('network.host'),
      node.hostOrganization ? (
        <AnchorLink key="host" to="/organisationen/$id" params={{ id: node.hostOrganization.id }} size="sm">
          {node.hostOrganization.name}
        </AnchorLink>
      ) : (
        '–'
      ),
    ],
    [t('network.district'), districtLabel(node.district)],
    [t('network.openedOn'), node.openedOn ? formatDate(node.openedOn) : t('network.notOpened')],
    [t('network.responsible'), node.responsibleUser?.name ?? '–'],
  ];
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`node-${node.id}`}>
      <Group gap="sm" wrap="nowrap" mb="sm">
        <ThemeIcon size={36} radius="md" variant="light" aria-hidden>
          <IconMapPin size={20} />
        </ThemeIcon>
        <Title order={3} fz="md" id={`node-${node.id}`}>
          <AnchorLink to="/organisationen" search={{ nodeId: [node.id] }} c="inherit" fw={650}>
            {node.name}
          </AnchorLink>
        </Title>
      </Group>
      <Stack gap={6} mb="md">
        {facts.map(([label, value]) => (
          <Group key={label} gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={150} style={{ flexShrink: 0 }}>
              {label}
            </Text>
            <Text size="sm" component="div">
              {value}
            </Text>
          </Group>
        ))}
      </Stack>
      <SimpleGrid cols={3} spacing={4} mt="auto">
        <AnchorLink to="/organisationen" search={{ nodeId: [node.id] }} underline="never" c="inherit">
          <Paper p={6} radius="md" bg="anett.0">
            <Count value={node.counts.organizations} label={t('network.organizations')} />
            <span className="visually-hidden">{t('network.ofNode', { name: node.name })}</span>
          </Paper>
        </AnchorLink>
        <AnchorLink to="/personen" search={{ nodeId: [node.id] }} underline="never" c="inherit">
          <Paper p={6} radius="md" bg="anett.0">
            <Count value={node.counts.persons} label={t('network.persons')} />
            <span className="visually-hidden">{t('network.ofNode', { name: node.name })}</span>
          </Paper>
        </AnchorLink>
        <Paper p={6} radius="md" bg="gray.0">
          <Count value={node.counts.events} label={t('network.events')} />
        </Paper>
      </SimpleGrid>
    </Card>
  );
}

function PartnerNetwork({ network }: { network: Network }) {
  const { t } = useLabels();
  return (
    <Card withBorder radius="md" padding="md">
      <Text fw={600}>{network.name}</Text>
      <Group gap={6} mt={4}>
        {network.shortName && network.shortName !== network.name && (
          <Badge variant="light" radius="sm" tt="none">
            {network.shortName}
          </Badge>
        )}
        {network.region && (
          <Badge variant="outline" color="gray" radius="sm" tt="none">
            {network.region}
          </Badge>
        )}
      </Group>
      {network.description && (
        <Text size="sm" c="dimmed" mt="xs" lineClamp={3}>
          {network.description}
        </Text>
      )}
      {network.website && (
        <Anchor href={websiteHref(network.website)} target="_blank" rel="noreferrer" size="sm" mt="xs">
          {t('network.website')}
        </Anchor>
      )}
    </Card>
  );
}

export function NetworkPage() {
  const { t } = useLabels();
  const overview = useQuery(networkOverviewOptions());

  if (overview.isError) {
    return (
      <>
        <PageHeader title={t('network.title')} />
        <ErrorState error={overview.error} message={t('network.loadFailed')} onRetry={() => void overview.refetch()} />
      </>
    );
  }
  if (overview.isPending) {
    return (
      <>
        <PageHeader title={t('network.title')} description={t('network.description')} />
        <Stack gap="md" aria-hidden>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Skeleton height={96} />
            <Skeleton height={96} />
            <Skeleton height={96} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <Skeleton height={240} />
            <Skeleton height={240} />
            <Skeleton height={240} />
          </SimpleGrid>
        </Stack>
      </>
    );
  }

  const { network, consortium, nodes, partnerNetworks } = overview.data;
  return (
    <>
      <PageHeader
        title={network?.shortName ? `${t('network.title')}: ${network.shortName}` : t('network.title')}
        description={network ? network.name : t('network.description')}
        actions={
          <ButtonLink to="/netzwerk/graph" variant="light" leftSection={<IconAffiliate size={16} />}>
            {t('graph.openLink')}
          </ButtonLink>
        }
      />
      {network?.description && (
        <Text size="sm" mb="lg" maw={900}>
          {network.description}
        </Text>
      )}

      <Section title={t('network.consortium')} hint={t('network.consortiumHint')}>
        {consortium.length === 0 ? (
          <EmptyState icon={<IconBuildingFactory2 size={28} />} title={t('network.noConsortium')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {consortium.map((p) => (
              <Card key={p.relationId} withBorder radius="md" padding="md">
                <AnchorLink to="/organisationen/$id" params={{ id: p.organization.id }} fw={600}>
                  {p.organization.name}
                </AnchorLink>
                {p.responsibility && (
                  <Text size="sm" mt={6}>
                    <Text span c="dimmed" size="sm">
                      {t('network.responsibility')}:
                    </Text>{' '}
                    <Text span fw={600} size="sm">
                      {p.responsibility}
                    </Text>
                  </Text>
                )}
                <Text size="xs" c="dimmed" mt={4}>
                  {[
                    p.fromDate && t('network.since', { date: formatDate(p.fromDate) }),
                    p.toDate && t('network.until', { date: formatDate(p.toDate) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('network.nodes')} hint={t('network.nodesHint')}>
        {nodes.length === 0 ? (
          <EmptyState icon={<IconMapPin size={28} />} title={t('network.noNodes')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
            {nodes.map((node) => (
              <NodeCard key={node.id} node={node} />
            ))}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('network.partnerNetworks')} hint={t('network.partnerNetworksHint')}>
        {partnerNetworks.length === 0 ? (
          <EmptyState icon={<IconAffiliate size={28} />} title={t('network.noPartnerNetworks')} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {partnerNetworks.map((n) => (
              <PartnerNetwork key={n.id} network={n} />
            ))}
          </SimpleGrid>
        )}
      </Section>
    </>
  );
}
