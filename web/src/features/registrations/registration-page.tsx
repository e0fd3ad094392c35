import { NEWSLETTER_CONSENT_TEXTS, type NewsletterConsentVersion } from '@anett/shared/consent-texts';
import { SALUTATION } from '@anett/shared/vocab/enums';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  List,
  NativeSelect,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCalendarEvent, IconMailCheck, IconMapPin } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { publicEventOptions, useSubmitRegistration } from './api.ts';
import { formatWhen } from './format.ts';
import { PublicLayout } from './public-layout.tsx';
import {
  checkedRegistration,
  EMPTY_REGISTRATION,
  type RegistrationValues,
  registrationBody,
} from './registration-values.ts';

/** The visitor's text fields after the salutation, in order: autofill hint and the server's length limit each. */
const TEXT_FIELDS: {
  name: 'title' | 'firstName' | 'lastName' | 'email' | 'organization' | 'function';
  autoComplete: string;
  maxLength: number;
  required?: boolean;
  type?: 'email';
  wide?: boolean;
  placeholder?: 'registrations.titlePlaceholder';
}[] = [
  { name: 'title', autoComplete: 'honorific-prefix', maxLength: 50, placeholder: 'registrations.titlePlaceholder' },
  { name: 'firstName', autoComplete: 'given-name', maxLength: 100, required: true },
  { name: 'lastName', autoComplete: 'family-name', maxLength: 100, required: true },
  { name: 'email', autoComplete: 'email', maxLength: 254, required: true, type: 'email', wide: true },
  { name: 'organization', autoComplete: 'organization', maxLength: 200 },
  { name: 'function', autoComplete: 'organization-title', maxLength: 200 },
];

