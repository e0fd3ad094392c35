import { notifications } from '@mantine/notifications';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';

/**
 * The error handler of a record page's actions: a 412 means the record changed meanwhile — say so and reload it;
 * the record's own error codes (`<ns>.errors.<CODE>`) are explained, anything else is shown as it came.
 */
export function useRecordFailure(
  ns: 'persons' | 'organizations',
  reload: (queryClient: QueryClient) => Promise<unknown>,
) {
  const { t } = useLabels();
  const queryClient = useQueryClient();
  const conflict = () => {
    notifications.show({ color: 'orange', message: t(`${ns}.conflictReloaded`) });
    void reload(queryClient);
  };
  const failed = (err: unknown) => {
    if (isApiError(err, 412)) return conflict();
    const explained = t(`${ns}.errors`, { returnObjects: true }) as Record<string, string>;
    notifications.show({
      color: 'red',
      title: t('common.errorTitle'),
      message: (isApiError(err) && explained[err.code]) || errorMessage(t, err),
    });
  };
  return { failed, conflict };
}
