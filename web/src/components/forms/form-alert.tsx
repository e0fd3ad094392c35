import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** The error above a form's fields (what is not about one field); renders nothing without a message. */
export function FormAlert({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {children}
    </Alert>
  );
}
