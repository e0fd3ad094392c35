import {
  type ImportBody,
  type ImportCommitResult,
  type ImportDecision,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  importMappingProblem,
  importPreview,
} from '@anett/shared/schemas/import';
import { CONSENT_CHANNEL, CONSENT_SOURCE, type ConsentChannel } from '@anett/shared/vocab/enums';
import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconCircleCheck, IconFileImport } from '@tabler/icons-react';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { PageHeader } from '../../components/page-header.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { type ApiError, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { readBase64 } from '../../lib/read-file.ts';
import { useCommitImport, usePreviewImport } from './api.ts';
import { FileStep } from './file-step.tsx';
import { MappingStep, mappingProblems } from './mapping-step.tsx';
import { PreviewTable, Summary } from './preview-step.tsx';
import { type Decisions, rowName, tally } from './rows.ts';
import './imports.css';

const route = getRouteApi('/app/import');
const STEPS = ['file', 'mapping', 'preview', 'done'] as const;
type Step = (typeof STEPS)[number];
/** How many imported records the result lists by name. */
const LISTED = 10;

type Upload = { name: string; size: number; base64: string };
type Consent = { on: boolean; channel: ConsentChannel | null; source: string; legalBasis: string; evidence: string };

/** The server's objections to a mapping: per column (`mapping.<column>`) and about the whole (`mapping`). */
function mappingErrors(err: ApiError) {
  const perColumn: Record<string, string> = {};
  const general: string[] = [];
  for (const [field, message] of Object.entries(err.fieldErrors)) {
    if (field === 'mapping') general.push(message);
    else if (field.startsWith('mapping.')) perColumn[field.slice('mapping.'.length)] = message;
  }
  return { perColumn, general };
}

/**
 * Person and organisation import as steps: file → column mapping → rows with errors and duplicate decisions →
 * one atomic commit. Every step is checked by the server's preview; nothing is written before the last button.
 */
