import { Button, type ButtonProps } from '@mantine/core';
import type { PagedColumn } from './paged-table.tsx';

/** A column of one button per row: its header only for screen readers, each button naming the row it acts on (`of`). */
export function actionColumn<T>(
  label: string,
  of: (item: T) => string,
  onClick: (item: T) => void,
  button: ButtonProps,
): PagedColumn<T> {
  return {
    title: label,
    hiddenTitle: true,
    cell: (item) => (
      <Button {...button} onClick={() => onClick(item)} aria-label={`${label}: ${of(item)}`}>
        {label}
      </Button>
    ),
  };
}
