import { Group, Paper, Text, Title } from '@mantine/core';
import type { LinkProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink } from './router-link.tsx';

/** A bordered section of a page with its heading, an optional hint and actions on the right (dashboard, reports);
 * `more` is the small link to the whole list or report the section previews. */
export function SectionPanel({
  title,
  hint,
  actions,
  more,
  children,
}: {
  title: string;
  hint?: string;
  actions?: ReactNode;
  more?: { to: LinkProps['to']; label: string };
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
        <div>
          <Title order={2} fz="lg">
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions}
        {more && (
          <AnchorLink to={more.to} size="sm">
            {more.label}
          </AnchorLink>
        )}
      </Group>
      {children}
    </Paper>
  );
}
