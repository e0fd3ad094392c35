import type { ImportKind } from '@anett/shared/schemas/import';
import { Alert, Button, FileButton, Group, Loader, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconBuildingFactory2, IconFileSpreadsheet, IconUpload, IconUsers } from '@tabler/icons-react';
import { type DragEvent, useState } from 'react';
import { formatFileSize } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../lib/read-file.ts';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Props = {
  kind: ImportKind;
  onKind: (kind: ImportKind) => void;
  /** The picked file, already checked for type and size. */
  onFile: (file: File) => void;
  fileName: string | null;
  fileSize: number | null;
  busy: boolean;
  error: string | null;
};

/** Step 1: what to import and the file, dropped or picked (the button works with the keyboard). */
export function FileStep({ kind, onKind, onFile, fileName, fileSize, busy, error }: Props) {
  const { t } = useLabels();
  const [dragging, setDragging] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const max = formatFileSize(MAX_IMPORT_FILE_BYTES);

  const take = (file: File | null | undefined) => {
    if (!file) return;
    setRefusal(null);
    if (!/\.(csv|xlsx)$/i.test(file.name)) setRefusal(t('imports.wrongType', { name: file.name }));
    else if (file.size > MAX_IMPORT_FILE_BYTES)
      setRefusal(t('imports.tooLarge', { name: file.name, size: formatFileSize(file.size), max }));
    else if (file.size === 0) setRefusal(t('imports.emptyFile', { name: file.name }));
    else onFile(file);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files[0]);
  };

  const problem = refusal ?? error;
  return (
    <Stack gap="lg">
      <Radio.Group
        label={t('imports.kind')}
        value={kind}
        onChange={(v) => onKind(v as ImportKind)}
        styles={{ label: { fontWeight: 600, marginBottom: 8 } }}
      >
        <Group gap="md" align="stretch" wrap="wrap">
          {(['persons', 'organizations'] as const).map((k) => (
            <Radio.Card key={k} value={k} radius="md" p="md" className="import-kind" disabled={busy}>
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                {k === 'persons' ? <IconUsers size={22} aria-hidden /> : <IconBuildingFactory2 size={22} aria-hidden />}
                <div>
                  <Text fw={600}>{k === 'persons' ? t('imports.kindPersons') : t('imports.kindOrganizations')}</Text>
                  <Text size="sm" c="dimmed">
                    {k === 'persons' ? t('imports.kindPersonsHint') : t('imports.kindOrganizationsHint')}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </Group>
      </Radio.Group>

      <Stack gap={6}>
        <Text fw={600} id="import-file-label">
          {t('imports.fileLabel')}
        </Text>
        <Paper
          withBorder
          radius="md"
          p="xl"
          className="import-drop"
          data-dragging={dragging || undefined}
          data-invalid={problem ? true : undefined}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Stack align="center" gap="xs">
            <IconFileSpreadsheet size={36} stroke={1.4} aria-hidden />
            <Text fw={500}>{t('imports.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('imports.or')}
            </Text>
            <FileButton onChange={take} accept={ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  leftSection={<IconUpload size={16} />}
                  loading={busy}
                  aria-describedby="import-file-hint"
                >
                  {t('imports.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" ta="center" id="import-file-hint" maw={560}>
              {t('imports.fileHint', { max })}
            </Text>
          </Stack>
        </Paper>
        {fileName && fileSize !== null && !problem && (
          <Group gap="xs" aria-live="polite">
            {busy && <Loader size="xs" />}
            <Text size="sm">
              {busy ? t('imports.reading') : t('imports.chosen', { name: fileName, size: formatFileSize(fileSize) })}
            </Text>
          </Group>
        )}
        {problem && (
          <Alert color="red" variant="light" role="alert" title={t('imports.fileFailed')}>
            {problem}
          </Alert>
        )}
      </Stack>
    </Stack>
  );
}
