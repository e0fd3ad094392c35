import { ROLES, type Role } from '@anett/shared/schemas/auth';
import type { User } from '@anett/shared/schemas/user';
import { Checkbox, Modal, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/forms/form-actions.tsx';
import { FormAlert } from '../../components/forms/form-alert.tsx';
import { PasswordStrength, usePasswordCheck } from '../../components/forms/password-strength.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { type UserWithPassword, useCreateUser, useUpdateUser } from './api.ts';

type Props = {
  /** `'new'` opens the create form, a user the edit form, null closes it. */
  target: User | 'new' | null;
  currentUserId: number;
  onClose: () => void;
  onCreated: (res: UserWithPassword) => void;
  onSaved: () => void;
  onConflict: () => void;
};

type Values = { email: string; name: string; role: Role; ownPassword: boolean; password: string };

export function UserFormModal({ target, currentUserId, onClose, onCreated, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const editing = target !== null && target !== 'new' ? target : null;
  const form = useForm<Values>({
    initialValues: { email: '', name: '', role: 'manager', ownPassword: false, password: '' },
    validate: {
      email: (v) => (editing || v.trim() ? null : t('auth.required')),
      name: (v) => (v.trim() ? null : t('auth.required')),
      password: (v, values) =>
        editing || !values.ownPassword
          ? null
          : !v
            ? t('auth.required')
            : check?.problem
              ? t(`security.strength.problems.${check.problem}`, { min: check.minLength })
              : null,
    },
  });
  // A password the admin chooses follows the same rules as the user's own (a new user has no second factor yet).
  const check = usePasswordCheck(form.values.ownPassword ? form.values.password : '', {
    name: form.values.name,
    email: form.values.email,
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when another record is opened
  useEffect(() => {
    if (target === null) return;
    create.reset();
    update.reset();
    const values: Values = editing
      ? { email: editing.email, name: editing.name, role: editing.role, ownPassword: false, password: '' }
      : { email: '', name: '', role: 'manager', ownPassword: false, password: '' };
    form.setInitialValues(values);
    form.setValues(values);
    form.clearErrors();
  }, [target]);

  const fail = (err: unknown) => {
    if (isApiError(err, 412)) {
      onConflict();
      return;
    }
    if (isApiError(err) && err.code === 'USER_EMAIL_TAKEN') {
      form.setErrors({ email: t('errors.USER_EMAIL_TAKEN') });
    } else if (isApiError(err)) {
      form.setErrors(err.fieldErrors);
    }
  };

  const submit = form.onSubmit((values) => {
    if (editing) {
      update.mutate(
        { user: editing, patch: { name: values.name.trim(), role: values.role } },
        { onSuccess: onSaved, onError: fail },
      );
    } else {
      create.mutate(
        {
          email: values.email.trim(),
          name: values.name.trim(),
          role: values.role,
          ...(values.ownPassword ? { password: values.password } : {}),
        },
        { onSuccess: onCreated, onError: fail },
      );
    }
  });

  const error = (editing ? update : create).error;
  const generalError =
    error && !(isApiError(error) && (Object.keys(error.fieldErrors).length > 0 || error.status === 412))
      ? errorMessage(t, error)
      : null;
  const isSelf = editing?.id === currentUserId;

  return (
    <Modal opened={target !== null} onClose={onClose} title={editing ? t('users.editTitle') : t('users.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert>{generalError}</FormAlert>
          <TextInput
            label={t('users.email')}
            type="email"
            autoComplete="off"
            required={!editing}
            readOnly={Boolean(editing)}
            variant={editing ? 'filled' : 'default'}
            data-autofocus={editing ? undefined : true}
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('users.name')}
            autoComplete="off"
            required
            data-autofocus={editing ? true : undefined}
            {...form.getInputProps('name')}
          />
          <NativeSelect
            label={t('users.role')}
            description={t('users.roleHelp')}
            disabled={isSelf}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps('role')}
          />
          {!editing && (
            <Stack gap={6}>
              <Checkbox
                label={t('security.admin.ownPassword')}
                {...form.getInputProps('ownPassword', { type: 'checkbox' })}
              />
              {form.values.ownPassword ? (
                <>
                  <PasswordInput
                    label={t('auth.password')}
                    autoComplete="new-password"
                    required
                    {...form.getInputProps('password')}
                  />
                  <PasswordStrength check={check} password={form.values.password} />
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('users.createHint')}
                </Text>
              )}
            </Stack>
          )}
          <FormActions
            onCancel={onClose}
            mt="xs"
            loading={create.isPending || update.isPending}
            label={editing ? t('common.save') : t('users.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
