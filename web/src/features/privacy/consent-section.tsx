import { type ConsentInput, consentInput } from '@anett/shared/schemas/consent';
import type { Person } from '@anett/shared/schemas/person';
import { ALL_CONSENT_SOURCE, CONSENT_CHANNEL, CONSENT_SOURCE } from '@anett/shared/vocab/enums';
import {
  Autocomplete,
  Badge,
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconDownload, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DayInput } from '../../components/forms/day-input.tsx';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { SegmentedField } from '../../components/forms/segmented-field.tsx';
import { zodFieldErrors } from '../../components/forms/zod-errors.ts';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { consentLedgerOptions, downloadPrivacyExport, useRecordConsent } from './api.ts';

type Channel = keyof typeof CONSENT_CHANNEL;
type Values = {
  channel: Channel;
  status: 'granted' | 'withdrawn';
  source: string | null;
  legalBasis: string;
  declaredOn: string | null;
  evidence: string;
  suppress: boolean;
};

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

const toInput = (v: Values): ConsentInput =>
  ({
    channel: v.channel,
    status: v.status,
    source: v.source ?? undefined,
    legalBasis: v.legalBasis,
    declaredOn: v.declaredOn,
    evidence: v.evidence,
    suppress: v.suppress && v.status === 'withdrawn' && v.channel === 'email_newsletter',
  }) as ConsentInput;

/** Records one ledger entry: a grant or a withdrawal for a channel, with source, legal basis, day and evidence. */
function ConsentModal({ person, channel, onClose }: { person: Person; channel: Channel | null; onClose: () => void }) {
  const { t, label } = useLabels();
  const record = useRecordConsent(person.id);
  const current = person.consents.find((c) => c.channel === channel);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      channel: channel ?? 'email_newsletter',
      // Recording again mostly means the opposite of the current state.
      status: current?.status === 'granted' ? 'withdrawn' : 'granted',
      source: null,
      legalBasis: t('privacy.legalBasisConsent'),
      declaredOn: today(),
      evidence: '',
      suppress: false,
    },
    validate: (values) => zodFieldErrors(t, consentInput, toInput(values)),
  });
  const values = form.getValues();
  const submit = form.onSubmit((v) =>
    record.mutate(toInput(v), {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: v.status === 'granted' ? t('privacy.saved') : t('privacy.savedWithdrawn'),
        });
        onClose();
      },
      onError: (err) => {
        if (isApiError(err)) form.setErrors(err.fieldErrors);
      },
    }),
  );
  const generalError =
    record.error && !(isApiError(record.error) && Object.keys(record.error.fieldErrors).length > 0)
      ? errorMessage(t, record.error)
      : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert>{generalError}</FormAlert>
        <Select
          label={t('privacy.channel')}
          required
          allowDeselect={false}
          data={Object.keys(CONSENT_CHANNEL).map((c) => ({ value: c, label: label(CONSENT_CHANNEL, c) }))}
          {...form.getInputProps('channel')}
        />
        <SegmentedField
          label={t('privacy.status')}
          data={[
            { value: 'granted', label: t('privacy.statusGranted') },
            { value: 'withdrawn', label: t('privacy.statusWithdrawn') },
          ]}
          color={values.status === 'granted' ? 'green' : 'red'}
          {...form.getInputProps('status')}
        />
        <Group grow align="flex-start">
          <Select
            label={t('privacy.source')}
            required
            data-autofocus
            data={Object.keys(CONSENT_SOURCE).map((s) => ({ value: s, label: label(CONSENT_SOURCE, s) }))}
            {...form.getInputProps('source')}
          />
          <DayInput label={t('privacy.date')} maxDate={today()} {...form.getInputProps('declaredOn')} />
        </Group>
        <Autocomplete
          label={t('privacy.legalBasis')}
          description={t('privacy.legalBasisHint')}
          data={[t('privacy.legalBasisConsent'), t('privacy.legalBasisContract'), t('privacy.legalBasisInterest')]}
          maxLength={200}
          {...form.getInputProps('legalBasis')}
        />
        <Textarea
          label={t('privacy.evidence')}
          description={t('privacy.evidenceHint')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('evidence')}
        />
        {values.status === 'withdrawn' && values.channel === 'email_newsletter' && person.email && (
          <Checkbox
            label={t('privacy.suppress')}
            description={t('privacy.suppressHint')}
            {...form.getInputProps('suppress', { type: 'checkbox' })}
          />
        )}
        <FormActions onCancel={onClose} loading={record.isPending} label={t('common.save')} />
      </Stack>
    </form>
  );
}

