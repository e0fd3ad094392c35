import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; description?: ReactNode; actions?: ReactNode; meta?: ReactNode };

/** Title row of every page: h1, a one-line description, optional actions on the right. */
export function PageHeader({ title, description, actions, meta }: Props) {
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md" mb="lg">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Group gap="sm" align="baseline" wrap="wrap">
          <Title order={1} fz={{ base: 24, md: 28 }} maw="100%">
            {title}
          </Title>
          {meta}
        </Group>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && (
        <Group gap="sm" wrap="wrap">
          {actions}
        </Group>
      )}
    </Group>
  );
}
