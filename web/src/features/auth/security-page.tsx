import type { PasskeyInfo, TotpSetup } from '@anett/shared/schemas/auth';
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Image,
  Modal,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconDeviceMobile,
  IconDownload,
  IconFingerprint,
  IconKey,
  IconLifebuoy,
  IconShieldCheck,
  IconTrash,
} from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { saveBlob } from '../../lib/download.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDate } from '../../lib/format.ts';
import {
  factorsOptions,
  passkeysSupported,
  useAddPasskey,
  useConfirmTotp,
  useNewRecoveryCodes,
  useRemovePasskey,
  useRemoveTotp,
  useStartTotp,
} from './api.ts';
import { useCurrentUser } from './session.ts';

const ChangePasswordModal = lazy(() =>
  import('./change-password-modal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);

/** The own account's password, authenticator app, passkeys and recovery codes ("enrol now" lands here too). */
export function SecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const factors = useQuery(factorsOptions());
  const [passwordOpen, password] = useDisclosure(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  return (
    <>
      <PageHeader title={t('security.page.title')} description={t('security.page.description')} />
      <Stack gap="lg" maw={880}>
        {user.secondFactor === 'required' ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={20} />}
            title={t('security.page.requiredTitle')}
          >
            {t('security.page.required')}
          </Alert>
        ) : (
          <Alert
            color={user.secondFactor === 'enrolled' ? 'teal' : 'blue'}
            variant="light"
            icon={<IconShieldCheck size={20} />}
          >
            {user.secondFactor === 'enrolled' ? t('security.page.enrolledNote') : t('security.page.optionalNote')}
          </Alert>
        )}
        {factors.isError ? (
          <ErrorState error={factors.error} onRetry={() => void factors.refetch()} />
        ) : !factors.data ? (
          <Skeleton h={320} radius="md" />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <TotpCard confirmedAt={factors.data.totp?.confirmedAt ?? null} onCodes={setCodes} />
            <PasskeysCard passkeys={factors.data.passkeys} onCodes={setCodes} />
            <RecoveryCard
              left={factors.data.recoveryCodesLeft}
              hasFactor={factors.data.state === 'enrolled'}
              onCodes={setCodes}
            />
            <Section
              icon={<IconKey size={20} />}
              title={t('security.password.title')}
              text={t('security.password.text')}
            >
              <Button variant="default" onClick={password.open}>
                {t('security.password.change')}
              </Button>
            </Section>
          </SimpleGrid>
        )}
      </Stack>
      {passwordOpen && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened onClose={password.close} />
        </Suspense>
      )}
      <RecoveryCodesModal codes={codes} onClose={() => setCodes(null)} />
    </>
  );
}

function Section({
  icon,
  title,
  text,
  status,
  children,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  status?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="sm" h="100%">
        <Group gap="xs" wrap="nowrap">
          {icon}
          <Title order={2} fz="lg">
            {title}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {text}
        </Text>
        {status}
        <Group gap="sm" mt="auto">
          {children}
        </Group>
      </Stack>
    </Card>
  );
}

function TotpCard({ confirmedAt, onCodes }: { confirmedAt: string | null; onCodes: (c: string[]) => void }) {
  const { t } = useTranslation();
  const [setupOpen, setup] = useDisclosure(false);
  const [removeOpen, remove] = useDisclosure(false);
  const removeTotp = useRemoveTotp();
  return (
    <Section
      icon={<IconDeviceMobile size={20} />}
      title={t('security.totp.title')}
      text={t('security.totp.text')}
      status={
        <Badge variant="light" color={confirmedAt ? 'teal' : 'gray'} tt="none">
          {confirmedAt ? t('security.totp.active', { date: formatDate(confirmedAt) }) : t('security.totp.none')}
        </Badge>
      }
    >
      {confirmedAt ? (
        <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={remove.open}>
          {t('security.totp.remove')}
        </Button>
      ) : (
        <Button onClick={setup.open}>{t('security.totp.setUp')}</Button>
      )}
      {setupOpen && (
        <TotpSetupModal
          onClose={setup.close}
          onDone={(codes) => {
            setup.close();
            notifications.show({ color: 'green', message: t('security.totp.added') });
            if (codes) onCodes(codes);
          }}
        />
      )}
      <ConfirmPasswordModal
        opened={removeOpen}
        onClose={remove.close}
        mutation={removeTotp}
        toBody={(currentPassword) => ({ currentPassword })}
        onDone={() => notifications.show({ message: t('security.totp.removed') })}
      />
    </Section>
  );
}