export function ImportPage() {
  const { t, label } = useLabels();
  const search = route.useSearch();
  const preview = usePreviewImport();
  const commit = useCommitImport();
  const [step, setStep] = useState<Step>('file');
  const [kind, setKind] = useState<ImportKind>(search.kind ?? 'persons');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [columns, setColumns] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [examples, setExamples] = useState<Record<string, string>>({});
  const [serverMapping, setServerMapping] = useState<{ perColumn: Record<string, string>; general: string[] }>({
    perColumn: {},
    general: [],
  });
  const [report, setReport] = useState<ImportPreview | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [consent, setConsent] = useState<Consent>({
    on: false,
    channel: null,
    source: 'import',
    legalBasis: t('privacy.legalBasisConsent'),
    evidence: '',
  });
  const [rejected, setRejected] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const goTo = (next: Step) => {
    setStep(next);
    // The new step's heading takes the focus, so keyboard and screen-reader users start at its top.
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const body = (extra: Partial<ImportBody> = {}): ImportBody => ({
    kind,
    fileName: upload?.name ?? '',
    contentBase64: upload?.base64 ?? '',
    ...extra,
  });

  /** Reads the file with the headers' mapping (or the given one) and opens the mapping step. */
  const read = (file: Upload, forKind: ImportKind) => {
    setFileError(null);
    setReport(null);
    setDecisions({});
    preview.mutate(
      { kind: forKind, fileName: file.name, contentBase64: file.base64 },
      {
        onSuccess: (res) => {
          setReport(res);
          setColumns(res.columns);
          setExamples(res.examples);
          setMapping(res.mapping);
          setServerMapping({ perColumn: {}, general: [] });
          goTo('mapping');
        },
        onError: (err) => {
          // Headers that place no required field: the columns come along, to be mapped by hand.
          const data = isApiError(err, 400) ? importMappingProblem.safeParse(err.data) : null;
          if (data?.success && isApiError(err)) {
            setColumns(data.data.columns);
            setExamples(data.data.examples);
            setMapping(data.data.mapping);
            setServerMapping(mappingErrors(err));
            goTo('mapping');
            return;
          }
          const field = isApiError(err) ? (err.fieldErrors.contentBase64 ?? err.fieldErrors.fileName) : undefined;
          setFileError(field ?? errorMessage(t, err));
        },
      },
    );
  };

  const pick = async (file: File) => {
    setFileError(null);
    try {
      const next = { name: file.name, size: file.size, base64: await readBase64(file) };
      setUpload(next);
      read(next, kind);
    } catch {
      setFileError(t('imports.fileFailed'));
    }
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    if (upload) read(upload, next);
  };

  const sameMapping = (a: ImportMapping, b: ImportMapping) => columns.every((c) => (a[c] ?? '') === (b[c] ?? ''));

  /** From the mapping to the rows: asks the server again only when the mapping changed. */
  const check = () => {
    if (report && sameMapping(report.mapping, mapping)) {
      goTo('preview');
      return;
    }
    preview.mutate(body({ mapping }), {
      onSuccess: (res) => {
        setReport(res);
        setDecisions({});
        setServerMapping({ perColumn: {}, general: [] });
        goTo('preview');
      },
      onError: (err) => {
        if (isApiError(err, 400) && Object.keys(err.fieldErrors).some((f) => f.startsWith('mapping')))
          setServerMapping(mappingErrors(err));
        else setServerMapping({ perColumn: {}, general: [errorMessage(t, err)] });
      },
    });
  };

  const decide = (line: number, decision: ImportDecision | undefined) =>
    setDecisions((d) => {
      const next = { ...d };
      if (decision) next[String(line)] = decision;
      else delete next[String(line)];
      return next;
    });

  const skipInvalid = () =>
    setDecisions((d) => {
      const next = { ...d };
      for (const r of report?.rows ?? []) if (r.errors.length > 0) next[String(r.line)] = 'skip';
      return next;
    });

  const run = () => {
    setRejected(null);
    setCommitError(null);
    const withConsent =
      kind === 'persons' && consent.on && consent.channel
        ? {
            consent: {
              channel: consent.channel,
              source: consent.source as NonNullable<ImportBody['consent']>['source'],
              legalBasis: consent.legalBasis || undefined,
              evidence: consent.evidence || undefined,
            },
          }
        : {};
    commit.mutate(body({ mapping, decisions, ...withConsent }), {
      onSuccess: (res) => {
        setResult(res);
        goTo('done');
      },
      onError: (err) => {
        // 422: the server's own row report (with these decisions) replaces the table, nothing was written.
        const data = isApiError(err, 422) ? importPreview.safeParse(err.data) : null;
        if (data?.success) {
          setReport(data.data);
          setRejected(isApiError(err) ? (err.detail ?? '') : '');
          return;
        }
        setCommitError({
          message: errorMessage(t, err),
          fields: isApiError(err) ? err.fieldErrors : {},
        });
      },
    });
  };

  const restart = () => {
    setUpload(null);
    setReport(null);
    setDecisions({});
    setResult(null);
    setRejected(null);
    setCommitError(null);
    setColumns([]);
    setMapping({});
    goTo('file');
  };

  const problems = mappingProblems(kind, columns, mapping);
  const mappingBlocked = Object.keys(problems.byColumn).length > 0 || problems.missing.length > 0;
  const counts = report ? tally(report.rows, decisions) : null;
  const consentMissing = kind === 'persons' && consent.on && !consent.channel;
  const commitBlocked = !counts || counts.invalid > 0 || counts.undecided > 0 || counts.ready === 0 || consentMissing;
  const stepIndex = STEPS.indexOf(step);
  const stepTitle = {
    file: t('imports.steps.fileHint'),
    mapping: t('imports.mapping.title'),
    preview: t('imports.preview.title'),
    done: t('imports.done.title'),
  }[step];

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Stepper
        active={stepIndex}
        onStepClick={(i) => {
          const target = STEPS[i];
          // Back to an earlier step only, and not once the import is written.
          if (target && i < stepIndex && step !== 'done') goTo(target);
        }}
        allowNextStepsSelect={false}
        size="sm"
        mb="lg"
        className="import-stepper"
      >
        {STEPS.map((s) => (
          <Stepper.Step
            key={s}
            label={t(`imports.steps.${s}`)}
            description={t(`imports.steps.${s}Hint`)}
            allowStepSelect={step !== 'done' && STEPS.indexOf(s) < stepIndex}
          />
        ))}
      </Stepper>

      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="import-step">
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={2} fz="lg" id="import-step" ref={headingRef} tabIndex={-1}>
              {stepTitle}
            </Title>
            {upload && step !== 'file' && (
              <Text size="sm" c="dimmed">
                {upload.name} · {kind === 'persons' ? t('imports.kindPersons') : t('imports.kindOrganizations')}
                {report ? ` · ${t('imports.rowsRead', { count: report.rows.length })}` : ''}
              </Text>
            )}
          </Group>

          {step === 'file' && (
            <FileStep
              kind={kind}
              onKind={changeKind}
              onFile={(f) => void pick(f)}
              fileName={upload?.name ?? null}
              fileSize={upload?.size ?? null}
              busy={preview.isPending}
              error={fileError}
            />
          )}
          {step === 'file' && upload && columns.length > 0 && !preview.isPending && !fileError && (
            <Group justify="flex-end">
              <Button rightSection={<IconArrowRight size={16} />} onClick={() => goTo('mapping')}>
                {t('imports.toMapping')}
              </Button>
            </Group>
          )}

          {step === 'mapping' && (
            <>
              <MappingStep
                kind={kind}
                columns={columns}
                mapping={mapping}
                onChange={(column, field) => {
                  setMapping((m) => ({ ...m, [column]: field }));
                  setServerMapping((s) => {
                    const { [column]: _gone, ...rest } = s.perColumn;
                    return { perColumn: rest, general: s.general };
                  });
                }}
                serverErrors={serverMapping.perColumn}
                serverGeneral={serverMapping.general}
                examples={examples}
              />
              <Group justify="space-between" gap="sm">
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => goTo('file')}>
                  {t('common.back')}
                </Button>
                <Group gap="sm">
                  {mappingBlocked && (
                    <Text size="sm" c="orange.9" id="mapping-blocked">
                      {t('imports.mapping.fixFirst')}
                    </Text>
                  )}
                  <Button
                    rightSection={<IconArrowRight size={16} />}
                    onClick={check}
                    loading={preview.isPending}
                    disabled={mappingBlocked}
                    aria-describedby={mappingBlocked ? 'mapping-blocked' : undefined}
                  >
                    {t('imports.mapping.next')}
                  </Button>
                </Group>
              </Group>
            </>
          )}

          {step === 'preview' && report && counts && (
            <>
              {rejected !== null && (
                <Alert color="red" variant="light" role="alert" title={t('imports.rejected')}>
                  {t('imports.rejectedHint', { detail: rejected })}
                </Alert>
              )}
              <Summary rows={report.rows} decisions={decisions} />
              <PreviewTable
                kind={kind}
                rows={report.rows}
                decisions={decisions}
                onDecide={decide}
                onSkipInvalid={skipInvalid}
              />
              {kind === 'persons' && (
                <ConsentForm
                  value={consent}
                  onChange={(patch) => setConsent((c) => ({ ...c, ...patch }))}
                  fileName={upload?.name ?? ''}
                  errors={commitError?.fields ?? {}}
                  channels={Object.keys(CONSENT_CHANNEL).map((c) => ({ value: c, label: label(CONSENT_CHANNEL, c) }))}
                  sources={Object.keys(CONSENT_SOURCE).map((s) => ({ value: s, label: label(CONSENT_SOURCE, s) }))}
                />
              )}
              {commitError && (
                <Alert color="red" variant="light" role="alert">
                  {commitError.message}
                </Alert>
              )}
              {commitBlocked && (
                <Alert color="orange" variant="light" title={t('imports.blocked')} id="import-blocked">
                  <List size="sm">
                    {counts.invalid > 0 && (
                      <List.Item>{t('imports.blockedInvalid', { count: counts.invalid })}</List.Item>
                    )}
                    {counts.undecided > 0 && (
                      <List.Item>{t('imports.blockedUndecided', { count: counts.undecided })}</List.Item>
                    )}
                    {counts.ready === 0 && counts.invalid === 0 && counts.undecided === 0 && (
                      <List.Item>{t('imports.blockedNothing')}</List.Item>
                    )}
                    {consentMissing && (
                      <List.Item>
                        {t('privacy.channel')}: {t('forms.required')}
                      </List.Item>
                    )}
                  </List>
                </Alert>
              )}
              <Group justify="space-between" gap="sm">
                <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => goTo('mapping')}>
                  {t('common.back')}
                </Button>
                <Button
                  leftSection={<IconFileImport size={16} />}
                  onClick={run}
                  loading={commit.isPending}
                  disabled={commitBlocked}
                  aria-describedby={commitBlocked ? 'import-blocked' : undefined}
                >
                  {t('imports.commit', { count: counts.ready })}
                </Button>
              </Group>
            </>
          )}

          {step === 'done' && result && report && (
            <Done
              kind={kind}
              fileName={upload?.name ?? ''}
              result={result}
              report={report}
              decisions={decisions}
              onAgain={restart}
            />
          )}
        </Stack>
      </Paper>
    </>
  );
}

