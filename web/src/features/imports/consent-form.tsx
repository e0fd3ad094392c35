import type { ConsentChannel } from '@anett/shared/vocab/enums';
import { Autocomplete, Checkbox, Paper, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useLabels } from '../../lib/i18n.ts';

export type Consent = {
  on: boolean;
  channel: ConsentChannel | null;
  source: string;
  legalBasis: string;
  evidence: string;
};

type ConsentFormProps = {
  value: Consent;
  onChange: (patch: Partial<Consent>) => void;
  fileName: string;
  errors: Record<string, string>;
  channels: { value: string; label: string }[];
  sources: { value: string; label: string }[];
};

/** Optional: one consent entry (granted) for every imported person, with source, legal basis and evidence. */
export function ConsentForm({ value, onChange, fileName, errors, channels, sources }: ConsentFormProps) {
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
