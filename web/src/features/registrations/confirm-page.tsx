import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconHourglass } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useLabels } from '../../lib/i18n.ts';
import { useConfirmRegistration } from './api.ts';
import { formatWhen } from './format.ts';
import { linkErrorText } from './link-error.ts';
import { PublicLayout } from './public-layout.tsx';

/**
 * /bestaetigung?token=…: opening the link from the mail confirms the registration. The page posts it once it runs, so
 * a mail scanner that only fetches the link confirms nothing.
 */
export function ConfirmPage() {
  const { t, lang } = useLabels();
  const { token } = useSearch({ from: '/bestaetigung' });
  const confirm = useConfirmRegistration();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  return (
    <PublicLayout title={t('registrations.confirmTitle')}>
      <Stack gap="md" aria-live="polite">
        {!token ? (
          <Alert color="red" role="alert">
            {t('registrations.linkInvalid')}
          </Alert>
        ) : confirm.isError ? (
          <Alert color="red" role="alert" title={t('registrations.confirmTitle')}>
            {linkErrorText(t, confirm.error)}
          </Alert>
        ) : confirm.data ? (
          <Alert
            color={confirm.data.status === 'registered' ? 'green' : 'orange'}
            icon={confirm.data.status === 'registered' ? <IconCircleCheck size={22} /> : <IconHourglass size={22} />}
            role="status"
          >
            <Title order={1} fz={22} mb={6}>
              {confirm.data.status === 'registered'
                ? t('registrations.confirmedTitle')
                : t('registrations.waitlistedTitle')}
            </Title>
            <Text>
              {t(
                confirm.data.status === 'registered' ? 'registrations.confirmedText' : 'registrations.waitlistedText',
                {
                  title: confirm.data.eventTitle,
                  date: formatWhen(confirm.data.startsAt, null, lang),
                  email: confirm.data.email,
                },
              )}
            </Text>
          </Alert>
        ) : (
          <Stack align="center" py="xl">
            <Loader aria-hidden />
            <Text>{t('registrations.confirming')}</Text>
          </Stack>
        )}
      </Stack>
    </PublicLayout>
  );
}
