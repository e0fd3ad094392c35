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
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { type ApiError, isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { readBase64 } from '../../lib/read-file.ts';
import { useCommitImport, usePreviewImport } from './api.ts';
import type { Consent } from './consent-form.tsx';
import { mappingProblems } from './mapping-step.tsx';
import { type Decisions, tally } from './rows.ts';
import type { Step } from './step-nav.tsx';

const route = getRouteApi('/app/import');

type Upload = { name: string; size: number; base64: string };

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

/** The import wizard's state and steps: what was read, the mapping, the decisions, the consent, the result. */
export function useImportWizard() {
  const { t } = useLabels();
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

  /** A column mapped anew: the server's objection to that column no longer applies. */
  const changeMapping = (column: string, field: string) => {
    setMapping((m) => ({ ...m, [column]: field }));
    setServerMapping((s) => {
      const { [column]: _gone, ...rest } = s.perColumn;
      return { perColumn: rest, general: s.general };
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
  return {
    step,
    goTo,
    upload,
    kind,
    report,
    changeKind,
    pick,
    preview,
    fileError,
    columns,
    mapping,
    changeMapping,
    serverMapping,
    examples,
    mappingBlocked,
    check,
    rejected,
    decisions,
    decide,
    skipInvalid,
    consent,
    setConsent,
    commitError,
    counts,
    consentMissing,
    commitBlocked,
    run,
    commit,
    result,
    restart,
    headingRef,
  };
}
