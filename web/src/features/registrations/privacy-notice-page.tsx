import { Card, Text, Title } from '@mantine/core';
import { useLabels } from '../../lib/i18n.ts';
import { PublicLayout } from './public-layout.tsx';

/** The privacy notice the registration form links to. */
export function PrivacyNoticePage() {
  const { t } = useLabels();
  return (
    <PublicLayout title={t('registrations.privacyTitle')}>
      <Card withBorder radius="md" padding="lg">
        <Title order={1} fz={24} mb="md">
          {t('registrations.privacyTitle')}
        </Title>
        <Text>{t('registrations.privacyText')}</Text>
      </Card>
    </PublicLayout>
  );
}
