import { CONSENT_CHANNEL, CONSENT_SOURCE } from '@anett/shared/vocab/enums';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { PageHeader } from '../../components/page-header.tsx';
import { ConsentForm } from './consent-form.tsx';
import { Done } from './done-step.tsx';
import { FileStep } from './file-step.tsx';
import { MappingStep } from './mapping-step.tsx';
import { PreviewTable, Summary } from './preview-step.tsx';
import { CommitBlocked, ImportStepper, StepNav } from './step-nav.tsx';
import './imports.css';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { useLabels } from '../../lib/i18n.ts';
import { useImportWizard } from './use-import-wizard.ts';

/**
 * Person and organisation import as steps: file → column mapping → rows with errors and duplicate decisions →
 * one atomic commit. Every step is checked by the server's preview; nothing is written before the last button.
 */
export function ImportPage() {
  const {
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
    changeMapping,
  } = useImportWizard();
  const { t, label } = useLabels();
  const stepTitle = {
    file: t('imports.steps.fileHint'),
    mapping: t('imports.mapping.title'),
    preview: t('imports.preview.title'),
    done: t('imports.done.title'),
  }[step];

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ImportStepper step={step} onGoTo={goTo} />

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
                onChange={changeMapping}
                serverErrors={serverMapping.perColumn}
                serverGeneral={serverMapping.general}
                examples={examples}
              />
              <StepNav
                onBack={() => goTo('file')}
                blocked={mappingBlocked}
                blockedId="mapping-blocked"
                hint={t('imports.mapping.fixFirst')}
                next={t('imports.mapping.next')}
                nextIcon="forward"
                onNext={check}
                busy={preview.isPending}
              />
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
              {commitError && <FormAlert>{commitError.message}</FormAlert>}
              {commitBlocked && <CommitBlocked counts={counts} consentMissing={consentMissing} />}
              <StepNav
                onBack={() => goTo('mapping')}
                blocked={commitBlocked}
                blockedId="import-blocked"
                next={t('imports.commit', { count: counts.ready })}
                nextIcon="import"
                onNext={run}
                busy={commit.isPending}
              />
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
