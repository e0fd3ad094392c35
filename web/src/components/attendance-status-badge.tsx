import { ATTENDANCE_STATUS, type AttendanceStatus } from '@anett/shared/vocab/enums';
import { Badge, type BadgeProps } from '@mantine/core';
import { useLabels } from '../lib/i18n.ts';

export const STATUS_COLOR: Record<AttendanceStatus, string> = {
  interested: 'gray',
  registered: 'blue',
  waitlisted: 'orange',
  attended: 'green',
  no_show: 'red',
  cancelled: 'dark',
};

/** An attendance status as a coloured badge (the colour repeats the word, it never replaces it). */
export function AttendanceStatusBadge({ status, ...props }: BadgeProps & { status: AttendanceStatus }) {
  const { label } = useLabels();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" {...props}>
      {label(ATTENDANCE_STATUS, status)}
    </Badge>
  );
}