function TotpSetupModal({ onClose, onDone }: { onClose: () => void; onDone: (codes?: string[]) => void }) {
  const { t } = useTranslation();
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [secret, setSecret] = useState<TotpSetup | null>(null);
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (/^\d{6}$/.test(v.trim()) ? null : t('security.totp.wrongCode')) },
  });
  if (!secret && start.isIdle) start.mutate(undefined, { onSuccess: setSecret });

  return (
    <Modal opened onClose={onClose} title={t('security.totp.setUpTitle')} size="md">
      {start.isError ? (
        <Alert color="red" variant="light">
          {errorMessage(t, start.error)}
        </Alert>
      ) : !secret ? (
        <Skeleton h={280} />
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit(({ code }) =>
            confirm.mutate(code.trim(), {
              onSuccess: (res) => onDone(res.recoveryCodes),
              onError: (err) => {
                if (isApiError(err, 400)) form.setErrors({ code: t('security.totp.wrongCode') });
              },
            }),
          )}
        >
          <Stack gap="md">
            <Text size="sm">1. {t('security.totp.step1')}</Text>
            <Image src={secret.qrCode} alt={t('security.totp.qrAlt')} w={200} h={200} mx="auto" />
            <Text size="xs" c="dimmed">
              {t('security.totp.manual')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
                {secret.secret}
              </Code>
              <CopyButton value={secret.secret}>
                {({ copied, copy }) => (
                  <Button size="compact-xs" variant="subtle" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">2. {t('security.totp.step2')}</Text>
            <TextInput
              label={t('security.login.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              required
              data-autofocus
              {...form.getInputProps('code')}
            />
            {confirm.isError && !isApiError(confirm.error, 400) && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, confirm.error)}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={confirm.isPending}>
                {t('security.totp.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function PasskeysCard({ passkeys, onCodes }: { passkeys: PasskeyInfo[]; onCodes: (c: string[]) => void }) {
  const { t } = useTranslation();
  const [addOpen, add] = useDisclosure(false);
  const [toRemove, setToRemove] = useState<PasskeyInfo | null>(null);
  const remove = useRemovePasskey();
  return (
    <Section
      icon={<IconFingerprint size={20} />}
      title={t('security.passkeys.title')}
      text={t('security.passkeys.text')}
      status={
        passkeys.length === 0 ? (
          <Badge variant="light" color="gray" tt="none">
            {t('security.passkeys.none')}
          </Badge>
        ) : (
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {passkeys.map((p) => (
              <Group key={p.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Text size="sm" fw={600}>
                    {p.name}{' '}
                    {p.backedUp && (
                      <Badge size="xs" variant="outline" tt="none">
                        {t('security.passkeys.synced')}
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('security.passkeys.created', { date: formatDate(p.createdAt) })} ·{' '}
                    {p.lastUsedAt
                      ? t('security.passkeys.lastUsed', { date: formatDate(p.lastUsedAt) })
                      : t('security.passkeys.neverUsed')}
                  </Text>
                </div>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  aria-label={t('security.passkeys.removeFor', { name: p.name })}
                  onClick={() => setToRemove(p)}
                >
                  <IconTrash size={16} />
                </Button>
              </Group>
            ))}
          </Stack>
        )
      }
    >
      {passkeysSupported() ? (
        <Button variant={passkeys.length ? 'default' : 'filled'} onClick={add.open}>
          {t('security.passkeys.add')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('security.passkeys.unsupported')}
        </Text>
      )}
      {addOpen && (
        <AddPasskeyModal
          onClose={add.close}
          onDone={(codes) => {
            add.close();
            notifications.show({ color: 'green', message: t('security.passkeys.added') });
            if (codes) onCodes(codes);
          }}
        />
      )}
      <ConfirmPasswordModal
        opened={toRemove !== null}
        onClose={() => setToRemove(null)}
        mutation={remove}
        toBody={(currentPassword) => ({ currentPassword, id: toRemove?.id ?? 0 })}
        onDone={() => notifications.show({ message: t('security.passkeys.removed') })}
      />
    </Section>
  );
}

function AddPasskeyModal({ onClose, onDone }: { onClose: () => void; onDone: (codes?: string[]) => void }) {
  const { t } = useTranslation();
  const addPasskey = useAddPasskey();
  const form = useForm({
    initialValues: { name: t('security.passkeys.defaultName') },
    validate: { name: (v) => (v.trim() ? null : t('auth.required')) },
  });
  return (
    <Modal opened onClose={onClose} title={t('security.passkeys.addTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ name }) =>
          addPasskey.mutate(name.trim(), {
            onSuccess: (res) => onDone(res.recoveryCodes),
            onError: (err) => {
              if (isApiError(err, 400)) form.setErrors(err.fieldErrors);
            },
          }),
        )}
      >
        <Stack gap="md">
          <TextInput
            label={t('security.passkeys.name')}
            description={t('security.passkeys.nameHint')}
            maxLength={80}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          {addPasskey.isError && (
            <Alert color="red" variant="light" role="alert">
              {isApiError(addPasskey.error) ? errorMessage(t, addPasskey.error) : t('security.passkeys.failed')}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconFingerprint size={16} />} loading={addPasskey.isPending}>
              {t('security.passkeys.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RecoveryCard({
  left,
  hasFactor,
  onCodes,
}: {
  left: number;
  hasFactor: boolean;
  onCodes: (c: string[]) => void;
}) {
  const { t } = useTranslation();
  const [open, modal] = useDisclosure(false);
  const renew = useNewRecoveryCodes();
  return (
    <Section
      icon={<IconLifebuoy size={20} />}
      title={t('security.recovery.title')}
      text={t('security.recovery.text')}
      status={
        hasFactor && (
          <Badge variant="light" color={left > 2 ? 'teal' : 'orange'} tt="none">
            {t('security.recovery.left', { count: left })}
          </Badge>
        )
      }
    >
      <Button variant="default" disabled={!hasFactor} onClick={modal.open}>
        {t('security.recovery.renew')}
      </Button>
      <ConfirmPasswordModal
        opened={open}
        onClose={modal.close}
        mutation={renew}
        toBody={(currentPassword) => ({ currentPassword })}
        onDone={(res) => onCodes((res as { recoveryCodes: string[] }).recoveryCodes)}
      />
    </Section>
  );
}

/** A security change that weakens the account or replaces codes: confirmed with the current password. */
function ConfirmPasswordModal<B, R>({
  opened,
  onClose,
  mutation,
  toBody,
  onDone,
}: {
  opened: boolean;
  onClose: () => void;
  mutation: UseMutationResult<R, Error, B>;
  toBody: (password: string) => B;
  onDone: (res: R) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { currentPassword: '' },
    validate: { currentPassword: (v) => (v ? null : t('auth.required')) },
  });
  const close = () => {
    form.reset();
    mutation.reset();
    onClose();
  };
  const err = mutation.error;
  const alert = !err
    ? null
    : isApiError(err) && err.code === 'LAST_SECOND_FACTOR'
      ? t('security.confirmPassword.lastFactor')
      : isApiError(err, 400)
        ? null
        : errorMessage(t, err);
  return (
    <Modal opened={opened} onClose={close} title={t('security.confirmPassword.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ currentPassword }) =>
          mutation.mutate(toBody(currentPassword), {
            onSuccess: (res) => {
              close();
              onDone(res);
            },
            onError: (e) => {
              if (isApiError(e, 400)) form.setErrors({ currentPassword: t('security.confirmPassword.wrong') });
            },
          }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t('security.confirmPassword.text')}</Text>
          {alert && (
            <Alert color="red" variant="light" role="alert">
              {alert}
            </Alert>
          )}
          <PasswordInput
            label={t('security.confirmPassword.label')}
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('security.confirmPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RecoveryCodesModal({ codes, onClose }: { codes: string[] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const text = (codes ?? []).join('\n');
  return (
    <Modal
      opened={codes !== null}
      onClose={onClose}
      title={t('security.recovery.onceTitle')}
      closeOnClickOutside={false}
      size="md"
    >
      <Stack gap="md">
        <Text size="sm">{t('security.recovery.once')}</Text>
        <SimpleGrid cols={2} spacing="xs" data-testid="recovery-codes">
          {(codes ?? []).map((c) => (
            <Code key={c} fz="md" ta="center" py={6}>
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            onClick={() => saveBlob(new Blob([`${text}\n`], { type: 'text/plain' }), t('security.recovery.fileName'))}
          >
            {t('security.recovery.download')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('security.recovery.saved')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
