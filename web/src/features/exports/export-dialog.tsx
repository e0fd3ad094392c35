import {
  EXPORT_CHANNELS,
  type ExportChannel,
  type ExportFormat,
  type ExportQueryInput,
} from '@anett/shared/schemas/export';
import type { SegmentFilterInput } from '@anett/shared/schemas/segment';
import { CONSENT_CHANNEL } from '@anett/shared/vocab/enums';
import { Alert, Checkbox, Modal, Radio, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { ReasonField } from '../../components/forms/reason-field.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { downloadExport, exportPreviewOptions } from './api.ts';
import { ExcludedList } from './excluded-list.tsx';

type Props = {
  /** The person filter to export; null closes the dialog. */
  filter: SegmentFilterInput | null;
  /** Base of the file name (a segment's name), else a generic one. */
  fileName?: string;
  onClose: () => void;
};

const PURPOSE_MIN = 10;
/** The workbook first: it is the file for Excel and Calc (a CSV opened there loses leading zeros: 07745 → 7745). */
const EXPORT_FORMATS_BY_USE = ['xlsx', 'csv', 'vcf'] as const satisfies readonly ExportFormat[];
const EXCLUSION_ORDER = ['noEmail', 'noAddress', 'noPhone', 'noConsent', 'withdrawn', 'suppressed'] as const;

/** Format, channel and purpose of a mailing list, with a live count of who is in and who is left out and why. */
export function ExportDialog({ filter, fileName, onClose }: Props) {
  const { t, label } = useLabels();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [channel, setChannel] = useState<ExportChannel>('email_newsletter');
  const [nonMarketing, setNonMarketing] = useState(false);
  const [purpose, setPurpose] = useState('');
  const [purposeError, setPurposeError] = useState<string | null>(null);
  const [debouncedPurpose] = useDebouncedValue(purpose.trim(), 400);

  useEffect(() => {
    if (filter === null) return;
    setNonMarketing(false);
    setPurpose('');
    setPurposeError(null);
  }, [filter]);

  const purposeValid = purpose.trim().length >= PURPOSE_MIN;
  // The preview follows the purpose only once it is valid: a shorter one would be refused by the server.
  const previewPurpose = nonMarketing && debouncedPurpose.length >= PURPOSE_MIN ? debouncedPurpose : undefined;
  const params: ExportQueryInput = { ...(filter ?? {}), channel, purpose: previewPurpose } as ExportQueryInput;
  const preview = useQuery({ ...exportPreviewOptions(params), enabled: filter !== null });

  const download = useMutation({
    mutationFn: () =>
      downloadExport(
        format,
        { ...(filter ?? {}), channel, purpose: nonMarketing ? purpose.trim() : undefined } as ExportQueryInput,
        fileName?.trim() || t('exports.fileName'),
      ),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('exports.downloaded', { count: preview.data?.included ?? 0 }) });
      onClose();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nonMarketing && !purposeValid) {
      setPurposeError(t('exports.purposeRequired'));
      return;
    }
    download.mutate();
  };

  const data = preview.data;
  const exclusions = data
    ? EXCLUSION_ORDER.filter((k) => data.excluded[k] > 0).map((k) => t(`exports.${k}`, { n: data.excluded[k] }))
    : [];

  return (
    <Modal opened={filter !== null} onClose={onClose} title={t('exports.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('exports.intro')}
          </Text>
          <Radio.Group label={t('exports.format')} value={format} onChange={(v) => setFormat(v as ExportFormat)}>
            <Stack gap="xs" mt={6}>
              {EXPORT_FORMATS_BY_USE.map((f) => (
                <Radio
                  key={f}
                  value={f}
                  label={t(`exports.formatLabel.${f}`)}
                  description={t(`exports.formatHint.${f}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          <Select
            label={t('exports.channel')}
            allowDeselect={false}
            value={channel}
            onChange={(v) => v && setChannel(v as ExportChannel)}
            data={EXPORT_CHANNELS.map((c) => ({ value: c, label: label(CONSENT_CHANNEL, c) }))}
          />
          <Checkbox
            label={t('exports.nonMarketing')}
            description={t('exports.nonMarketingHint')}
            checked={nonMarketing}
            onChange={(e) => {
              setNonMarketing(e.currentTarget.checked);
              setPurposeError(null);
            }}
          />
          {nonMarketing && (
            <ReasonField
              label={t('exports.purpose')}
              hint={t('exports.purposeHint')}
              maxLength={300}
              value={purpose}
              error={purposeError}
              onChange={(e) => {
                setPurpose(e.currentTarget.value);
                if (purposeError && e.currentTarget.value.trim().length >= PURPOSE_MIN) setPurposeError(null);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          )}

          <Alert variant="light" color={data && data.included === 0 ? 'orange' : 'blue'} aria-live="polite">
            {preview.isError ? (
              <Text size="sm" c="red">
                {t('exports.previewFailed')} {errorMessage(t, preview.error)}
              </Text>
            ) : !data ? (
              <Skeleton height={16} width="70%" />
            ) : (
              <Text size="sm" data-testid="export-preview">
                <strong>{t('exports.included', { count: data.included })}</strong>
                {' · '}
                {exclusions.length ? `${t('exports.excluded')}: ${exclusions.join(', ')}` : t('exports.noneExcluded')}
              </Text>
            )}
          </Alert>
          {data && <ExcludedList params={params} count={data.total - data.included} />}

          {download.isError && <FormAlert>{errorMessage(t, download.error)}</FormAlert>}
          <FormActions
            onCancel={onClose}
            label={t('exports.download')}
            leftSection={<IconDownload size={16} />}
            loading={download.isPending}
            disabled={data?.included === 0}
          />
        </Stack>
      </form>
    </Modal>
  );
}
