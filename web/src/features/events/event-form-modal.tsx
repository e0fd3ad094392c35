import type { EventDetail, EventInput } from '@anett/shared/schemas/event';
import { EVENT_KIND, EVENT_KINDS, type EventKind } from '@anett/shared/vocab/enums';
import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateTimePicker, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { LocalizedDates, useDateTimePickerLabels } from '../../components/localized-dates.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { isoToPicker, pickerToIso } from '../../lib/local-dates.ts';
import { nodeOptionsQuery, nodeSelectData, topicOptionsQuery, topicSelectData } from '../../lib/reference-data.ts';
import { type Saved, type SessionDraft, useCreateEvent, useUpdateEvent } from './api.ts';

type Props = {
  /** `'new'` opens the create form, an event the edit form, null closes it. */
  target: EventDetail | 'new' | null;
  onClose: () => void;
  onSaved: (event: EventDetail) => void;
};

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

/** A session's end: the time on the session's day. */
function sessionEnd(startsAt: string | null, endTime: string): string | null {
  if (!startsAt || !/^\d{2}:\d{2}/.test(endTime)) return null;
  return pickerToIso(`${startsAt.slice(0, 10)} ${endTime.slice(0, 5)}:00`);
}

export function EventFormModal({ target, onClose, onSaved }: Props) {
  const { t, lang, label } = useLabels();
  const create = useCreateEvent();
  const update = useUpdateEvent();
  const nodes = useQuery(nodeOptionsQuery());
  const topics = useQuery(topicOptionsQuery());
  const editing = target !== null && target !== 'new' ? target : null;
  const dtpLabels = useDateTimePickerLabels();

  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      title: (v) => (v.trim() ? null : t('events.form.required')),
      startsAt: (v) => (v ? null : t('events.form.required')),
      endsAt: (v, all) => (v && all.startsAt && v < all.startsAt ? t('events.form.endBeforeStart') : null),
      sessions: {
        startsAt: (v) => (v ? null : t('events.form.required')),
        endTime: (v, all, path) => {
          const i = Number(path.split('.')[1]);
          const start = all.sessions[i]?.startsAt;
          return v && start && v < start.slice(11, 16) ? t('events.form.endBeforeStart') : null;
        },
      },
    },
  });

  // The same event refetched (e.g. after saving) keeps the form; only opening another record resets it.
  const targetKey = target === null ? null : target === 'new' ? 'new' : target.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record is opened
  useEffect(() => {
    if (target === null) return;
    create.reset();
    update.reset();
    const values = editing ? valuesOf(editing) : EMPTY;
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
  }, [targetKey]);

  const done = ({ event, sessionsError }: Saved) => {
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

  const fail = (err: unknown) => {
    if (isApiError(err, 412)) {
      // Someone else saved meanwhile: close, so the page shows their version before anything is changed again.
      notifications.show({ color: 'orange', message: t('common.versionConflict') });
      onClose();
      return;
    }
    if (isApiError(err) && Object.keys(err.fieldErrors).length > 0) {
      const { topicIds, nodeId, ...rest } = err.fieldErrors;
      form.setErrors({ ...rest, ...(topicIds ? { topicIds } : {}), ...(nodeId ? { nodeId } : {}) });
    }
  };

  const submit = form.onSubmit((v) => {
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
        { event: editing, patch: body, sessions: v.kind === 'course' ? sessions : null },
        { onSuccess: done, onError: fail },
      );
    } else {
      create.mutate({ body, sessions }, { onSuccess: done, onError: fail });
    }
  });

  const error = (editing ? update : create).error;
  const generalError = error
    ? isApiError(error, 412)
      ? t('common.versionConflict')
      : isApiError(error) && Object.keys(error.fieldErrors).length > 0
        ? t('errors.VALIDATION_FAILED')
        : errorMessage(t, error)
    : null;
  const totalHours = form.values.sessions.reduce((sum, s) => sum + (Number(s.hours) || 0), 0);

  const addSession = () => {
    const last = form.values.sessions.at(-1);
    const start = last?.startsAt ?? form.values.startsAt;
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
      <Modal
        opened={target !== null}
        onClose={onClose}
        size="xl"
        title={editing ? t('events.form.editTitle') : t('events.form.createTitle')}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {generalError && (
              <Alert color="red" variant="light" role="alert">
                {generalError}
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
              <Select
                label={t('events.node')}
                placeholder={t('events.noNode')}
                clearable
                data={nodeSelectData(nodes.data?.items)}
                {...form.getInputProps('nodeId')}
              />
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
            <MultiSelect
              label={t('events.topics')}
              searchable
              clearable
              data={topicSelectData(topics.data?.items, lang, form.values.topicIds)}
              {...form.getInputProps('topicIds')}
            />
            <Textarea
              label={t('events.descriptionLabel')}
              autosize
              minRows={3}
              maxRows={10}
              {...form.getInputProps('description')}
            />
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
                      <TimeInput
                        label={t('events.sessions.end')}
                        w={110}
                        {...form.getInputProps(`sessions.${i}.endTime`)}
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
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending || update.isPending}>
                {editing ? t('common.save') : t('events.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </LocalizedDates>
  );
}
