import { Group, SegmentedControl, type SegmentedControlProps, Stack, Text } from '@mantine/core';
import { useId } from 'react';

type Props = SegmentedControlProps & {
  label: string;
  /** The label beside the control (a toolbar) instead of above it (a form field). */
  inline?: boolean;
};

/** A segmented control with a visible label that names it (SegmentedControl has no `label` of its own). */
export function SegmentedField({ label, inline, ...control }: Props) {
  const id = useId();
  const Frame = inline ? Group : Stack;
  return (
    <Frame gap={inline ? 'xs' : 4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...control} />
    </Frame>
  );
}
