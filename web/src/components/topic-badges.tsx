import { Badge } from '@mantine/core';
import { useLabels } from '../lib/i18n.ts';
import { topicLabel } from '../lib/reference-data.ts';

type Topic = { id: number; label: string; labelEn: string };

/** A record's topics as grey badges in the UI language (a contact in the log and in a timeline). */
export function TopicBadges({ topics }: { topics: Topic[] }) {
  const { lang } = useLabels();
  return topics.map((topic) => (
    <Badge key={topic.id} size="sm" radius="sm" variant="light" color="gray">
      {topicLabel(topic, lang)}
    </Badge>
  ));
}
