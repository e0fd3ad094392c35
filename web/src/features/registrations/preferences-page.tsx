import type { Preferences } from '@anett/shared/schemas/registration';
import { CONSENT_CHANNEL, type ConsentChannel } from '@anett/shared/vocab/enums';
import { Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useSearch } from '@tanstack/react-router';
import { formatDate } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { preferencesOptions, useSetPreference } from './api.ts';
import { linkErrorText } from './link-error.ts';
import { LinkGate, LinkPanel } from './link-gate.tsx';
import { PublicLayout } from './public-layout.tsx';

/** /einstellungen?token=…: the preference centre — consents per channel, withdrawn or granted with one switch. */
export function PreferencesPage() {
  const { t } = useLabels();
  const { token = '' } = useSearch({ from: '/einstellungen' });
  return (
    <PublicLayout title={t('registrations.prefsTitle')}>
      <Stack gap="md">
        <Title order={1} fz={24}>
          {t('registrations.prefsTitle')}
        </Title>
        <Text c="dimmed">{t('registrations.prefsIntro')}</Text>
        <LinkGate token={token} options={preferencesOptions} placeholderHeight={200}>
          {(preferences) => <PreferenceSwitches token={token} preferences={preferences} />}
        </LinkGate>
      </Stack>
    </PublicLayout>
  );
}

/** One switch per channel: granted or withdrawn, saved at once. */
function PreferenceSwitches({ token, preferences }: { token: string; preferences: Preferences }) {
  const { t, label } = useLabels();
  const change = useSetPreference(token);
  return (
    <LinkPanel notice={preferences.channels.length === 0 && t('registrations.prefsNone')}>
      <Text>
        {preferences.name} · {preferences.email}
      </Text>
      {preferences.channels.map((c) => (
        <Switch
          key={c.channel}
          size="md"
          label={label(CONSENT_CHANNEL, c.channel)}
          description={
            c.since
              ? `${t(c.status === 'granted' ? 'privacy.granted' : 'privacy.withdrawn')} · ${t('registrations.prefsSince', { date: formatDate(c.since) })}`
              : t('registrations.prefsNoEntry')
          }
          checked={c.status === 'granted'}
          disabled={change.isPending}
          onChange={(e) =>
            change.mutate(
              { channel: c.channel as ConsentChannel, status: e.currentTarget.checked ? 'granted' : 'withdrawn' },
              {
                onSuccess: () => notifications.show({ color: 'green', message: t('registrations.prefsSaved') }),
                onError: (err) => notifications.show({ color: 'red', message: linkErrorText(t, err) }),
              },
            )
          }
        />
      ))}
    </LinkPanel>
  );
}
