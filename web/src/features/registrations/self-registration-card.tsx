import type { EventDetail } from '@anett/shared/schemas/event';
import { Button, Card, CopyButton, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCopy, IconExternalLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/router-link.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { registrationStatsOptions } from './api.ts';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </div>
  );
}

/** On the event page: the public registration page and what came of it (no visits are tracked). */
export function SelfRegistrationCard({ event }: { event: EventDetail }) {
  const { t } = useLabels();
  const stats = useQuery(registrationStatsOptions(event.id));
  if (!event.publicRegistration && !stats.data?.submitted) return null;
  const url = event.publicSlug ? `${window.location.origin}/anmeldung/${event.publicSlug}` : null;
  const s = stats.data;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="self-registration-title">
      <Stack gap="sm">
        <Title order={2} fz="md" id="self-registration-title">
          {t('registrations.card.title')}
        </Title>
        {event.publicRegistration && url ? (
          <Group gap="xs">
            <Button
              component="a"
              href={url}
              target="_blank"
              rel="noopener"
              size="xs"
              variant="light"
              leftSection={<IconExternalLink size={14} />}
            >
              {t('registrations.card.open')}
            </Button>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={copy}>
                  {copied ? t('registrations.card.copied') : t('registrations.card.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('registrations.card.off')}
          </Text>
        )}
        {s && (
          <>
            <SimpleGrid cols={3} spacing="xs">
              <Figure label={t('registrations.card.submitted')} value={formatNumber(s.submitted)} />
              <Figure label={t('registrations.card.pending')} value={formatNumber(s.pending)} />
              <Figure label={t('registrations.card.confirmed')} value={formatNumber(s.confirmed)} />
            </SimpleGrid>
            <Text size="sm">
              {t('registrations.card.conversion')}:{' '}
              <Text span fw={600}>
                {s.conversion === null ? '–' : `${formatNumber(Math.round(s.conversion * 100))} %`}
              </Text>
              <Text span size="xs" c="dimmed" display="block">
                {t('registrations.card.conversionHelp')}
                {s.expired + s.cancelled > 0 &&
                  ` · ${t('registrations.card.expired')} ${s.expired} · ${t('registrations.card.cancelled')} ${s.cancelled}`}
              </Text>
            </Text>
            {s.duplicates.length > 0 && (
              <div>
                <AnchorLink to="/verwaltung/dubletten" size="sm" fw={500}>
                  {t('registrations.card.duplicates')}
                </AnchorLink>
                <List size="sm" spacing={2}>
                  {s.duplicates.map((d) => (
                    <List.Item key={d.personId}>
                      {t('registrations.card.duplicateOf', { name: d.name, ids: d.candidates.join(', ') })}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
