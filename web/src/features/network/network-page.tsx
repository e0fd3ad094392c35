import type { Network, NetworkOverview, Node } from '@anett/shared/schemas/network';
import { districtLabel } from '@anett/shared/vocab/districts';
import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAffiliate, IconBuildingFactory2, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { CardsSkeleton } from '../../components/data-table-parts.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { capitalize, formatDate, formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { networkOverviewOptions } from './api.ts';

/**
 * A section of the page (`network.<name>`, its hint `network.<name>Hint`): a card per item, three abreast from `wide`
 * on, or the empty state `network.no<Name>` when there is none.
 */
function Section<T>(props: {
  name: 'consortium' | 'nodes' | 'partnerNetworks';
  icon: ReactNode;
  items: T[];
  wide?: 'lg' | 'xl';
  card: (item: T) => ReactNode;
}) {
  const { t } = useLabels();
  const { name } = props;
  return (
    <Stack gap="sm" component="section" mb="xl">
      <div>
        <Title order={2} fz="lg">
          {t(`network.${name}`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`network.${name}Hint`)}
        </Text>
      </div>
      {props.items.length === 0 ? (
        <EmptyState icon={props.icon} title={t(`network.no${capitalize(name)}`)} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, [props.wide ?? 'lg']: 3 }} spacing="md">
          {props.items.map(props.card)}
        </SimpleGrid>
      )}
    </Stack>
  );
}

type Consortium = NetworkOverview['consortium'][number];

const websiteHref = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);

/** One of a node's counts; with `list`, a link to that list filtered by the node. */
function Count({
  node,
  value,
  label,
  list,
}: {
  node: Node;
  value: number;
  label: string;
  list?: '/organisationen' | '/personen';
}) {
  const { t } = useLabels();
  const tile = (
    <Paper p={6} radius="md" bg={list ? 'anett.0' : 'gray.0'}>
      <Stack gap={0} align="center">
        <Text fw={700} fz="xl" lh={1.2}>
          {formatNumber(value)}
        </Text>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Stack>
      {list && <span className="visually-hidden">{t('network.ofNode', { name: node.name })}</span>}
    </Paper>
  );
  return list ? (
    <AnchorLink to={list} search={{ nodeId: [node.id] }} underline="never" c="inherit">
      {tile}
    </AnchorLink>
  ) : (
    tile
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
        <Count
          node={node}
          value={node.counts.organizations}
          label={t('network.organizations')}
          list="/organisationen"
        />
        <Count node={node} value={node.counts.persons} label={t('network.persons')} list="/personen" />
        <Count node={node} value={node.counts.events} label={t('network.events')} />
      </SimpleGrid>
    </Card>
  );
}

/** A member of the consortium: the organisation, its responsibility and since when. */
function ConsortiumCard({ partner: p }: { partner: Consortium }) {
  const { t } = useLabels();
  return (
    <Card withBorder radius="md" padding="md">
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
          <CardsSkeleton height={96} cols={{ base: 1, sm: 3 }} />
          <CardsSkeleton height={240} cols={{ base: 1, sm: 2, lg: 3 }} />
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

      <Section
        name="consortium"
        icon={<IconBuildingFactory2 size={28} />}
        items={consortium}
        card={(p) => <ConsortiumCard key={p.relationId} partner={p} />}
      />
      <Section
        name="nodes"
        icon={<IconMapPin size={28} />}
        items={nodes}
        wide="xl"
        card={(node) => <NodeCard key={node.id} node={node} />}
      />
      <Section
        name="partnerNetworks"
        icon={<IconAffiliate size={28} />}
        items={partnerNetworks}
        card={(n) => <PartnerNetwork key={n.id} network={n} />}
      />
    </>
  );
}
