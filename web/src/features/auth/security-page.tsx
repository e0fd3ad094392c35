import { Alert, Button, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { factorsOptions } from './api.ts';
import { PasskeysCard } from './security-passkeys.tsx';
import { RecoveryCard, RecoveryCodesModal } from './security-recovery.tsx';
import { Section } from './security-section.tsx';
import { TotpCard } from './security-totp.tsx';

const ChangePasswordModal = lazy(() =>
  import('./change-password-modal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);

/** The own account's password, authenticator app, passkeys and recovery codes ("enrol now" lands here too). */
export function SecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const factors = useQuery(factorsOptions());
  const [passwordOpen, password] = useDisclosure(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <>
      <PageHeader title={t('security.page.title')} description={t('security.page.description')} />
      <Stack gap="lg" maw={880}>
        {user.secondFactor === 'required' ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={20} />}
            title={t('security.page.requiredTitle')}
          >
            {t('security.page.required')}
          </Alert>
        ) : (
          <Alert
            color={user.secondFactor === 'enrolled' ? 'teal' : 'blue'}
            variant="light"
            icon={<IconShieldCheck size={20} />}
          >
            {user.secondFactor === 'enrolled' ? t('security.page.enrolledNote') : t('security.page.optionalNote')}
          </Alert>
        )}
        {factors.isError ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : !factors.data ? (
          <Skeleton h={320} radius="md" />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TotpCard confirmedAt={factors.data.totp?.confirmedAt ?? null} onCodes={setCodes} />
            <PasskeysCard passkeys={factors.data.passkeys} onCodes={setCodes} />
            <RecoveryCard
              left={factors.data.recoveryCodesLeft}
              hasFactor={factors.data.state === 'enrolled'}
              onCodes={setCodes}
            />
            <Section card="password">
              <Button variant="default" onClick={password.open}>
                {t('security.password.change')}
              </Button>
            </Section>
          </SimpleGrid>
        )}
      </Stack>
      {passwordOpen && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={password.close} />
        </Suspense>
      )}
      <RecoveryCodesModal codes={codes} onClose={() => setCodes(null)} />
    </>
  );
}
