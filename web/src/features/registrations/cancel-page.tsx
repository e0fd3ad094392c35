import { Alert, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useLabels } from '../../lib/i18n.ts';
import { cancelInfoOptions, useCancelRegistration } from './api.ts';
import { formatWhen } from './format.ts';
import { linkErrorText } from './link-error.ts';
import { PublicLayout } from './public-layout.tsx';

/** /absage?token=…: the person cancels their registration; the seat goes to the waiting list. */
export function CancelPage() {
  const { t, lang } = useLabels();
  const { token = '' } = useSearch({ from: '/absage' });
  const info = useQuery({ ...cancelInfoOptions(token), enabled: token !== '' });
  const cancel = useCancelRegistration();

  let content: React.ReactNode;
  if (!token || info.isError) {
    content = (
      <Alert color="red" role="alert">
        {token ? linkErrorText(t, info.error) : t('registrations.linkInvalid')}
      </Alert>
    );
  } else if (info.isPending) {
    content = <Skeleton h={140} />;
  } else if (cancel.isSuccess) {
    content = (
      <Alert color="green" role="status" title={t('registrations.cancelledTitle')}>
        {t('registrations.cancelledText')}
      </Alert>
    );
  } else if (info.data.status === 'cancelled') {
    content = (
      <Alert color="gray" role="status">
        {t('registrations.alreadyCancelled')}
      </Alert>
    );
  } else {
    content = (
      <Card withBorder radius="md" padding="lg">
        <Stack gap="md">
          <Title order={1} fz={22}>
            {t('registrations.cancelTitle')}
          </Title>
          <Text>
            {t('registrations.cancelText', {
              name: info.data.name,
              title: info.data.eventTitle,
              date: formatWhen(info.data.startsAt, null, lang),
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
  return <PublicLayout title={t('registrations.cancelTitle')}>{content}</PublicLayout>;
}
