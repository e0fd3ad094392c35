import type { MailAddress, MailDropTarget, MailPreview, MailPreviewItem } from '@anett/shared/schemas/mail-import';
import {
  Alert,
  Badge,
  Box,
  Button,
  CloseButton,
  Group,
  Loader,
  Modal,
  Paper,
  Spoiler,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDownLeft, IconArrowUpRight, IconMailPlus, IconUserPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { useCan } from '../../lib/use-can.ts';
import { PersonFormModal } from '../persons/person-form-modal.tsx';
import { previewMails, useCommitMails } from './api.ts';

const ACCEPT = '.eml,.msg,message/rfc822,application/vnd.ms-outlook';
type FileReason = 'too_large' | 'unsupported' | 'unreadable' | 'nobody';

/** Names for "anlegen": from the display name ("Mira Quendelbrück"), else from an address like max.muster@…. */
export function namesFor(address: string, name: string | null) {
  const parts = (name ?? '').replace(/[",]/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (parts.length >= 2) return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) as string };
  const local = (address.split('@')[0] ?? '').split(/[._-]/).filter((p) => /^\p{L}{2,}$/u.test(p));
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  if (local.length === 2) return { firstName: cap(local[0] as string), lastName: cap(local[1] as string) };
  return { firstName: '', lastName: parts[0] ?? '' };
}

/**
 * A drop area with a file button: .eml/.msg files dropped or chosen here open the preview, and "Übernehmen" logs them
 * as e-mails of the contact log, linked to the matched persons and to the record it sits on. Managers and admins only.
 */
export function MailDropZone({ target }: { target: MailDropTarget }) {
  const { t } = useLabels();
  const can = useCan();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [files, setFiles] = useState<File[] | null>(null);
  if (!can.write) return null;

  const open = (list: FileList | null) => {
    if (list && list.length > 0) setFiles([...list]);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    open(e.dataTransfer.files);
  };
  return (
    <>
      <Box
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        p="sm"
        style={{
          border: `1px dashed var(--mantine-color-${over ? 'blue-6' : 'gray-5'})`,
          borderRadius: 'var(--mantine-radius-md)',
          background: over ? 'var(--mantine-color-blue-light)' : undefined,
        }}
        data-testid="mail-drop-zone"
      >
        <Group gap="sm" justify="space-between">
          <Group gap="sm" wrap="nowrap">
            <IconMailPlus size={22} stroke={1.6} aria-hidden style={{ flexShrink: 0 }} />
            <div>
              <Text size="sm" fw={600}>
                {over ? t('interactions.mailDrop.dropNow') : t('interactions.mailDrop.zone')}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="sm">
                {t('interactions.mailDrop.zoneHint')}
              </Text>
            </div>
          </Group>
          <Button size="xs" variant="default" onClick={() => input.current?.click()}>
            {t('interactions.mailDrop.choose')}
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          aria-label={t('interactions.mailDrop.zone')}
          data-testid="mail-drop-input"
          onChange={(e) => {
            open(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
      </Box>
      {files && <MailPreviewDialog files={files} setFiles={setFiles} target={target} onClose={() => setFiles(null)} />}
    </>
  );
}

type DialogProps = {
  files: File[];
  setFiles: (files: File[]) => void;
  target: MailDropTarget;
  onClose: () => void;
};

function MailPreviewDialog({ files, setFiles, target, onClose }: DialogProps) {
  const { t } = useLabels();
  const preview = useMutation({ mutationFn: (list: File[]) => previewMails(list, target) });
  const commit = useCommitMails();
  const [creating, setCreating] = useState<{ address: string; name: string | null } | null>(null);
  const read = preview.mutate;
  const resetCommit = commit.reset;
  const run = useCallback(
    (list: File[]) => {
      resetCommit();
      read(list);
    },
    [read, resetCommit],
  );
  // Read again whenever the selection changes (a file removed); after a person was created, too.
  useEffect(() => run(files), [files, run]);

  const failure = preview.error ?? commit.error;
  const reasons = new Map<number, FileReason>(
    isApiError(failure)
      ? ((failure.data as { files?: { index: number; reason: FileReason }[] } | undefined)?.files ?? []).map((f) => [
          f.index,
          f.reason,
        ])
      : [],
  );
  const data = preview.data;
  const toLog = data?.mails.filter((m) => !m.alreadyLogged && m.duplicateOf === null) ?? [];
  const blocked = toLog.some((m) => !m.linkable);
  const remove = (index: number) => setFiles(files.filter((_, i) => i !== index));

  const submit = () =>
    commit.mutate(
      { files, target, personIds: [...new Set(toLog.flatMap((m) => m.persons.map((p) => p.id)))] },
      {
        onSuccess: (result) => {
          const message =
            result.logged.length === 0
              ? t('interactions.mailDrop.nothingNew')
              : [
                  t('interactions.mailDrop.done', { count: result.logged.length }),
                  result.duplicates.length
                    ? t('interactions.mailDrop.doneDuplicates', { count: result.duplicates.length })
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ');
          notifications.show({ color: 'green', message });
          onClose();
        },
      },
    );

  return (
    <Modal opened onClose={onClose} title={t('interactions.mailDrop.title')} size="xl">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('interactions.mailDrop.files', { count: files.length })}
        </Text>
        {preview.isPending && (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('interactions.mailDrop.reading')}</Text>
          </Group>
        )}
        {failure && reasons.size > 0 && !data && <FileErrors files={files} reasons={reasons} remove={remove} />}
        {failure && reasons.size === 0 && (
          <Alert color="red" role="alert">
            {errorMessage(t, failure)}
          </Alert>
        )}
        {data &&
          !preview.isPending &&
          data.mails.map((mail) => (
            <MailCard
              key={`${mail.index}-${mail.fileName}`}
              mail={mail}
              duplicateName={mail.duplicateOf === null ? null : (files[mail.duplicateOf]?.name ?? null)}
              reason={reasons.get(mail.index)}
              onRemove={() => remove(mail.index)}
            />
          ))}
        {data && !preview.isPending && data.unknown.length > 0 && (
          <UnknownAddresses unknown={data.unknown} onCreate={setCreating} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('interactions.mailDrop.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={commit.isPending}
            disabled={!data || preview.isPending || blocked || files.length === 0}
          >
            {toLog.length > 0
              ? t('interactions.mailDrop.commit', { count: toLog.length })
              : t('interactions.mailDrop.commitNone')}
          </Button>
        </Group>
      </Stack>
      <PersonFormModal
        target={creating ? 'new' : null}
        prefill={creating ? { ...namesFor(creating.address, creating.name), email: creating.address } : undefined}
        onClose={() => setCreating(null)}
        onSaved={() => {
          setCreating(null);
          run(files);
        }}
      />
    </Modal>
  );
}

function FileErrors({
  files,
  reasons,
  remove,
}: {
  files: File[];
  reasons: Map<number, FileReason>;
  remove: (index: number) => void;
}) {
  const { t } = useLabels();
  return (
    <Stack gap="xs">
      <Alert color="red" role="alert">
        {t('interactions.mailDrop.fileError')}
      </Alert>
      {files.map((file, index) => {
        const reason = reasons.get(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the position is the file's identity (errors name files.<index>)
          <Group key={`${index}-${file.name}`} justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <Text size="sm" fw={reason ? 600 : 400}>
                {file.name}
              </Text>
              {reason && (
                <Text size="sm" c="red" id={`mail-file-error-${index}`}>
                  {t(`interactions.mailDrop.reason.${reason}`)}
                </Text>
              )}
            </div>
            <CloseButton
              aria-label={t('interactions.mailDrop.removeFile', { name: file.name })}
              onClick={() => remove(index)}
            />
          </Group>
        );
      })}
    </Stack>
  );
}

function AddressBadge({ address }: { address: MailAddress }) {
  const { t } = useLabels();
  if (address.suppressed)
    return (
      <Tooltip label={t('interactions.mailDrop.suppressedHint')}>
        <Badge size="sm" radius="sm" variant="light" color="gray">
          {t('interactions.mailDrop.suppressed')}
        </Badge>
      </Tooltip>
    );
  const label = address.name ? `${address.name} <${address.address}>` : address.address;
  return (
    <Text size="sm" component="span">
      {label}{' '}
      {address.person ? (
        <Badge size="sm" radius="sm" variant="light" color="green" tt="none">
          {address.person.name}
        </Badge>
      ) : address.staff ? (
        <Badge size="sm" radius="sm" variant="light" color="blue">
          {t('interactions.mailDrop.staff')}
        </Badge>
      ) : (
        <Badge size="sm" radius="sm" variant="outline" color="gray">
          {t('interactions.mailDrop.unknownAddress')}
        </Badge>
      )}
    </Text>
  );
}

function AddressLine({ label, list }: { label: string; list: MailAddress[] }) {
  if (list.length === 0) return null;
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={32} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Group gap={6} wrap="wrap">
        {list.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: suppressed addresses all read "[gelöscht]"
          <AddressBadge key={`${a.address}-${i}`} address={a} />
        ))}
      </Group>
    </Group>
  );
}

function MailCard({
  mail,
  duplicateName,
  reason,
  onRemove,
}: {
  mail: MailPreviewItem;
  duplicateName: string | null;
  reason: FileReason | undefined;
  onRemove: () => void;
}) {
  const { t } = useLabels();
  const problem = reason
    ? t(`interactions.mailDrop.reason.${reason}`)
    : !mail.linkable
      ? t('interactions.mailDrop.nobody')
      : null;
  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={mail.subject || mail.fileName}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <div>
            <Text fw={600} size="sm">
              {mail.subject || t('interactions.mailDrop.noSubject')}
            </Text>
            <Text size="xs" c="dimmed">
              {mail.date ? formatDateTime(mail.date) : t('interactions.mailDrop.noDate')} · {mail.fileName}
            </Text>
          </div>
          <Group gap={6} wrap="nowrap">
            <Badge
              size="sm"
              radius="sm"
              variant="light"
              color={mail.direction === 'out' ? 'grape' : 'teal'}
              leftSection={mail.direction === 'out' ? <IconArrowUpRight size={12} /> : <IconArrowDownLeft size={12} />}
            >
              {mail.direction === 'out' ? t('interactions.mailDrop.outgoing') : t('interactions.mailDrop.incoming')}
            </Badge>
            <CloseButton
              size="sm"
              aria-label={t('interactions.mailDrop.removeFile', { name: mail.fileName })}
              onClick={onRemove}
            />
          </Group>
        </Group>
        {mail.from && <AddressLine label={t('interactions.mailDrop.from')} list={[mail.from]} />}
        <AddressLine label={t('interactions.mailDrop.to')} list={mail.to} />
        <AddressLine label={t('interactions.mailDrop.cc')} list={mail.cc} />
        {mail.text && (
          <Spoiler
            maxHeight={66}
            showLabel={t('interactions.showMore')}
            hideLabel={t('interactions.showLess')}
            styles={{ control: { fontSize: 'var(--mantine-font-size-sm)' } }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c="dimmed">
              {mail.text}
            </Text>
          </Spoiler>
        )}
        {mail.persons.length > 0 && !mail.alreadyLogged && mail.duplicateOf === null && (
          <Text size="sm">
            {t('interactions.mailDrop.linkedTo')}: {mail.persons.map((p) => p.name).join(', ')}
          </Text>
        )}
        {mail.alreadyLogged && (
          <Text size="sm" c="blue">
            {t('interactions.mailDrop.alreadyLogged')}
          </Text>
        )}
        {duplicateName && (
          <Text size="sm" c="blue">
            {t('interactions.mailDrop.duplicateOf', { name: duplicateName })}
          </Text>
        )}
        {problem && !mail.alreadyLogged && mail.duplicateOf === null && (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function UnknownAddresses({
  unknown,
  onCreate,
}: {
  unknown: MailPreview['unknown'];
  onCreate: (u: { address: string; name: string | null }) => void;
}) {
  const { t } = useLabels();
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="mail-unknown-title">
      <Text id="mail-unknown-title" fw={600} size="sm">
        {t('interactions.mailDrop.unknownTitle')}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('interactions.mailDrop.unknownHint')}
      </Text>
      <Stack gap={4}>
        {unknown.map((u) => (
          <Group key={u.address} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{u.name ? `${u.name} <${u.address}>` : u.address}</Text>
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconUserPlus size={12} />}
              aria-label={t('interactions.mailDrop.createFor', { address: u.address })}
              onClick={() => onCreate(u)}
            >
              {t('interactions.mailDrop.create')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
