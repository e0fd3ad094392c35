import type { ImportDecision, ImportReport, ImportRowReport, ImportRowStatus } from '@anett/shared/schemas/attendance';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  List,
  NativeSelect,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { TableHead } from '../../components/table-head.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { MAX_IMPORT_FILE_BYTES, readBase64 } from '../../lib/read-file.ts';
import { useImportAttendances } from './api.ts';

const STATUS_COLOR: Record<ImportRowStatus, string> = {
  matched: 'green',
  new: 'blue',
  duplicate_candidate: 'orange',
  skipped: 'gray',
  error: 'red',
};

type Decisions = Record<string, ImportDecision>;

/** What the user may decide per row; undefined for rows without a choice. */
function choices(row: ImportRowReport, t: ReturnType<typeof useLabels>['t']) {
  const create = { value: 'create', label: t('events.import.create') };
  const skip = { value: 'skip', label: t('events.import.skip') };
  switch (row.status) {
    case 'duplicate_candidate':
      return [
        { value: '', label: t('events.import.choose') },
        ...(row.candidates ?? []).map((c) => ({
          value: String(c.id),
          label: t('events.import.useExisting', {
            name: [c.name, c.organization, c.email].filter(Boolean).join(' · '),
          }),
        })),
        create,
        skip,
      ];
    case 'new':
      return [create, skip];
    case 'error':
      return [{ value: '', label: t('events.import.keepError') }, skip];
    default:
      return undefined;
  }
}

/**
 * Sign-in list import: the file is checked first (preview with a status per row and decisions for likely
 * duplicates), then written in one go — or, when a row is faulty, not at all.
 */
