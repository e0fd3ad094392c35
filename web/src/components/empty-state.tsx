import { EmptyState as MantineEmptyState, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { icon: ReactNode; title: ReactNode; description?: ReactNode; actions?: ReactNode; withBorder?: boolean };

/** A friendly "nothing here (yet)" block with an optional action. */
export function EmptyState({ icon, title, description, actions, withBorder = true }: Props) {
  return (
    <Paper withBorder={withBorder} radius="md" py={48} px="lg">
      <MantineEmptyState
        icon={icon}
        variant="light"
        title={title}
        description={description}
        maw={520}
        mx="auto"
        styles={{ title: { textWrap: 'balance' }, description: { textWrap: 'pretty' } }}
      >
        {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Paper>
  );
}
