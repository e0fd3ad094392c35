import { segments as segmentRoutes } from '@anett/shared/routes/segment';
import type { AttendanceBatchResult } from '@anett/shared/schemas/attendance';
import { ATTENDANCE_ROLE, ATTENDANCE_ROLES, type AttendanceRole } from '@anett/shared/vocab/enums';
import { Alert, Group, List, Modal, NativeSelect, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport, IconFilter, IconMail, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { EntityMultiSelect, type EntityOption } from '../../components/entity-multi-select.tsx';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { call, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useAddAttendees } from './api.ts';
import { AttendanceImport } from './attendance-import.tsx';

type Props = { eventId: number; opened: boolean; onClose: () => void };

type AddStatus = 'registered' | 'interested';
const BATCH = 1000;
const SEGMENT_PAGE = 500;
const EMAIL = /[^\s,;<>"()]+@[^\s,;<>"()]+\.[^\s,;<>"()]+/g;

/** The ways of adding, in order; the segment tab only where segments can be listed. */
const TABS = [
  { value: 'search', Icon: IconSearch, label: 'events.add.tabSearch' },
  { value: 'emails', Icon: IconMail, label: 'events.add.tabEmails' },
  { value: 'segment', Icon: IconFilter, label: 'events.add.tabSegment' },
  { value: 'import', Icon: IconFileImport, label: 'events.add.tabImport' },
] as const;

/** Addresses found in pasted text ("Anna <a@b.de>; c@d.de …"), lower-cased and without repeats. */
export const parseEmails = (text: string) => [...new Set((text.match(EMAIL) ?? []).map((e) => e.toLowerCase()))];

async function segmentPersonIds(segmentId: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ; page++) {
    const res = await call(segmentRoutes.persons, {
      params: { id: segmentId },
      query: { page, pageSize: SEGMENT_PAGE },
    });
    ids.push(...res.items.map((p) => p.id));
    if (ids.length >= res.total || res.items.length === 0) return ids;
  }
}

/** Adds persons by search, pasted e-mails, a saved segment, or a sign-in list file. */
export function AddAttendeesModal({ eventId, opened, onClose }: Props) {
  const { t, label } = useLabels();
  const [tab, setTab] = useState<string | null>('search');
  const [persons, setPersons] = useState<EntityOption[]>([]);
  const [emailText, setEmailText] = useState('');
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [status, setStatus] = useState<AddStatus>('registered');
  const [role, setRole] = useState<AttendanceRole>('guest');
  const [unknown, setUnknown] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = useAddAttendees(eventId);

  // Segments arrive with another issue: without the endpoint the tab is not offered.
  const segments = useQuery({
    queryKey: ['segments', 'list', { pageSize: 200, sort: 'name' }],
    queryFn: ({ signal }) => call(segmentRoutes.list, { query: { pageSize: 200, sort: 'name' }, signal }),
    enabled: opened,
    retry: false,
  });
  const hasSegments = segments.isSuccess;

  const reset = () => {
    setPersons([]);
    setEmailText('');
    setSegmentId(null);
    setUnknown([]);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  /** One notice for the whole batch: how many were added, who went to the waiting list, who was there already. */
  const report = (results: AttendanceBatchResult[]) => {
    const items = results.flatMap((r) => r.items);
    const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
    const waitlisted = items.filter((i) => i.waitlisted);
    const lines = [t('events.add.added', { count: items.length - waitlisted.length })];
    if (waitlisted.length > 0) {
      const names = waitlisted
        .slice(0, 5)
        .map((i) => `${i.person.firstName} ${i.person.lastName}`)
        .join(', ');
      lines.push(t('events.add.waitlisted', { count: waitlisted.length, names }));
    }
    if (skipped > 0) lines.push(t('events.add.skipped', { count: skipped }));
    notifications.show({
      color: waitlisted.length > 0 ? 'orange' : 'green',
      title: waitlisted.length > 0 ? t('events.add.waitlistTitle') : t('events.add.doneTitle'),
      message: lines.join(' '),
      autoClose: waitlisted.length > 0 ? 10_000 : 5000,
    });
  };

  const send = async (bodies: { personIds?: number[]; emails?: string[] }[]) => {
    setError(null);
    setBusy(true);
    try {
      const results: AttendanceBatchResult[] = [];
      for (const body of bodies) results.push(await add.mutateAsync({ ...body, status, role }));
      return results;
    } catch (err) {
      setError(isApiError(err) && err.status === 404 ? t('events.add.personGone') : errorMessage(t, err));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const chunks = <T,>(list: T[]) =>
    Array.from({ length: Math.ceil(list.length / BATCH) }, (_, i) => list.slice(i * BATCH, (i + 1) * BATCH));

  const submitPersons = async () => {
    if (persons.length === 0) {
      setError(t('events.add.choosePersons'));
      return;
    }
    const results = await send([{ personIds: persons.map((p) => p.id) }]);
    if (results) {
      report(results);
      close();
    }
  };

  const emails = parseEmails(emailText);
  const submitEmails = async () => {
    if (emails.length === 0) {
      setError(t('events.add.noEmails'));
      return;
    }
    const results = await send(chunks(emails).map((list) => ({ emails: list })));
    if (!results) return;
    const notFound = results.flatMap((r) => r.unknownEmails);
    report(results);
    if (notFound.length === 0) {
      close();
    } else {
      // Keep the dialog open with the addresses nobody has, so they can be checked or added as persons.
      setUnknown(notFound);
      setEmailText(notFound.join('\n'));
    }
  };

  const submitSegment = async () => {
    if (!segmentId) {
      setError(t('events.add.chooseSegment'));
      return;
    }
    setBusy(true);
    let ids: number[];
    try {
      ids = await segmentPersonIds(Number(segmentId));
    } catch (err) {
      setError(errorMessage(t, err));
      setBusy(false);
      return;
    }
    if (ids.length === 0) {
      setError(t('events.add.segmentEmpty'));
      setBusy(false);
      return;
    }
    const results = await send(chunks(ids).map((list) => ({ personIds: list })));
    if (results) {
      report(results);
      close();
    }
  };

  const options = (
    <Group gap="sm" grow>
      <NativeSelect
        label={t('events.add.status')}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as AddStatus)}
        data={[
          { value: 'registered', label: t('events.add.asRegistered') },
          { value: 'interested', label: t('events.add.asInterested') },
        ]}
      />
      <NativeSelect
        label={t('events.attendance.role')}
        value={role}
        onChange={(e) => setRole(e.currentTarget.value as AttendanceRole)}
        data={ATTENDANCE_ROLES.map((r) => ({ value: r, label: label(ATTENDANCE_ROLE, r) }))}
      />
    </Group>
  );

  /** One way of adding: its fields, then status and role, then its submit button. */
  const panel = (value: string, submit: () => Promise<void>, submitLabel: string, fields: ReactNode) => (
    <Tabs.Panel value={value}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {fields}
          {options}
          <FormActions onCancel={close} loading={busy} label={submitLabel} />
        </Stack>
      </form>
    </Tabs.Panel>
  );

  return (
    <Modal opened={opened} onClose={close} size="xl" title={t('events.add.title')}>
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v);
          setError(null);
        }}
      >
        <Tabs.List mb="md">
          {TABS.filter((tab) => tab.value !== 'segment' || hasSegments).map(({ value, Icon, label: key }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} />}>
              {t(key)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        {error && tab !== 'import' && (
          <Alert color="red" variant="light" role="alert" mb="md">
            {error}
          </Alert>
        )}

        {panel(
          'search',
          submitPersons,
          t('events.add.submitN', { count: persons.length }),
          <EntityMultiSelect
            kind="persons"
            label={t('events.add.persons')}
            placeholder={t('events.add.personsPlaceholder')}
            data-autofocus
            value={persons}
            onChange={setPersons}
          />,
        )}
        {panel(
          'emails',
          submitEmails,
          t('events.add.submitEmails', { count: emails.length }),
          <>
            {unknown.length > 0 && (
              <Alert color="orange" variant="light" title={t('events.add.unknownTitle', { count: unknown.length })}>
                <Text size="sm" mb={4}>
                  {t('events.add.unknownHint')}
                </Text>
                <List size="sm">
                  {unknown.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Textarea
              label={t('events.add.emails')}
              description={t('events.add.emailsHelp')}
              autosize
              minRows={5}
              maxRows={14}
              value={emailText}
              onChange={(e) => {
                setEmailText(e.currentTarget.value);
                setUnknown([]);
              }}
            />
            <Text size="sm" c="dimmed">
              {t('events.add.emailsFound', { count: emails.length })}
            </Text>
          </>,
        )}
        {hasSegments &&
          panel(
            'segment',
            submitSegment,
            t('events.add.submit'),
            <Select
              label={t('events.add.segment')}
              placeholder={t('events.add.segmentPlaceholder')}
              searchable
              data={(segments.data?.items ?? []).map((s) => ({
                value: String(s.id),
                label: `${s.name} (${formatNumber(s.count)})`,
              }))}
              value={segmentId}
              onChange={setSegmentId}
              nothingFoundMessage={t('events.add.noSegments')}
            />,
          )}

        <Tabs.Panel value="import">
          <AttendanceImport eventId={eventId} onDone={close} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