type ConsentFormProps = {
  value: Consent;
  onChange: (patch: Partial<Consent>) => void;
  fileName: string;
  errors: Record<string, string>;
  channels: { value: string; label: string }[];
  sources: { value: string; label: string }[];
};

/** Optional: one consent entry (granted) for every imported person, with source, legal basis and evidence. */
function ConsentForm({ value, onChange, fileName, errors, channels, sources }: ConsentFormProps) {
  const { t } = useLabels();
  return (
    <Paper withBorder radius="md" p="md" component="fieldset" className="import-consent">
      <Text component="legend" fw={600} px={4}>
        {t('imports.consent.title')}
      </Text>
      <Stack gap="sm">
        <Checkbox
          label={t('imports.consent.enable')}
          description={t('imports.consent.hint')}
          checked={value.on}
          onChange={(e) => onChange({ on: e.currentTarget.checked })}
        />
        {value.on && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('privacy.channel')}
                required
                data={channels}
                value={value.channel}
                onChange={(v) => onChange({ channel: (v as ConsentChannel | null) ?? null })}
                error={errors['consent.channel'] ?? (value.channel ? undefined : t('forms.required'))}
              />
              <Select
                label={t('privacy.source')}
                required
                allowDeselect={false}
                data={sources}
                value={value.source}
                onChange={(v) => onChange({ source: v ?? 'import' })}
                error={errors['consent.source']}
              />
            </SimpleGrid>
            <Autocomplete
              label={t('privacy.legalBasis')}
              description={t('privacy.legalBasisHint')}
              data={[t('privacy.legalBasisConsent'), t('privacy.legalBasisContract'), t('privacy.legalBasisInterest')]}
              maxLength={200}
              value={value.legalBasis}
              onChange={(v) => onChange({ legalBasis: v })}
              error={errors['consent.legalBasis']}
            />
            <Textarea
              label={t('privacy.evidence')}
              description={`${t('privacy.evidenceHint')} ${t('imports.consent.evidenceHint', { file: fileName })}`}
              autosize
              minRows={2}
              maxLength={2000}
              value={value.evidence}
              onChange={(e) => onChange({ evidence: e.currentTarget.value })}
              error={errors['consent.evidence']}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}

type DoneProps = {
  kind: ImportKind;
  fileName: string;
  result: ImportCommitResult;
  report: ImportPreview;
  decisions: Decisions;
  onAgain: () => void;
};

/** What was written, the first records by name, and the way to the list. */
function Done({ kind, fileName, result, report, decisions, onAgain }: DoneProps) {
  const { t } = useLabels();
  // `ids` are in file order: the rows that were created or updated.
  const written = report.rows.filter((r) => {
    const d = decisions[String(r.line)];
    return d !== 'skip' && r.errors.length === 0;
  });
  const to = kind === 'persons' ? '/personen' : '/organisationen';
  const shown: (keyof ImportCommitResult)[] = [
    'created',
    'updated',
    'skipped',
    ...(kind === 'persons' ? (['organizationsCreated'] as const) : []),
    ...(result.consents > 0 ? (['consents'] as const) : []),
  ];
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} role="status">
        {t('imports.done.summary', { name: fileName })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: shown.length }} spacing="sm">
        {shown.map((key) => (
          <Paper key={key} withBorder radius="md" p="sm" data-testid={`import-result-${key}`}>
            <Text fz={26} fw={700} lh={1.1}>
              {formatNumber(result[key] as number)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.done.${key as 'created'}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {result.ids.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('imports.done.imported')}</Text>
          <List size="sm" spacing={2}>
            {result.ids.slice(0, LISTED).map((id, i) => (
              <List.Item key={id}>
                {kind === 'persons' ? (
                  <AnchorLink to="/personen/$id" params={{ id }}>
                    {rowName(kind, written[i]?.values ?? {}) || `#${id}`}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/organisationen/$id" params={{ id }}>
                    {rowName(kind, written[i]?.values ?? {}) || `#${id}`}
                  </AnchorLink>
                )}
              </List.Item>
            ))}
          </List>
          {result.ids.length > LISTED && (
            <Text size="sm" c="dimmed">
              {t('imports.done.more', { count: result.ids.length - LISTED })}
            </Text>
          )}
        </Stack>
      )}
      <Group gap="sm" wrap="wrap">
        <ButtonLink to={to} search={{ sort: '-updatedAt' }} leftSection={<IconArrowRight size={16} />}>
          {kind === 'persons' ? t('imports.done.showPersons') : t('imports.done.showOrganizations')}
        </ButtonLink>
        <Button variant="default" onClick={onAgain}>
          {t('imports.done.again')}
        </Button>
      </Group>
    </Stack>
  );
}
