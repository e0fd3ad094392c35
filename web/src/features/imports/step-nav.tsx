import { Alert, Button, Group, List, Stepper, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconFileImport } from '@tabler/icons-react';
import { useLabels } from '../../lib/i18n.ts';
import type { tally } from './rows.ts';

export const STEPS = ['file', 'mapping', 'preview', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** The four steps; an earlier one can be revisited until the import is written. */
export function ImportStepper({ step, onGoTo }: { step: Step; onGoTo: (step: Step) => void }) {
  const { t } = useLabels();
  const stepIndex = STEPS.indexOf(step);
  return (
    <Stepper
      active={stepIndex}
      onStepClick={(i) => {
        const target = STEPS[i];
        // Back to an earlier step only, and not once the import is written.
        if (target && i < stepIndex && step !== 'done') onGoTo(target);
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
  );
}

type NavProps = {
  onBack: () => void;
  next: string;
  nextIcon: 'forward' | 'import';
  onNext: () => void;
  busy: boolean;
  /** The next button is disabled and described by the element with `blockedId`. */
  blocked: boolean;
  blockedId: string;
  /** Shown beside the next button while blocked (and is then the element with `blockedId`). */
  hint?: string;
};

/** Back and next at the foot of a step. */
export function StepNav({ onBack, next, nextIcon, onNext, busy, blocked, blockedId, hint }: NavProps) {
  const { t } = useLabels();
  const nextButton = (
    <Button
      leftSection={nextIcon === 'import' ? <IconFileImport size={16} /> : undefined}
      rightSection={nextIcon === 'forward' ? <IconArrowRight size={16} /> : undefined}
      onClick={onNext}
      loading={busy}
      disabled={blocked}
      aria-describedby={blocked ? blockedId : undefined}
    >
      {next}
    </Button>
  );
  return (
    <Group justify="space-between" gap="sm">
      <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
        {t('common.back')}
      </Button>
      {hint === undefined ? (
        nextButton
      ) : (
        <Group gap="sm">
          {blocked && (
            <Text size="sm" c="orange.9" id={blockedId}>
              {hint}
            </Text>
          )}
          {nextButton}
        </Group>
      )}
    </Group>
  );
}

/** Why the import cannot be written yet. */
export function CommitBlocked({
  counts,
  consentMissing,
}: {
  counts: ReturnType<typeof tally>;
  consentMissing: boolean;
}) {
  const { t } = useLabels();
  return (
    <Alert color="orange" variant="light" title={t('imports.blocked')} id="import-blocked">
      <List size="sm">
        {counts.invalid > 0 && <List.Item>{t('imports.blockedInvalid', { count: counts.invalid })}</List.Item>}
        {counts.undecided > 0 && <List.Item>{t('imports.blockedUndecided', { count: counts.undecided })}</List.Item>}
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
  );
}
