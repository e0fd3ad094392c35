import { organizations as organizationRoutes } from '@anett/shared/routes/organization';
import { persons as personRoutes } from '@anett/shared/routes/person';
import type { Interaction, InteractionCreate } from '@anett/shared/schemas/interaction';
import { INTERACTION_KIND, INTERACTION_KINDS, type InteractionKind } from '@anett/shared/vocab/enums';
import { Group, Input, Modal, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { getHotkeyHandler, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { EntityMultiSelect, type EntityOption } from '../../components/entity-multi-select.tsx';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { NodeField, TopicsField } from '../../components/forms/reference-fields.tsx';
import { LocalizedDates, useDateTimePickerLabels } from '../../components/localized-dates.tsx';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { call, isApiError } from '../../lib/api-client.ts';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { isoToPicker, pickerToIso } from '../../lib/local-dates.ts';
import { useCreateInteraction, useUpdateInteraction } from './api.ts';
import { FollowUpField } from './follow-up-field.tsx';
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

/** The API's id lists are the form's record pickers. */
const INPUT_OF: Record<string, keyof Values> = { personIds: 'persons', organizationIds: 'organizations' };

const nowForPicker = () => isoToPicker(new Date().toISOString());

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
  const { t } = useLabels();
  return (
    <LocalizedDates>
      <Modal
        opened
        onClose={closeQuickLog}
        size="lg"
        title={state.mode === 'edit' ? t('interactions.quickLog.editTitle') : t('interactions.quickLog.title')}
      >
        {/* Opened again (e.g. `n` on another page): the form starts from the new prefill. */}
        <QuickLogForm key={state.key} state={state} />
      </Modal>
    </LocalizedDates>
  );
}

function QuickLogForm({ state }: { state: OpenState }) {
  const { t, label } = useLabels();
  const create = useCreateInteraction();
  const update = useUpdateInteraction();
  const narrow = useMediaQuery('(max-width: 40em)');
  const editing = state.mode === 'edit' ? state.item : null;
  const mutation = editing ? update : create;
  const dtpLabels = useDateTimePickerLabels();

  const vf = useVersionedForm<Values, Interaction>({
    initial: { values: initialValues(state), version: editing?.version ?? 0 },
    validate: {
      subject: (v) => (v.trim() ? null : t('interactions.quickLog.subjectRequired')),
      persons: (v, all) =>
        v.length === 0 && all.organizations.length === 0 ? t('interactions.quickLog.whoRequired') : null,
      occurredAt: (v) => (v ? null : t('interactions.quickLog.whenRequired')),
    },
    mapErrors: (errors) =>
      Object.fromEntries(Object.entries(errors).map(([key, message]) => [INPUT_OF[key] ?? key, message])),
    // A contact has no conflict panel: a 412 is said above the form (see `alert`), the dialog stays open.
    onConflict: () => {},
    save: (values, _loaded, _opts, fail) => save(values, fail),
  });
  const { form } = vf;
  const values = form.getValues();
  const alert = isApiError(mutation.error, 412) ? t('common.versionConflict') : vf.generalError(mutation.error);

  const names = usePrefillNames(
    values.persons.filter((p) => !p.name).map((p) => p.id),
    values.organizations.filter((o) => !o.name).map((o) => o.id),
  );
  const named = (list: EntityOption[], prefix: string) =>
    list.map((o) => (o.name ? o : { ...o, name: names.get(`${prefix}${o.id}`) ?? '…' }));
  /** Persons or organisations: either one answers "who", so a change to one clears the error of both. */
  const whoInput = (key: 'persons' | 'organizations', prefix: string) => ({
    value: named(values[key], prefix),
    onChange: (v: EntityOption[]) => {
      form.setFieldValue(key, v);
      form.clearFieldError('persons');
    },
    error: form.errors[key],
  });

  const save = (v: Values, fail: (err: unknown) => void) => {
    if (mutation.isPending) return;
    const body = {
      kind: v.kind,
      subject: v.subject.trim(),
      summary: v.summary.trim() || null,
      personIds: v.persons.map((p) => p.id),
      organizationIds: v.organizations.map((o) => o.id),
      nodeId: v.nodeId ? Number(v.nodeId) : null,
      topicIds: v.topicIds.map(Number),
      followUpOn: v.followUpOn || null,
      occurredAt: pickerToIso(v.occurredAt) ?? undefined,
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

  return (
    <form noValidate onSubmit={vf.submit}>
      <Stack gap="sm">
        <FormAlert>{alert}</FormAlert>
        <Input.Wrapper label={t('interactions.kind')} labelElement="div">
          <SegmentedControl
            fullWidth
            orientation={narrow ? 'vertical' : 'horizontal'}
            aria-label={t('interactions.kind')}
            data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`interactions.kindShort.${k}`) }))}
            {...form.getInputProps('kind')}
          />
        </Input.Wrapper>
        <TextInput
          label={t('interactions.subject')}
          description={t('interactions.quickLog.enterSaves')}
          required
          data-autofocus
          maxLength={300}
          {...form.getInputProps('subject')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <EntityMultiSelect
            kind="persons"
            label={t('interactions.persons')}
            placeholder={t('interactions.quickLog.searchPerson')}
            {...whoInput('persons', 'p')}
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
            {...whoInput('organizations', 'o')}
          />
        </SimpleGrid>
        <Textarea
          label={t('interactions.summary')}
          description={t('interactions.quickLog.ctrlEnterSaves')}
          autosize
          minRows={2}
          maxRows={8}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => vf.submit()]])}
          {...form.getInputProps('summary')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NodeField
            label={t('interactions.node')}
            placeholder={t('interactions.quickLog.noNode')}
            {...form.getInputProps('nodeId')}
          />
          <TopicsField label={t('interactions.topics')} {...form.getInputProps('topicIds')} />
          <FollowUpField {...form.getInputProps('followUpOn')} />
          <DateTimePicker
            {...dtpLabels}
            label={t('interactions.occurredAt')}
            required
            {...form.getInputProps('occurredAt')}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="sm" mt="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('interactions.quickLog.author')}
          </Text>
          <FormActions label={t('common.save')} onCancel={closeQuickLog} loading={mutation.isPending} />
        </Group>
      </Stack>
    </form>
  );
}
