import {
  Alert,
  Box,
  Button,
  Center,
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
import { IconAlertCircle, IconClockHour4, IconSteeringWheel } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { isApiError, session } from '../../lib/api-client.ts';
import { formatWait } from '../../lib/format.ts';
import { useLoginMutation } from './api.ts';
import { safeRedirect } from './session.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const login = useLoginMutation();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('auth.required')),
      password: (v) => (v ? null : t('auth.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    login.mutate(values, {
      onSuccess: () => navigate({ href: safeRedirect(redirect), replace: true }),
      onError: (err) => {
        if (isApiError(err, 400)) form.setErrors(err.fieldErrors);
      },
    });
  });

  const err = login.error;
  const alert = !err
    ? null
    : isApiError(err, 401)
      ? t('auth.invalidCredentials')
      : isApiError(err, 429)
        ? err.retryAfter
          ? t('auth.tooManyAttempts', { when: formatWait(err.retryAfter) })
          : t('auth.tooManyAttemptsLater')
        : isApiError(err, 400)
          ? null
          : isApiError(err, 0)
            ? t('common.networkError')
            : t('common.unexpectedError');

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
            <form onSubmit={submit} noValidate aria-labelledby="login-title">
              <Stack gap="md">
                <div>
                  <Title order={2} fz={20} id="login-title">
                    {t('auth.title')}
                  </Title>
                  <Text size="sm" c="dimmed" mt={4}>
                    {t('auth.intro')}
                  </Text>
                </div>
                {!alert && session.lost && (
                  <Alert color="yellow" variant="light" icon={<IconClockHour4 size={18} />}>
                    {t('auth.sessionExpired')}
                  </Alert>
                )}
                {alert && (
                  <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                    {alert}
                  </Alert>
                )}
                <TextInput
                  label={t('auth.email')}
                  type="email"
                  autoComplete="username"
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
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
