import type { EventDetail, EventInput } from '@anett/shared/schemas/event';
import { nextFreeDay, parseClockTime, sessionsOverlap } from '@anett/shared/session-dates';
import { EVENT_KIND, EVENT_KINDS, type EventKind } from '@anett/shared/vocab/enums';
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { NodeField, TopicsField } from '../../components/forms/reference-fields.tsx';
import { LocalizedDates, useDateTimePickerLabels } from '../../components/localized-dates.tsx';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { isoToPicker, pickerToIso } from '../../lib/local-dates.ts';
import { type Saved, type SessionDraft, useCreateEvent, useUpdateEvent } from './api.ts';
import { usePromotionNotice } from './promotion-notice.ts';

type Props = RecordFormProps<EventDetail> & { onSaved: (event: EventDetail) => void };

type SessionValues = {
  key: string;
  id?: number;
  title: string;
  startsAt: string | null;
  endTime: string;
  hours: number | string;
};

type Values = {
  title: string;
  kind: EventKind;
  nodeId: string | null;
  startsAt: string | null;
  endsAt: string | null;
  location: string;
  capacity: number | string;
  topicIds: string[];
  description: string;
  sessions: SessionValues[];
  publicRegistration: boolean;
  publicSlug: string;
};

const EMPTY: Values = {
  title: '',
  kind: 'network_meeting',
  nodeId: null,
  startsAt: null,
  endsAt: null,
  location: '',
  capacity: '',
  topicIds: [],
  description: '',
  sessions: [],
  publicRegistration: false,
  publicSlug: '',
};

let sessionKey = 0;
const nextKey = () => `s${++sessionKey}`;

function valuesOf(e: EventDetail): Values {
  return {
    title: e.title,
    kind: e.kind,
    nodeId: e.nodeId ? String(e.nodeId) : null,
    startsAt: isoToPicker(e.startsAt),
    endsAt: isoToPicker(e.endsAt),
    location: e.location ?? '',
    capacity: e.capacity ?? '',
    topicIds: e.topics.map((tp) => String(tp.id)),
    description: e.description ?? '',
    publicRegistration: e.publicRegistration,
    publicSlug: e.publicSlug ?? '',
    sessions: e.sessions.map((s) => ({
      key: nextKey(),
      id: s.id,
      title: s.title ?? '',
      startsAt: isoToPicker(s.startsAt),
      endTime: s.endsAt ? (isoToPicker(s.endsAt)?.slice(11, 16) ?? '') : '',
      hours: s.hours,
    })),
  };
}

/** A session's end: the typed time on the session's day (a time the form could not read never gets here). */
function sessionEnd(startsAt: string | null, endTime: string): string | null {
  const time = parseClockTime(endTime);
  if (!startsAt || !time) return null;
  return pickerToIso(`${startsAt.slice(0, 10)} ${time}:00`);
}

/** The form's sessions as instants, for the overlap check. */
const sessionRange = (s: SessionValues) => {
  const startsAt = pickerToIso(s.startsAt);
  return startsAt ? { startsAt, endsAt: sessionEnd(s.startsAt, s.endTime) } : null;
};

/** The sessions a 409 CAPACITY_BELOW_BOOKINGS reported: how many seats are taken. */
type CapacityConflict = { taken: number; capacity: number };

export const EventFormModal = recordFormModal(EventForm, {
  title: (t) => ({ add: t('events.form.createTitle'), edit: t('events.form.editTitle') }),
  size: 'xl',
});

