import { Button } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client.ts';
import { EmptyState } from './empty-state.tsx';

type Props = { error?: unknown; title?: string; message?: string; onRetry?: () => void };

/** Failed load: says what failed (with the server's request id when there is one) and offers a retry. */
export function ErrorState({ error, title, message, onRetry }: Props) {
  const { t } = useTranslation();
  const detail =
    isApiError(error) && error.status === 0
      ? t('common.networkError')
      : isApiError(error) && error.status === 403
        ? t('common.forbidden')
        : (message ?? t('common.unexpectedError'));
  return (
    <EmptyState
      icon={<IconAlertTriangle size={28} />}
      title={title ?? t('common.errorTitle')}
      description={detail}
      actions={
        onRetry && (
          <Button leftSection={<IconRefresh size={16} />} variant="light" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
