import type { PasswordCheck, PasswordContext } from '@anett/shared/password-policy';
import { PASSWORD_MIN_LENGTH, PASSWORD_MIN_LENGTH_WITH_FACTOR } from '@anett/shared/password-rules';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The password rules with their dictionaries (about 1 MB): loaded when a password field is first shown. */
let policy: Promise<typeof import('@anett/shared/password-policy')> | undefined;
const loadPolicy = () => {
  policy ??= import('@anett/shared/password-policy');
  return policy;
};

/** The server's password check, run in the browser as the user types (null while the rules load). */
export function usePasswordCheck(password: string, context: PasswordContext): PasswordCheck | null {
  const [check, setCheck] = useState<PasswordCheck | null>(null);
  const { name, email, hasSecondFactor } = context;
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void loadPolicy().then((m) => {
        if (live) setCheck(m.checkPassword(password, { name, email, hasSecondFactor }));
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, name, email, hasSecondFactor]);
  return check;
}

const COLORS = ['red', 'red', 'orange', 'teal', 'green'];

/** Strength bar and the rule that fails, shown under a new-password field. */
export function PasswordStrength({
  check,
  password,
  hasSecondFactor,
}: {
  check: PasswordCheck | null;
  password: string;
  hasSecondFactor?: boolean;
}) {
  const { t } = useTranslation();
  const min = hasSecondFactor ? PASSWORD_MIN_LENGTH_WITH_FACTOR : PASSWORD_MIN_LENGTH;
  if (!password) {
    return (
      <Text size="xs" c="dimmed">
        {t('security.strength.rule', { min })}
      </Text>
    );
  }
  const score = check?.ok ? check.score : Math.min(check?.score ?? 0, 2);
  return (
    <Stack gap={4} aria-live="polite">
      <Group gap={6} wrap="nowrap">
        <Progress
          value={check ? ((score + 1) / 5) * 100 : 0}
          color={COLORS[score]}
          size="sm"
          flex={1}
          aria-label={t('security.strength.label')}
        />
        <Text size="xs" c="dimmed" w={90} ta="right">
          {check ? t(`security.strength.level${score as 0 | 1 | 2 | 3 | 4}`) : t('security.strength.checking')}
        </Text>
      </Group>
      {check && (
        <Text size="xs" c={check.ok ? 'teal' : 'red'}>
          {check.problem
            ? t(`security.strength.problems.${check.problem}`, { min: check.minLength })
            : t('security.strength.ok')}
        </Text>
      )}
    </Stack>
  );
}