export function AttendanceImport({ eventId, onDone }: { eventId: number; onDone: () => void }) {
  const { t } = useLabels();
  const run = useImportAttendances(eventId);
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [mode, setMode] = useState<'attended' | 'registered'>('attended');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [problem, setProblem] = useState<{ message: string; rows: ImportRowReport[] } | null>(null);

  const check = async (picked: File | null) => {
    setFile(picked);
    setReport(null);
    setDecisions({});
    setProblem(null);
    setContent(null);
    if (!picked) return;
    if (picked.size > MAX_IMPORT_FILE_BYTES) {
      setProblem({ message: t('events.import.tooLarge'), rows: [] });
      return;
    }
    const base64 = await readBase64(picked);
    setContent(base64);
    run.mutate(
      { fileName: picked.name, contentBase64: base64, commit: false, status: mode },
      {
        onSuccess: (res) => {
          setReport(res);
          // Unknown persons are created unless the user says otherwise.
          setDecisions(
            Object.fromEntries(res.rows.filter((r) => r.status === 'new').map((r) => [String(r.line), 'create'])),
          );
        },
        onError: (err) => setProblem({ message: errorMessage(t, err), rows: [] }),
      },
    );
  };

  const commit = () => {
    if (!file || !content) return;
    setProblem(null);
    run.mutate(
      { fileName: file.name, contentBase64: content, commit: true, status: mode, decisions },
      {
        onSuccess: (res) => {
          notifications.show({
            color: 'green',
            title: t('events.import.doneTitle'),
            message: t('events.import.done', {
              attendances: res.summary.attendancesWritten,
              persons: res.summary.personsCreated,
            }),
          });
          onDone();
        },
        onError: (err) => {
          if (isApiError(err, 422)) {
            const data = err.data as ImportReport | undefined;
            if (data?.rows) setReport(data);
            setProblem({
              message: t('events.import.nothingImported'),
              rows: data?.rows.filter((r) => r.status === 'error') ?? [],
            });
          } else {
            setProblem({ message: errorMessage(t, err), rows: [] });
          }
        },
      },
    );
  };

  const undecided =
    report?.rows.filter((r) => r.status === 'duplicate_candidate' && decisions[String(r.line)] === undefined).length ??
    0;
  const errorsLeft =
    report?.rows.filter((r) => r.status === 'error' && decisions[String(r.line)] !== 'skip').length ?? 0;

  const decide = (line: number, value: string) =>
    setDecisions((d) => {
      const next = { ...d };
      if (value === '') delete next[String(line)];
      else next[String(line)] = value === 'create' || value === 'skip' ? value : Number(value);
      return next;
    });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('events.import.intro')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <FileInput
          label={t('events.import.file')}
          placeholder={t('events.import.filePlaceholder')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          clearable
          value={file}
          onChange={(f) => void check(f)}
          style={{ flex: '1 1 260px' }}
        />
        <NativeSelect
          label={t('events.import.mode')}
          value={mode}
          onChange={(e) => {
            setMode(e.currentTarget.value as 'attended' | 'registered');
          }}
          data={[
            { value: 'attended', label: t('events.import.modeAttended') },
            { value: 'registered', label: t('events.import.modeRegistered') },
          ]}
          w={{ base: '100%', xs: 270 }}
        />
      </Group>

      {problem && (
        <Alert color="red" variant="light" role="alert" title={problem.message}>
          {problem.rows.length > 0 && (
            <List size="sm">
              {problem.rows.map((r) => (
                <List.Item key={r.line}>
                  {t('events.import.lineError', { line: r.line, message: r.message ?? '' })}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      {run.isPending && !report && (
        <Text size="sm" c="dimmed" role="status">
          {t('events.import.checking')}
        </Text>
      )}

      {report && (
        <>
          <Group gap="xs" aria-live="polite">
            <Badge color="gray" variant="light" radius="sm">
              {t('events.import.total', { count: report.summary.total })}
            </Badge>
            {(['matched', 'new', 'duplicate_candidate', 'skipped', 'error'] as const).map((s) => {
              const n = report.rows.filter((r) => r.status === s).length;
              return n > 0 ? (
                <Badge key={s} color={STATUS_COLOR[s]} variant="light" radius="sm">
                  {t(`events.import.status.${s}`)}: {formatNumber(n)}
                </Badge>
              ) : null;
            })}
          </Group>
          <ScrollArea.Autosize mah={360} type="auto">
            <Table striped withTableBorder verticalSpacing={6} fz="sm" stickyHeader>
              <TableHead
                columns={[
                  t('events.import.line'),
                  t('events.import.name'),
                  t('events.import.organization'),
                  t('events.import.statusLabel'),
                  t('events.import.decision'),
                ]}
              />
              <Table.Tbody>
                {report.rows.map((r) => {
                  const options = choices(r, t);
                  const current = decisions[String(r.line)];
                  return (
                    <Table.Tr key={r.line}>
                      <Table.Td>{r.line}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.name || '–'}</Text>
                        {r.email && (
                          <Text size="xs" c="dimmed">
                            {r.email}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{r.organization}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[r.status]} variant="light" radius="sm">
                          {t(`events.import.status.${r.status}`)}
                        </Badge>
                        {(r.message || r.attendance === 'existing') && (
                          <Text size="xs" c={r.status === 'error' ? 'red' : 'dimmed'}>
                            {r.attendance === 'existing' ? t('events.import.alreadyListed') : r.message}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {options && (
                          <NativeSelect
                            size="xs"
                            aria-label={t('events.import.decisionFor', { line: r.line, name: r.name })}
                            data={options}
                            value={current === undefined ? '' : String(current)}
                            onChange={(e) => decide(r.line, e.currentTarget.value)}
                            error={r.status === 'duplicate_candidate' && current === undefined}
                          />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {(undecided > 0 || errorsLeft > 0) && (
            <Alert color="orange" variant="light">
              {undecided > 0 && <Text size="sm">{t('events.import.undecided', { count: undecided })}</Text>}
              {errorsLeft > 0 && <Text size="sm">{t('events.import.errorsLeft', { count: errorsLeft })}</Text>}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button onClick={commit} loading={run.isPending} disabled={undecided > 0}>
              {t('events.import.commit')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