/** /anmeldung/<slug>: the event and the registration form (double opt-in). */
export function RegistrationPage() {
  const { t, lang } = useLabels();
  const { slug } = useParams({ from: '/anmeldung/$slug' });
  const event = useQuery(publicEventOptions(slug));
  const submit = useSubmitRegistration(slug);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const form = useForm<RegistrationValues>({
    initialValues: EMPTY_REGISTRATION,
    onValuesChange: () => setFormError(null),
    validate: (values) =>
      zodFieldErrors(t, checkedRegistration, { ...registrationBody(values, lang), consentTextVersion: undefined }),
  });

  useEffect(() => {
    if (sentTo) sentRef.current?.focus();
  }, [sentTo]);

  if (event.isError) {
    return (
      <PublicLayout title={t('registrations.formTitle')}>
        <Alert color={isApiError(event.error, 404) ? 'gray' : 'red'} role="alert">
          {isApiError(event.error, 404) ? t('registrations.notFound') : errorMessage(t, event.error)}
        </Alert>
      </PublicLayout>
    );
  }
  if (event.isPending) {
    return (
      <PublicLayout title={t('registrations.formTitle')}>
        <Stack>
          <Skeleton h={36} w="70%" />
          <Skeleton h={120} />
          <Skeleton h={320} />
        </Stack>
      </PublicLayout>
    );
  }
  const e = event.data;
  const full = e.freeSeats === 0;
  const consentVersion = e.consentTextVersion as NewsletterConsentVersion;
  const consentText = NEWSLETTER_CONSENT_TEXTS[consentVersion]?.[lang] ?? '';

  const onSubmit = form.onSubmit(
    (v) => {
      setFormError(null);
      submit.mutate(
        {
          ...registrationBody(v, lang),
          formToken: e.formToken,
          ...(v.newsletter ? { consentTextVersion: consentVersion } : {}),
        },
        {
          onSuccess: () => setSentTo(v.email.trim()),
          onError: (err) => {
            if (isApiError(err) && Object.keys(err.fieldErrors).length) {
              const { formToken, slug: _slug, ...fields } = err.fieldErrors;
              form.setErrors(fields);
              if (formToken) {
                // Too fast: the same form token is good in a moment. Expired or broken: a new one is fetched.
                setFormError(err.code === 'VALIDATION_FAILED' ? t('registrations.tooFast') : formToken);
                if (err.code !== 'VALIDATION_FAILED') void event.refetch();
              } else setFormError(t('registrations.formError'));
            } else setFormError(errorMessage(t, err));
          },
        },
      );
    },
    () => setFormError(t('registrations.formError')),
  );

  return (
    <PublicLayout title={e.title}>
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} fz={{ base: 24, sm: 30 }}>
            {e.title}
          </Title>
          <Stack gap={4}>
            <Text size="sm">
              <IconCalendarEvent size={16} aria-hidden style={{ verticalAlign: '-3px', marginRight: 6 }} />
              <Text span fw={500}>
                {t('registrations.when')}:
              </Text>{' '}
              {formatWhen(e.startsAt, e.endsAt, lang)}
            </Text>
            {e.location && (
              <Text size="sm">
                <IconMapPin size={16} aria-hidden style={{ verticalAlign: '-3px', marginRight: 6 }} />
                <Text span fw={500}>
                  {t('registrations.where')}:
                </Text>{' '}
                {e.location}
              </Text>
            )}
          </Stack>
          {e.open && e.freeSeats !== null && (
            <Badge color={full ? 'orange' : 'green'} variant="light" size="lg" w="fit-content">
              {full ? t('registrations.waitlist') : t('registrations.seatsFree', { count: e.freeSeats })}
            </Badge>
          )}
        </Stack>
        {e.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{e.description}</Text>}
        {e.sessions.length > 0 && (
          <div>
            <Title order={2} fz="lg" mb="xs">
              {t('registrations.sessions')}
            </Title>
            <List spacing={4}>
              {e.sessions.map((s) => (
                <List.Item key={s.startsAt}>
                  {formatWhen(s.startsAt, s.endsAt, lang)}
                  {s.title ? ` – ${s.title}` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        )}

        {!e.open ? (
          <Alert color="gray" role="status">
            {t('registrations.closed')}
          </Alert>
        ) : sentTo ? (
          <Alert
            ref={sentRef}
            tabIndex={-1}
            color="green"
            icon={<IconMailCheck size={20} />}
            title={t('registrations.sentTitle')}
            role="status"
          >
            {t('registrations.sentText', { email: sentTo })}
          </Alert>
        ) : (
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="registration-form-title">
            <Title order={2} fz="lg" id="registration-form-title" mb={4}>
              {t('registrations.formTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('registrations.formIntro')}
            </Text>
            <form onSubmit={onSubmit} noValidate>
              <Stack gap="sm">
                {formError && (
                  <Alert color="red" role="alert">
                    {formError}
                  </Alert>
                )}
                <Grid gap="sm">
                  <Grid.Col span={{ base: 12, sm: 6 }}>
                    <NativeSelect
                      label={t('registrations.salutation')}
                      data={[
                        { value: '', label: t('registrations.salutationNone') },
                        ...Object.entries(SALUTATION).map(([value, l]) => ({ value, label: l[lang] })),
                      ]}
                      {...form.getInputProps('salutation')}
                    />
                  </Grid.Col>
                  {TEXT_FIELDS.map((f) => (
                    <Grid.Col key={f.name} span={f.wide ? 12 : { base: 12, sm: 6 }}>
                      <TextInput
                        label={t(`registrations.${f.name}`)}
                        placeholder={f.placeholder && t(f.placeholder)}
                        type={f.type}
                        required={f.required}
                        autoComplete={f.autoComplete}
                        maxLength={f.maxLength}
                        {...form.getInputProps(f.name)}
                      />
                    </Grid.Col>
                  ))}
                </Grid>
                {/* Honeypot: off-screen and out of the tab order; people never fill it, bots do. */}
                <div
                  aria-hidden="true"
                  style={{ position: 'absolute', left: '-10000px', width: 1, height: 1, overflow: 'hidden' }}
                >
                  <label>
                    {t('registrations.honeypot')}
                    <input type="text" tabIndex={-1} autoComplete="off" {...form.getInputProps('website')} />
                  </label>
                </div>
                <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend style={{ fontWeight: 500, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 6 }}>
                    {t('registrations.newsletterLegend')}
                  </legend>
                  <Checkbox label={consentText} {...form.getInputProps('newsletter', { type: 'checkbox' })} />
                </fieldset>
                <Text size="sm" c="dimmed">
                  {t('registrations.privacyNotice')}{' '}
                  <Anchor component={Link} to="/datenschutz" size="sm">
                    {t('registrations.privacyLink')}
                  </Anchor>
                </Text>
                <Button type="submit" loading={submit.isPending} size="md" w={{ base: '100%', sm: 'auto' }}>
                  {full ? t('registrations.submitWaitlist') : t('registrations.submit')}
                </Button>
              </Stack>
            </form>
          </Card>
        )}
      </Stack>
    </PublicLayout>
  );
}
