import { Alert, Card, Skeleton, Stack } from '@mantine/core';
import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLabels } from '../../lib/i18n.ts';
import { linkErrorText } from './link-error.ts';

type Props<T, K extends QueryKey> = {
  token: string;
  /** What the link's token opens (not asked for without a token). */
  options: (token: string) => UseQueryOptions<T, Error, T, K>;
  placeholderHeight: number;
  children: (data: T) => ReactNode;
};

/** A page opened from a mailed link: without a token, or when the server refuses it, why; while loading, a placeholder. */
export function LinkGate<T, K extends QueryKey>({ token, options, placeholderHeight, children }: Props<T, K>) {
  const { t } = useLabels();
  const query = useQuery({ ...options(token), enabled: token !== '' });
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

/** What an opened link offers: a grey notice when there is nothing to do (`notice`), else the card with the choices. */
export function LinkPanel({ notice, children }: { notice: string | false; children: ReactNode }) {
  if (notice) {
    return (
      <Alert color="gray" role="status">
        {notice}
      </Alert>
    );
  }
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}