/** The consent per channel with its ledger, recording for managers, and the Art. 15 download. */
export function ConsentSection({ person, canWrite }: { person: Person; canWrite: boolean }) {
  const { t, label } = useLabels();
  const [recording, setRecording] = useState<Channel | null>(null);
  const [historyOpen, history] = useDisclosure(false);
  const ledger = useQuery({ ...consentLedgerOptions(person.id), enabled: historyOpen });
  const art15 = useMutation({
    mutationFn: () => downloadPrivacyExport(person.id, `auskunft-${person.lastName}-${today()}.json`),
    onSuccess: () => notifications.show({ color: 'green', message: t('privacy.art15Done') }),
    onError: (err) => notifications.show({ color: 'red', message: errorMessage(t, err) }),
  });
  const live = canWrite && !person.deletedAt;

  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="consents-title">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} fz="md" id="consents-title">
          {t('privacy.consents')}
        </Title>
        {live && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setRecording('email_newsletter')}
          >
            {t('privacy.record')}
          </Button>
        )}
      </Group>
      <Stack gap={8}>
        {(Object.keys(CONSENT_CHANNEL) as Channel[]).map((channel) => {
          const c = person.consents.find((x) => x.channel === channel);
          const text =
            c?.status === 'granted'
              ? t('privacy.granted')
              : c?.status === 'withdrawn'
                ? t('privacy.withdrawn')
                : t('privacy.none');
          return (
            <Group
              key={channel}
              justify="space-between"
              gap="xs"
              wrap="nowrap"
              align="flex-start"
              data-testid={`consent-${channel}`}
            >
              <div style={{ minWidth: 0 }}>
                <Text size="sm">{label(CONSENT_CHANNEL, channel)}</Text>
                {c && (
                  <Text size="xs" c="dimmed">
                    {[label(ALL_CONSENT_SOURCE, c.source), c.legalBasis, formatDate(c.recordedAt)]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                )}
              </div>
              {live ? (
                <UnstyledButton
                  onClick={() => setRecording(channel)}
                  aria-label={`${label(CONSENT_CHANNEL, channel)}: ${text}. ${t('privacy.recordChannel', { channel: label(CONSENT_CHANNEL, channel) })}`}
                >
                  <ConsentBadge status={c?.status} text={text} />
                </UnstyledButton>
              ) : (
                <ConsentBadge status={c?.status} text={text} />
              )}
            </Group>
          );
        })}
      </Stack>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="sm"
        px={0}
        rightSection={historyOpen ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
        onClick={history.toggle}
        aria-expanded={historyOpen}
        aria-controls="consent-history"
      >
        {t('privacy.historyTitle')}
      </Button>
      <Collapse expanded={historyOpen}>
        <div id="consent-history">
          {ledger.isError ? (
            <Text size="sm" c="red">
              {errorMessage(t, ledger.error)}
            </Text>
          ) : !ledger.data ? (
            <Text size="sm" c="dimmed">
              {t('app.loading')}
            </Text>
          ) : ledger.data.entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('privacy.noHistory')}
            </Text>
          ) : (
            <Timeline bulletSize={12} lineWidth={2} mt="xs" aria-label={t('privacy.historyTitle')}>
              {ledger.data.entries.map((e) => (
                <Timeline.Item
                  key={e.id}
                  color={e.status === 'granted' ? 'green' : 'red'}
                  title={
                    <Text size="sm" fw={600}>
                      {label(CONSENT_CHANNEL, e.channel)}:{' '}
                      {e.status === 'granted' ? t('privacy.statusGranted') : t('privacy.statusWithdrawn')}
                      {e.declaredOn && ` ${t('privacy.declaredOn', { date: formatDate(e.declaredOn) })}`}
                    </Text>
                  }
                >
                  <Text size="xs" c="dimmed">
                    {[label(ALL_CONSENT_SOURCE, e.source), e.legalBasis].filter(Boolean).join(' · ')}
                  </Text>
                  {e.evidence && (
                    <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                      {e.evidence}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {e.recordedBy
                      ? t('privacy.recordedBy', { date: formatDateTime(e.recordedAt), name: e.recordedBy.name })
                      : t('privacy.recordedBySystem', { date: formatDateTime(e.recordedAt) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </div>
      </Collapse>
      <Text size="xs" c="dimmed" mt="xs">
        {t('privacy.consentsHint')}
      </Text>
      {canWrite && (
        <Button
          mt="sm"
          variant="default"
          size="compact-sm"
          leftSection={<IconDownload size={14} />}
          loading={art15.isPending}
          onClick={() => art15.mutate()}
          title={t('privacy.art15Hint')}
        >
          {t('privacy.art15')}
        </Button>
      )}
      <Modal
        opened={recording !== null}
        onClose={() => setRecording(null)}
        title={t('privacy.recordFor', { name: `${person.firstName} ${person.lastName}` })}
      >
        {recording !== null && <ConsentModal person={person} channel={recording} onClose={() => setRecording(null)} />}
      </Modal>
    </Card>
  );
}

function ConsentBadge({ status, text }: { status: 'granted' | 'withdrawn' | undefined; text: string }) {
  return (
    <Badge
      size="sm"
      radius="sm"
      tt="none"
      variant={status ? 'light' : 'outline'}
      color={status === 'granted' ? 'green' : status === 'withdrawn' ? 'red' : 'gray'}
      styles={{ root: { minWidth: 'max-content', cursor: 'inherit' } }}
    >
      {text}
    </Badge>
  );
}
