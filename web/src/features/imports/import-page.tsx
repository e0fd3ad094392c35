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
  const wizard = useImportWizard();
  const { t, label } = useLabels();
  const stepTitle = {
    file: t('imports.steps.fileHint'),
    mapping: t('imports.mapping.title'),
    preview: t('imports.preview.title'),
    done: t('imports.done.title'),
  }[wizard.step];

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ImportStepper step={wizard.step} onGoTo={wizard.goTo} />

      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="import-step">
        <Stack gap="md">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Title order={2} fz="lg" id="import-step" ref={wizard.headingRef} tabIndex={-1}>
              {stepTitle}
            </Title>
            {wizard.upload && wizard.step !== 'file' && (
              <Text size="sm" c="dimmed">
                {wizard.upload.name} ·{' '}
                {wizard.kind === 'persons' ? t('imports.kindPersons') : t('imports.kindOrganizations')}
                {wizard.report ? ` · ${t('imports.rowsRead', { count: wizard.report.rows.length })}` : ''}
              </Text>
            )}
          </Group>

          {wizard.step === 'file' && (
            <FileStep
              kind={wizard.kind}
              onKind={wizard.changeKind}
              onFile={(f) => void wizard.pick(f)}
              fileName={wizard.upload?.name ?? null}
              fileSize={wizard.upload?.size ?? null}
              busy={wizard.preview.isPending}
              error={wizard.fileError}
            />
          )}
          {wizard.step === 'file' &&
            wizard.upload &&
            wizard.columns.length > 0 &&
            !wizard.preview.isPending &&
            !wizard.fileError && (
              <Group justify="flex-end">
                <Button rightSection={<IconArrowRight size={16} />} onClick={() => wizard.goTo('mapping')}>
                  {t('imports.toMapping')}
                </Button>
              </Group>
            )}

          {wizard.step === 'mapping' && (
            <>
              <MappingStep
                kind={wizard.kind}
                columns={wizard.columns}
                mapping={wizard.mapping}
                onChange={wizard.changeMapping}
                serverErrors={wizard.serverMapping.perColumn}
                serverGeneral={wizard.serverMapping.general}
                examples={wizard.examples}
              />
              <StepNav
                onBack={() => wizard.goTo('file')}
                blocked={wizard.mappingBlocked}
                blockedId="mapping-blocked"
                hint={t('imports.mapping.fixFirst')}
                next={t('imports.mapping.next')}
                nextIcon="forward"
                onNext={wizard.check}
                busy={wizard.preview.isPending}
              />
            </>
          )}

          {wizard.step === 'preview' && wizard.report && wizard.counts && (
            <>
              {wizard.rejected !== null && (
                <Alert color="red" variant="light" role="alert" title={t('imports.rejected')}>
                  {t('imports.rejectedHint', { detail: wizard.rejected })}
                </Alert>
              )}
              <Summary rows={wizard.report.rows} decisions={wizard.decisions} />
              <PreviewTable
                kind={wizard.kind}
                rows={wizard.report.rows}
                decisions={wizard.decisions}
                onDecide={wizard.decide}
                onSkipInvalid={wizard.skipInvalid}
              />
              {wizard.kind === 'persons' && (
                <ConsentForm
                  value={wizard.consent}
                  onChange={(patch) => wizard.setConsent((c) => ({ ...c, ...patch }))}
                  fileName={wizard.upload?.name ?? ''}
                  errors={wizard.commitError?.fields ?? {}}
                  channels={Object.keys(CONSENT_CHANNEL).map((c) => ({ value: c, label: label(CONSENT_CHANNEL, c) }))}
                  sources={Object.keys(CONSENT_SOURCE).map((s) => ({ value: s, label: label(CONSENT_SOURCE, s) }))}
                />
              )}
              {wizard.commitError && <FormAlert>{wizard.commitError.message}</FormAlert>}
              {wizard.commitBlocked && <CommitBlocked counts={wizard.counts} consentMissing={wizard.consentMissing} />}
              <StepNav
                onBack={() => wizard.goTo('mapping')}
                blocked={wizard.commitBlocked}
                blockedId="import-blocked"
                next={t('imports.commit', { count: wizard.counts.ready })}
                nextIcon="import"
                onNext={wizard.run}
                busy={wizard.commit.isPending}
              />
            </>
          )}

          {wizard.step === 'done' && wizard.result && wizard.report && (
            <Done
              kind={wizard.kind}
              fileName={wizard.upload?.name ?? ''}
              result={wizard.result}
              report={wizard.report}
              decisions={wizard.decisions}
              onAgain={wizard.restart}
            />
          )}
        </Stack>
      </Paper>
    </>
  );
}
