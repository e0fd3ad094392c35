import { Group, SegmentedControl, type SegmentedControlProps, Stack, Text } from '@mantine/core';
import { useId } from 'react';

type Props = SegmentedControlProps & {
  /** The visible label; it also names the control for screen readers. */
  label: string;
  /** Label beside the control (a view switch) instead of above it (a form field). */
  inline?: boolean;
};

/** A segmented control with a visible label: Mantine's has none, and a form field or view switch needs one. */
export function LabelledSegments({ label, inline, ...props }: Props) {
  const id = useId();
  const content = (
    <>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...props} />
    </>
  );
  return inline ? (
    <Group gap="xs" wrap="wrap">
      {content}
    </Group>
  ) : (
    <Stack gap={4}>{content}</Stack>
  );
}
