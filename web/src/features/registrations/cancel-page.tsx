import type { CancelInfo } from '@anett/shared/schemas/registration';
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useLabels } from '../../lib/i18n.ts';
import { cancelInfoOptions, useCancelRegistration } from './api.ts';
import { formatWhen } from './format.ts';
import { linkErrorText } from './link-error.ts';
import { LinkGate } from './link-gate.tsx';
import { PublicLayout } from './public-layout.tsx';

/** /absage?token=…: the person cancels their registration; the seat goes to the waiting list. */
export function CancelPage() {
  const { t } = useLabels();
  const { token = '' } = useSearch({ from: '/absage' });
  const info = useQuery({ ...cancelInfoOptions(token), enabled: token !== '' });
  return (
    <PublicLayout title={t('registrations.cancelTitle')}>
      <LinkGate token={token} query={info} placeholderHeight={140}>
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
  if (registration.status === 'cancelled') {
    return (
      <Alert color="gray" role="status">
        {t('registrations.alreadyCancelled')}
      </Alert>
    );
  }
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="md">
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
      </Stack>
    </Card>
  );
}
