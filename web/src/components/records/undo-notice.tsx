import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** "X was deleted" with an undo button, for ten seconds. */
export function showUndoNotice({ id, message, undo }: { id: string; message: string; undo: [string, () => void] }) {
  notifications.show({
    id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            undo[1]();
          }}
        >
          {undo[0]}
        </Button>
      </Group>
    ),
  });
}
