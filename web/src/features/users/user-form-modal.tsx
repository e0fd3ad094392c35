import { ROLES, type Role } from '@anett/shared/schemas/auth';
import type { User } from '@anett/shared/schemas/user';
import { Checkbox, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordStrength, usePasswordCheck } from '../../components/forms/password-strength.tsx';
import { RecordForm } from '../../components/records/record-form.tsx';
import { type RecordFormProps, recordFormModal } from '../../components/records/record-form-modal.tsx';
import { useVersionedForm } from '../../components/records/use-versioned-form.ts';
import { type UserWithPassword, useCreateUser, useUpdateUser } from './api.ts';

type Props = RecordFormProps<User> & {
  currentUserId: number;
  onCreated: (res: UserWithPassword) => void;
  onSaved: () => void;
  onConflict: () => void;
};

type Values = { email: string; name: string; role: Role; ownPassword: boolean; password: string };

/** `'new'` opens the create form, a user the edit form, null closes it. */
export const UserFormModal = recordFormModal(UserForm, {
  title: (t) => ({ add: t('users.createTitle'), edit: t('users.editTitle') }),
});

function UserForm({ editing, currentUserId, onClose, onCreated, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const vf = useVersionedForm<Values, User>({
    initial: {
      values: editing
        ? { email: editing.email, name: editing.name, role: editing.role, ownPassword: false, password: '' }
        : { email: '', name: '', role: 'manager', ownPassword: false, password: '' },
      version: editing?.version ?? 0,
    },
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
    onConflict,
    codes: { USER_EMAIL_TAKEN: (_err, form) => form.setErrors({ email: t('errors.USER_EMAIL_TAKEN') }) },
    save: (values, _loaded, _opts, fail) => {
      if (editing) {
        update.mutate(
          { user: editing, patch: { name: values.name.trim(), role: values.role } },
          { onSuccess: onSaved, onError: fail },
        );
        return;
      }
      create.mutate(
        {
          email: values.email.trim(),
          name: values.name.trim(),
          role: values.role,
          ...(values.ownPassword ? { password: values.password } : {}),
        },
        { onSuccess: onCreated, onError: fail },
      );
    },
  });
  const { form } = vf;
  // A password the admin chooses follows the same rules as the user's own (a new user has no second factor yet).
  const check = usePasswordCheck(form.values.ownPassword ? form.values.password : '', {
    name: form.values.name,
    email: form.values.email,
  });
  const mutation = editing ? update : create;
  const isSelf = editing?.id === currentUserId;

  return (
    <RecordForm
      vf={vf}
      mutation={mutation}
      submitLabel={editing ? t('common.save') : t('users.create')}
      onCancel={onClose}
    >
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
    </RecordForm>
  );
}
