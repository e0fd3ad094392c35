import '@mantine/charts/styles.css';
import type { Dashboard } from '@anett/shared/schemas/dashboard';
import { Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { EmptyState } from '../../components/empty-state.tsx';
import { AnchorLink } from '../../components/router-link.tsx';
import { SectionPanel } from '../../components/section-panel.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { messages } from './messages.ts';

export type ActivityEntry = Dashboard['recentActivity'][number];

export const ACTIONS = messages.de.activityBy;

export const ENTITIES = messages.de.activityEntity;

/** The entry as a sentence in the UI language (the API's `text` is German only). */
export function activitySentence(entry: ActivityEntry, t: TFunction) {
  const entity = (entry.entity in ENTITIES ? entry.entity : 'other') as keyof typeof ENTITIES;
  const action = (entry.action in ACTIONS ? entry.action : 'fallback') as keyof typeof ACTIONS;
  const what = [t(`dashboard.activityEntity.${entity}`), entry.label && t('dashboard.quoted', { label: entry.label })]
    .filter(Boolean)
    .join(' ');
  return t(`dashboard.activityBy.${action}`, { user: entry.user?.name ?? t('dashboard.activitySystem'), what });
}

export function ActivityText({ entry }: { entry: ActivityEntry }) {
  const { t } = useLabels();
  const text = activitySentence(entry, t);
  const id = entry.entityId;
  if (id != null && entry.label) {
    const i = text.indexOf(entry.label);
    const link =
      entry.entity === 'person' ? (
        <AnchorLink to="/personen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : entry.entity === 'organization' ? (
        <AnchorLink to="/organisationen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : entry.entity === 'event' ? (
        <AnchorLink to="/veranstaltungen/$id" params={{ id }} size="sm">
          {entry.label}
        </AnchorLink>
      ) : null;
    if (link && i >= 0) {
      return (
        <Text size="sm">
          {text.slice(0, i)}
          {link}
          {text.slice(i + entry.label.length)}
        </Text>
      );
    }
  }
  return <Text size="sm">{text}</Text>;
}

export function RecentActivity({ entries }: { entries: Dashboard['recentActivity'] }) {
  const { t } = useLabels();
  return (
    <SectionPanel title={t('dashboard.activity')}>
      {entries.length === 0 ? (
        <EmptyState withBorder={false} icon={<IconHistory size={28} />} title={t('dashboard.noActivity')} />
      ) : (
        <Stack gap="xs">
          {entries.map((e) => (
            <div key={e.id}>
              <ActivityText entry={e} />
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </SectionPanel>
  );
}