function EventForm({ editing, onClose, onSaved }: Props) {
  const { t, lang, label } = useLabels();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const dtpLabels = useDateTimePickerLabels();
  const announcePromotions = usePromotionNotice();
  const [capacityConflict, setCapacityConflict] = useState<CapacityConflict | null>(null);

  const vf = useVersionedForm<Values, EventDetail>({
    initial: { values: editing ? valuesOf(editing) : EMPTY, version: editing?.version ?? 0 },
    validate: {
      title: (v) => (v.trim() ? null : t('events.form.required')),
      startsAt: (v) => (v ? null : t('events.form.required')),
      endsAt: (v, all) => (v && all.startsAt && v < all.startsAt ? t('events.form.endBeforeStart') : null),
      sessions: {
        startsAt: (v, all, path) => {
          if (!v) return t('events.form.required');
          const i = Number(path.split('.')[1]);
          const current = all.sessions[i];
          const own = current ? sessionRange(current) : null;
          if (!own) return null;
          const other = all.sessions.findIndex((s, j) => {
            const range = j === i ? null : sessionRange(s);
            return range !== null && sessionsOverlap(own, range);
          });
          return other >= 0 ? t('events.sessions.overlaps', { n: other + 1 }) : null;
        },
        endTime: (v, all, path) => {
          const time = parseClockTime(v);
          if (time === undefined) return t('events.sessions.badTime');
          const i = Number(path.split('.')[1]);
          const start = all.sessions[i]?.startsAt;
          return time && start && time < start.slice(11, 16) ? t('events.form.endBeforeStart') : null;
        },
      },
    },
    onConflict: () => {
      // Someone else saved meanwhile: close, so the page shows their version before anything is changed again.
      notifications.show({ color: 'orange', message: t('common.versionConflict') });
      onClose();
    },
    codes: {
      // Fewer seats than bookings: asks whether to save anyway.
      CAPACITY_BELOW_BOOKINGS: (err, form) => {
        const data = err.data as CapacityConflict;
        setCapacityConflict(data);
        form.setFieldError('capacity', t('events.form.capacityBelow', { taken: data.taken }));
      },
    },
    save: (values, _loaded, opts, fail) => save(values, opts.confirmed ?? false, fail),
  });
  const { form } = vf;

  const done = ({ event, sessionsError }: Saved) => {
    announcePromotions(event.promoted ?? []);
    if (sessionsError) {
      notifications.show({
        color: 'orange',
        title: t('events.form.sessionsFailed'),
        message: errorMessage(t, sessionsError),
      });
    } else {
      notifications.show({ color: 'green', message: editing ? t('events.form.saved') : t('events.form.created') });
    }
    onSaved(event);
    onClose();
  };

  const save = (v: Values, confirm: boolean, fail: (err: unknown) => void) => {
    setCapacityConflict(null);
    const body = {
      title: v.title.trim(),
      kind: v.kind,
      nodeId: v.nodeId ? Number(v.nodeId) : null,
      startsAt: pickerToIso(v.startsAt) ?? '',
      endsAt: pickerToIso(v.endsAt),
      location: v.location.trim() || null,
      capacity: v.capacity === '' ? null : Number(v.capacity),
      topicIds: v.topicIds.map(Number),
      description: v.description.trim() || null,
      publicRegistration: v.publicRegistration,
      publicSlug: v.publicSlug.trim() || null,
    } satisfies EventInput;
    const sessions: SessionDraft[] = (v.kind === 'course' ? v.sessions : []).map((s) => ({
      id: s.id,
      version: editing?.sessions.find((x) => x.id === s.id)?.version,
      title: s.title.trim() || null,
      startsAt: pickerToIso(s.startsAt) ?? '',
      endsAt: sessionEnd(s.startsAt, s.endTime),
      hours: Number(s.hours) || 0,
    }));
    if (editing) {
      // Sessions of a former course are kept unless the user removed them while it was a course.
      update.mutate(
        {
          event: editing,
          patch: { ...body, ...(confirm ? { confirm } : {}) },
          sessions: v.kind === 'course' ? sessions : null,
        },
        { onSuccess: done, onError: fail },
      );
    } else {
      create.mutate({ body, sessions }, { onSuccess: done, onError: fail });
    }
  };
  const mutation = editing ? update : create;
  const totalHours = form.values.sessions.reduce((sum, s) => sum + (Number(s.hours) || 0), 0);

  // A new session comes on the first free day after the latest one, at its times (the first on the event's start).
  const addSession = () => {
    const dated = form.values.sessions.filter((s) => s.startsAt);
    const last = [...dated].sort((a, b) => (a.startsAt ?? '').localeCompare(b.startsAt ?? '')).at(-1);
    const day = nextFreeDay(dated.map((s) => (s.startsAt ?? '').slice(0, 10)));
    const start = last?.startsAt && day ? `${day}${last.startsAt.slice(10)}` : form.values.startsAt;
    form.insertListItem('sessions', {
      key: nextKey(),
      title: '',
      startsAt: start,
      endTime: last?.endTime ?? '',
      hours: last?.hours ?? 8,
    });
  };

  return (
    <LocalizedDates>
      <RecordForm
        vf={vf}
        mutation={mutation}
        submitLabel={editing ? t('common.save') : t('events.create')}
        onCancel={onClose}
      >
        {capacityConflict && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            icon={<IconAlertTriangle size={18} />}
            title={t('events.form.capacityBelowTitle')}
          >
            <Text size="sm">
              {t('events.form.capacityBelowText', {
                taken: capacityConflict.taken,
                capacity: capacityConflict.capacity,
              })}
            </Text>
            <Group gap="sm" mt="sm">
              <Button size="xs" color="orange" onClick={() => vf.save(form.getValues(), { confirmed: true })}>
                {t('events.form.saveAnyway')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  setCapacityConflict(null);
                  form.getInputNode('capacity')?.focus();
                }}
              >
                {t('events.form.changeCapacity')}
              </Button>
            </Group>
          </Alert>
        )}
        <TextInput
          label={t('events.eventTitle')}
          required
          data-autofocus
          maxLength={300}
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('events.kind')}
            required
            allowDeselect={false}
            data={EVENT_KINDS.map((k) => ({ value: k, label: label(EVENT_KIND, k) }))}
            {...form.getInputProps('kind')}
          />
          <NodeField label={t('events.node')} placeholder={t('events.noNode')} {...form.getInputProps('nodeId')} />
          <DateTimePicker
            {...dtpLabels}
            label={t('events.startsAt')}
            placeholder={t('events.form.pickDateTime')}
            required
            valueFormat="DD.MM.YYYY HH:mm"
            defaultTimeValue="09:00"
            {...form.getInputProps('startsAt')}
          />
          <DateTimePicker
            {...dtpLabels}
            label={t('events.endsAt')}
            placeholder={t('events.form.pickDateTime')}
            clearable
            valueFormat="DD.MM.YYYY HH:mm"
            defaultTimeValue="17:00"
            minDate={form.values.startsAt ?? undefined}
            {...form.getInputProps('endsAt')}
          />
          <TextInput label={t('events.location')} maxLength={300} {...form.getInputProps('location')} />
          <NumberInput
            label={t('events.capacity')}
            description={t('events.form.capacityHelp')}
            min={1}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        <TopicsField label={t('events.topics')} {...form.getInputProps('topicIds')} />
        <Textarea
          label={t('events.descriptionLabel')}
          autosize
          minRows={3}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <Paper withBorder radius="md" p="md">
          <Stack gap="xs">
            <Switch
              label={t('registrations.form.publicRegistration')}
              description={t('registrations.form.publicRegistrationHelp')}
              {...form.getInputProps('publicRegistration', { type: 'checkbox' })}
            />
            {form.values.publicRegistration && (
              <TextInput
                label={t('registrations.form.slug')}
                description={t('registrations.form.slugHelp', {
                  url: `${window.location.origin}/anmeldung/${form.values.publicSlug.trim() || '…'}`,
                })}
                maxLength={80}
                {...form.getInputProps('publicSlug')}
              />
            )}
          </Stack>
        </Paper>
        {form.values.kind === 'course' && (
          <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
            <Group justify="space-between" mb="sm">
              <Title order={3} fz="sm" component="legend" style={{ float: 'left' }}>
                {t('events.sessions.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('events.sessions.total', { hours: formatNumber(totalHours) })}
              </Text>
            </Group>
            <Stack gap="sm" style={{ clear: 'both' }}>
              {form.values.sessions.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('events.sessions.none')}
                </Text>
              )}
              {form.values.sessions.map((s, i) => (
                <Group key={s.key} gap="sm" align="flex-start" wrap="wrap">
                  <DateTimePicker
                    {...dtpLabels}
                    label={t('events.sessions.start')}
                    required
                    valueFormat="DD.MM.YYYY HH:mm"
                    defaultTimeValue="08:30"
                    w={{ base: '100%', xs: 190 }}
                    {...form.getInputProps(`sessions.${i}.startsAt`)}
                  />
                  <TextInput
                    label={t('events.sessions.end')}
                    placeholder={t('events.sessions.timePlaceholder')}
                    autoComplete="off"
                    w={110}
                    {...form.getInputProps(`sessions.${i}.endTime`)}
                    onBlur={(e) => {
                      // '1630' reads as 16:30 once the field is left; what is no time stays for the error.
                      const time = parseClockTime(e.currentTarget.value);
                      if (time) form.setFieldValue(`sessions.${i}.endTime`, time);
                      form.validateField(`sessions.${i}.endTime`);
                    }}
                  />
                  <NumberInput
                    label={t('events.sessions.hours')}
                    min={0}
                    max={100}
                    step={0.5}
                    decimalScale={2}
                    decimalSeparator={lang === 'de' ? ',' : '.'}
                    w={100}
                    {...form.getInputProps(`sessions.${i}.hours`)}
                  />
                  <TextInput
                    label={t('events.sessions.topic')}
                    maxLength={200}
                    style={{ flex: '1 1 160px' }}
                    {...form.getInputProps(`sessions.${i}.title`)}
                  />
                  <Tooltip label={t('events.sessions.remove')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      mt={24}
                      aria-label={t('events.sessions.removeN', { n: i + 1 })}
                      onClick={() => form.removeListItem('sessions', i)}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
              <Divider />
              <Group>
                <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addSession}>
                  {t('events.sessions.add')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </RecordForm>
    </LocalizedDates>
  );
}
