import type { SecondFactorChallenge } from '@anett/shared/schemas/auth';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Divider,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconClockHour4, IconFingerprint, IconSteeringWheel } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEventHandler, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { isApiError, session } from '../../lib/api-client.ts';
import { formatWait } from '../../lib/format.ts';
import { safeRedirect } from '../../lib/session.ts';
import { passkeysSupported, useLoginMutation, usePasskeyLoginMutation, useSecondFactorMutation } from './api.ts';

const route = getRouteApi('/login');

type Challenge = SecondFactorChallenge['secondFactor'];

/** Errors of any login step as one sentence for the alert; null for field errors shown at the field. */
function useAlertText(err: unknown): string | null {
  const { t } = useTranslation();
  if (!err) return null;
  if (err instanceof DOMException) return t('security.login.passkeyCancelled');
  if (isApiError(err) && err.code === 'SECOND_FACTOR_EXPIRED') return t('security.login.expired');
  if (isApiError(err) && err.code === 'PASSKEY_NOT_ACCEPTED') return t('security.login.passkeyFailed');
  if (isApiError(err, 401)) return t('auth.invalidCredentials');
  if (isApiError(err, 429))
    return err.retryAfter
      ? t('auth.tooManyAttempts', { when: formatWait(err.retryAfter) })
      : t('auth.tooManyAttemptsLater');
  if (isApiError(err, 400)) return null;
  if (isApiError(err, 0)) return t('common.networkError');
  if (err instanceof Error && err.name === 'NotAllowedError') return t('security.login.passkeyCancelled');
  return t('common.unexpectedError');
}

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const done = () => navigate({ href: safeRedirect(redirect), replace: true });

  return (
    <Box mih="100dvh" className="login-backdrop">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md" pb={64} pt={{ base: 16, sm: 48 }}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={6} align="center" ta="center">
            <ThemeIcon size={56} radius="xl" variant="filled" aria-hidden>
              <IconSteeringWheel size={32} />
            </ThemeIcon>
            <Title order={1} fz={28}>
              {t('app.fullName')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper component="main" withBorder shadow="sm" radius="md" p={{ base: 'lg', sm: 'xl' }}>
            {challenge ? (
              <SecondFactorStep challenge={challenge} onDone={done} onBack={() => setChallenge(null)} />
            ) : (
              <PasswordStep onDone={done} onChallenge={setChallenge} />
            )}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}

function PasswordStep({ onDone, onChallenge }: { onDone: () => void; onChallenge: (c: Challenge) => void }) {
  const { t } = useTranslation();
  const login = useLoginMutation();
  const passkey = usePasskeyLoginMutation();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('auth.required')),
      password: (v) => (v ? null : t('auth.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    passkey.reset();
    login.mutate(values, {
      onSuccess: (res) => ('secondFactor' in res ? onChallenge(res.secondFactor) : onDone()),
      onError: (err) => {
        if (isApiError(err, 400)) form.setErrors(err.fieldErrors);
      },
    });
  });
  const alert = useAlertText(passkey.error ?? login.error);

  return (
    <LoginStep title={t('auth.title')} intro={t('auth.intro')} alert={alert} onSubmit={submit}>
      {!alert && session.lost && (
        <Alert color="yellow" variant="light" icon={<IconClockHour4 size={18} />}>
          {t('auth.sessionExpired')}
        </Alert>
      )}
      <TextInput
        label={t('auth.email')}
        type="email"
        autoComplete="username webauthn"
        autoFocus
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t('auth.password')}
        autoComplete="current-password"
        required
        {...form.getInputProps('password')}
      />
      <Button type="submit" fullWidth loading={login.isPending} mt="xs">
        {t('auth.submit')}
      </Button>
      {passkeysSupported() && (
        <>
          <Divider label={t('security.login.or')} labelPosition="center" />
          <Button
            variant="default"
            fullWidth
            leftSection={<IconFingerprint size={18} />}
            loading={passkey.isPending}
            onClick={() => {
              login.reset();
              passkey.mutate(undefined, { onSuccess: onDone });
            }}
          >
            {t('security.login.passkey')}
          </Button>
        </>
      )}
    </LoginStep>
  );
}

function SecondFactorStep({
  challenge,
  onDone,
  onBack,
}: {
  challenge: Challenge;
  onDone: () => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const canTotp = challenge.methods.includes('totp');
  const canRecovery = challenge.methods.includes('recovery');
  const canPasskey = challenge.methods.includes('passkey') && passkeysSupported();
  const [method, setMethod] = useState<'totp' | 'recovery' | null>(canTotp ? 'totp' : canPasskey ? null : 'recovery');
  const verify = useSecondFactorMutation();
  const passkey = usePasskeyLoginMutation();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim() ? null : t('auth.required')) },
  });

  const submit = form.onSubmit(({ code }) => {
    if (!method) return;
    passkey.reset();
    verify.mutate(
      { challenge: challenge.challenge, method, code },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (isApiError(err, 400)) form.setErrors({ code: t('security.login.wrongCode') });
          if (isApiError(err) && err.code === 'SECOND_FACTOR_EXPIRED') onBack();
        },
      },
    );
  });
  const switchTo = (next: 'totp' | 'recovery') => {
    setMethod(next);
    form.reset();
    verify.reset();
  };
  const alert = useAlertText(passkey.error ?? (verify.error && !isApiError(verify.error, 400) ? verify.error : null));

  return (
    <LoginStep
      title={t('security.login.secondTitle')}
      intro={
        method === 'totp'
          ? t('security.login.totpIntro')
          : method === 'recovery'
            ? t('security.login.recoveryIntro')
            : t('security.login.passkeyIntro')
      }
      alert={alert}
      onSubmit={submit}
    >
      {method && (
        <>
          <TextInput
            key={method}
            label={method === 'totp' ? t('security.login.code') : t('security.login.recoveryCode')}
            autoComplete="one-time-code"
            inputMode={method === 'totp' ? 'numeric' : 'text'}
            autoFocus
            required
            maxLength={method === 'totp' ? 6 : 20}
            {...form.getInputProps('code')}
          />
          <Button type="submit" fullWidth loading={verify.isPending}>
            {t('security.login.confirm')}
          </Button>
        </>
      )}
      {canPasskey && (
        <Button
          variant={method ? 'default' : 'filled'}
          fullWidth
          leftSection={<IconFingerprint size={18} />}
          loading={passkey.isPending}
          onClick={() => {
            verify.reset();
            passkey.mutate(challenge.challenge, { onSuccess: onDone });
          }}
        >
          {t('security.login.confirmPasskey')}
        </Button>
      )}
      <Stack gap={4} align="flex-start">
        {canTotp && method !== 'totp' && (
          <Anchor component="button" type="button" size="sm" onClick={() => switchTo('totp')}>
            {t('security.login.useTotp')}
          </Anchor>
        )}
        {canRecovery && method !== 'recovery' && (
          <Anchor component="button" type="button" size="sm" onClick={() => switchTo('recovery')}>
            {t('security.login.useRecovery')}
          </Anchor>
        )}
        <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onBack}>
          {t('security.login.back')}
        </Anchor>
      </Stack>
    </LoginStep>
  );
}

type StepProps = {
  title: string;
  intro: string;
  /** Why the last try failed. */
  alert: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
};

/** One step of the sign-in (password, then second factor): a form named by its heading, the intro, the last failure. */
function LoginStep({ title, intro, alert, onSubmit, children }: StepProps) {
  const titleId = useId();
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz={20} id={titleId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {intro}
          </Text>
        </div>
        {alert && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {alert}
          </Alert>
        )}
        {children}
      </Stack>
    </form>
  );
}
