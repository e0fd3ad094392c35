import { Alert, Skeleton } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLabels } from '../../lib/i18n.ts';
import { linkErrorText } from './link-error.ts';

type Props<T> = {
  token: string;
  /** What the link's token opens (not sent without a token). */
  query: UseQueryResult<T>;
  placeholderHeight: number;
  children: (data: T) => ReactNode;
};

/** A page opened from a mailed link: without a token, or when the server refuses it, why; while loading, a placeholder. */
export function LinkGate<T>({ token, query, placeholderHeight, children }: Props<T>) {
  const { t } = useLabels();
  if (!token || query.isError) {
    return (
      <Alert color="red" role="alert">
        {token ? linkErrorText(t, query.error) : t('registrations.linkInvalid')}
      </Alert>
    );
  }
  if (query.isPending) return <Skeleton h={placeholderHeight} />;
  return children(query.data);
}
