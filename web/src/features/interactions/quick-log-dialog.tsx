import { organizations as organizationRoutes } from '@anett/shared/routes/organization';
import { persons as personRoutes } from '@anett/shared/routes/person';
import type { InteractionCreate } from '@anett/shared/schemas/interaction';
import { INTERACTION_KIND, INTERACTION_KINDS, type InteractionKind } from '@anett/shared/vocab/enums';
import {
  Alert,
  Button,
  Group,
  Input,
  Modal,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, DateTimePicker } from '@mantine/dates';
import { getHotkeyHandler, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { EntityMultiSelect, type EntityOption } from '../../components/entity-multi-select.tsx';
import { LocalizedDates, useDateTimePickerLabels, usePickerLabels } from '../../components/localized-dates.tsx';
import { call, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { isoToPicker, localDay, pickerToIso } from '../../lib/local-dates.ts';
import { nodeOptionsQuery, nodeSelectData, topicOptionsQuery, topicSelectData } from '../../lib/reference-data.ts';
import { useCreateInteraction, useUpdateInteraction } from './api.ts';
import { closeQuickLog, type QuickLogState } from './quick-log-store.ts';

type OpenState = Extract<QuickLogState, { open: true }>;

type Values = {
  kind: InteractionKind;
  subject: string;
  summary: string;
  persons: EntityOption[];
  organizations: EntityOption[];
  nodeId: string | null;
  topicIds: string[];
  followUpOn: string | null;
  occurredAt: string | null;
};

type Errors = Partial<Record<keyof Values | 'form', string>>;

const nowForPicker = () => isoToPicker(new Date().toISOString());

function addDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localDay(d);
}

function addMonths(months: number): string {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return localDay(d);
}

/** The names of prefilled records (the page context carries ids only). */
function usePrefillNames(personIds: number[], organizationIds: number[]) {
  const persons = useQueries({
    queries: personIds.map((id) => ({
      queryKey: ['quick-log', 'person', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => call(personRoutes.get, { params: { id }, signal }),
      staleTime: 60_000,
    })),
  });
  const organizations = useQueries({
    queries: organizationIds.map((id) => ({
      queryKey: ['quick-log', 'organization', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => call(organizationRoutes.get, { params: { id }, signal }),
      staleTime: 60_000,
    })),
  });
  const names = new Map<string, string>();
  for (const q of persons) if (q.data) names.set(`p${q.data.id}`, personName(q.data));
  for (const q of organizations) if (q.data) names.set(`o${q.data.id}`, q.data.name);
  return names;
}

function initialValues(state: OpenState): Values {
  if (state.mode === 'edit') {
    const i = state.item;
    return {
      kind: i.kind,
      subject: i.subject,
      summary: i.summary ?? '',
      persons: i.persons.map((p) => ({ id: p.id, name: p.name })),
      organizations: i.organizations.map((o) => ({ id: o.id, name: o.name })),
      nodeId: i.node ? String(i.node.id) : null,
      topicIds: i.topics.map((t) => String(t.id)),
      followUpOn: i.followUpOn,
      occurredAt: isoToPicker(i.occurredAt),
    };
  }
  const p = state.prefill;
  return {
    kind: p.kind ?? 'call',
    subject: '',
    summary: '',
    persons: (p.personIds ?? []).map((id) => ({ id, name: '' })),
    organizations: (p.organizationIds ?? []).map((id) => ({ id, name: '' })),
    nodeId: p.nodeId ? String(p.nodeId) : null,
    topicIds: [],
    followUpOn: null,
    occurredAt: nowForPicker(),
  };
}

/** The quick log: kind, subject (Enter saves), who, and optionally summary, node, topics, follow-up, time. */
export function QuickLogDialog({ state }: { state: OpenState }) {
  const { t, lang, label } = useLabels();
  const [values, setValues] = useState<Values>(() => initialValues(state));
  const [errors, setErrors] = useState<Errors>({});
  const [stateKey, setStateKey] = useState(state.key);
  if (stateKey !== state.key) {
    // Opened again (e.g. `n` on another page): start from the new prefill.
    setStateKey(state.key);
    setValues(initialValues(state));
    setErrors({});
  }
  const create = useCreateInteraction();
  const update = useUpdateInteraction();
  const nodes = useQuery(nodeOptionsQuery());
  const topics = useQuery(topicOptionsQuery());
  const narrow = useMediaQuery('(max-width: 40em)');
  const formRef = useRef<HTMLFormElement>(null);
  const editing = state.mode === 'edit' ? state.item : null;
  const dtpLabels = useDateTimePickerLabels();
  const dpLabels = usePickerLabels();

  const names = usePrefillNames(
    values.persons.filter((p) => !p.name).map((p) => p.id),
    values.organizations.filter((o) => !o.name).map((o) => o.id),
  );
  const named = (list: EntityOption[], prefix: string) =>
    list.map((o) => (o.name ? o : { ...o, name: names.get(`${prefix}${o.id}`) ?? '…' }));

  const setField = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined, form: undefined }));
  };

  const validate = (v: Values): Errors => {
    const out: Errors = {};
    if (!v.subject.trim()) out.subject = t('interactions.quickLog.subjectRequired');
    if (v.persons.length === 0 && v.organizations.length === 0) out.persons = t('interactions.quickLog.whoRequired');
    if (!v.occurredAt) out.occurredAt = t('interactions.quickLog.whenRequired');
    return out;
  };

  const fail = (err: unknown) => {
    if (isApiError(err, 412)) {
      setErrors({ form: t('common.versionConflict') });
      return;
    }
    if (isApiError(err) && Object.keys(err.fieldErrors).length > 0) {
      const f = err.fieldErrors;
      setErrors({
        subject: f.subject,
        summary: f.summary,
        persons: f.personIds,
        organizations: f.organizationIds,
        nodeId: f.nodeId,
        topicIds: f.topicIds,
        followUpOn: f.followUpOn,
        occurredAt: f.occurredAt,
        form: t('errors.VALIDATION_FAILED'),
      });
      return;
    }
    setErrors({ form: errorMessage(t, err) });
  };

  const submit = () => {
    if (create.isPending || update.isPending) return;
    const found = validate(values);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const body = {
      kind: values.kind,
      subject: values.subject.trim(),
      summary: values.summary.trim() || null,
      personIds: values.persons.map((p) => p.id),
      organizationIds: values.organizations.map((o) => o.id),
      nodeId: values.nodeId ? Number(values.nodeId) : null,
      topicIds: values.topicIds.map(Number),
      followUpOn: values.followUpOn || null,
      occurredAt: pickerToIso(values.occurredAt) ?? undefined,
    } satisfies InteractionCreate;
    if (editing) {
      update.mutate(
        { item: editing, patch: body },
        {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('interactions.quickLog.updated') });
            closeQuickLog();
          },
          onError: fail,
        },
      );
      return;
    }
    const prefill = state.mode === 'create' ? state.prefill : {};
    create.mutate(
      { ...body, eventId: prefill.eventId ?? null },
      {
        onSuccess: (created) => {
          notifications.show({
            color: 'green',
            title: t('interactions.quickLog.saved'),
            message: `${label(INTERACTION_KIND, created.kind)}: ${created.subject}`,
          });
          closeQuickLog();
        },
        onError: fail,
      },
    );
  };

  const chips: [string, string][] = [
    [t('interactions.quickLog.in1Week'), addDays(7)],
    [t('interactions.quickLog.in2Weeks'), addDays(14)],
    [t('interactions.quickLog.in1Month'), addMonths(1)],
  ];

  return (
    <LocalizedDates>
      <Modal
        opened
        onClose={closeQuickLog}
        size="lg"
        title={editing ? t('interactions.quickLog.editTitle') : t('interactions.quickLog.title')}
      >
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Stack gap="sm">
            {errors.form && (
              <Alert color="red" variant="light" role="alert">
                {errors.form}
              </Alert>
            )}
            <Input.Wrapper label={t('interactions.kind')} labelElement="div">
              <SegmentedControl
                fullWidth
                orientation={narrow ? 'vertical' : 'horizontal'}
                value={values.kind}
                onChange={(v) => setField('kind', v as InteractionKind)}
                aria-label={t('interactions.kind')}
                data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kindShort.${k}`) }))}
              />
            </Input.Wrapper>
            <TextInput
              label={t('interactions.subject')}
              description={t('interactions.quickLog.enterSaves')}
              required
              data-autofocus
              maxLength={300}
              value={values.subject}
              onChange={(e) => setField('subject', e.currentTarget.value)}
              error={errors.subject}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <EntityMultiSelect
                kind="persons"
                label={t('interactions.persons')}
                placeholder={t('interactions.quickLog.searchPerson')}
                value={named(values.persons, 'p')}
                onChange={(v) => {
                  setField('persons', v);
                  setErrors((e) => ({ ...e, persons: undefined }));
                }}
                error={errors.persons}
              />
              <EntityMultiSelect
                kind="organizations"
                label={t('interactions.organizations')}
                placeholder={t('interactions.quickLog.searchOrganization')}
                description={
                  values.organizations.length === 0 && values.persons.length > 0
                    ? t('interactions.quickLog.orgAuto')
                    : undefined
                }
                value={named(values.organizations, 'o')}
                onChange={(v) => {
                  setField('organizations', v);
                  setErrors((e) => ({ ...e, persons: undefined }));
                }}
                error={errors.organizations}
              />
            </SimpleGrid>
            <Textarea
              label={t('interactions.summary')}
              description={t('interactions.quickLog.ctrlEnterSaves')}
              autosize
              minRows={2}
              maxRows={8}
              value={values.summary}
              onChange={(e) => setField('summary', e.currentTarget.value)}
              onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
              error={errors.summary}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('interactions.node')}
                placeholder={t('interactions.quickLog.noNode')}
                clearable
                data={nodeSelectData(nodes.data?.items)}
                value={values.nodeId}
                onChange={(v) => setField('nodeId', v)}
                error={errors.nodeId}
              />
              <MultiSelect
                label={t('interactions.topics')}
                searchable
                clearable
                data={topicSelectData(topics.data?.items, lang, values.topicIds)}
                value={values.topicIds}
                onChange={(v) => setField('topicIds', v)}
                error={errors.topicIds}
              />
              <Stack gap={6}>
                <DatePickerInput
                  {...dpLabels}
                  label={t('interactions.followUpOn')}
                  placeholder={t('interactions.quickLog.noFollowUp')}
                  clearable
                  minDate={localDay(new Date())}
                  value={values.followUpOn}
                  onChange={(v) => setField('followUpOn', v)}
                  error={errors.followUpOn}
                />
                <Group gap={6} wrap="nowrap">
                  {chips.map(([text, day]) => (
                    <Button
                      key={day}
                      size="compact-xs"
                      variant={values.followUpOn === day ? 'filled' : 'light'}
                      aria-pressed={values.followUpOn === day}
                      onClick={() => setField('followUpOn', values.followUpOn === day ? null : day)}
                    >
                      {text}
                    </Button>
                  ))}
                </Group>
              </Stack>
              <DateTimePicker
                {...dtpLabels}
                label={t('interactions.occurredAt')}
                required
                value={values.occurredAt}
                onChange={(v) => setField('occurredAt', v)}
                error={errors.occurredAt}
              />
            </SimpleGrid>
            <Group justify="space-between" gap="sm" mt="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('interactions.quickLog.author')}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={closeQuickLog}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending || update.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      </Modal>
    </LocalizedDates>
  );
}
