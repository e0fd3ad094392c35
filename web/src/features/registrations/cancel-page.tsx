import type { CancelInfo } from '@anett/shared/schemas/registration';
import { Alert, Button, Text, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { useLabels } from '../../lib/i18n.ts';
import { cancelInfoOptions, useCancelRegistration } from './api.ts';
import { formatWhen } from './format.ts';
import { linkErrorText } from './link-error.ts';
import { LinkGate, LinkPanel } from './link-gate.tsx';
import { PublicLayout } from './public-layout.tsx';

/** /absage?token=…: the person cancels their registration; the seat goes to the waiting list. */
export function CancelPage() {
  const { t } = useLabels();
  const { token = '' } = useSearch({ from: '/absage' });
  return (
    <PublicLayout title={t('registrations.cancelTitle')}>
      <LinkGate token={token} options={cancelInfoOptions} placeholderHeight={140}>
        {(registration) => <CancelRegistration token={token} registration={registration} />}
      </LinkGate>
    </PublicLayout>
  );
}

function CancelRegistration({ token, registration }: { token: string; registration: CancelInfo }) {
  const { t, lang } = useLabels();
  const cancel = useCancelRegistration();
  if (cancel.isSuccess) {
    return (
      <Alert color="green" role="status" title={t('registrations.cancelledTitle')}>
        {t('registrations.cancelledText')}
      </Alert>
    );
  }
  return (
    <LinkPanel notice={registration.status === 'cancelled' && t('registrations.alreadyCancelled')}>
      <Title order={1} fz={22}>
        {t('registrations.cancelTitle')}
      </Title>
      <Text>
        {t('registrations.cancelText', {
          name: registration.name,
          title: registration.eventTitle,
          date: formatWhen(registration.startsAt, null, lang),
        })}
      </Text>
      {cancel.isError && (
        <Alert color="red" role="alert">
          {linkErrorText(t, cancel.error)}
        </Alert>
      )}
      <Button color="red" w="fit-content" loading={cancel.isPending} onClick={() => cancel.mutate(token)}>
        {t('registrations.cancelButton')}
      </Button>
    </LinkPanel>
  );
}
