import { ROLES, type Role } from '@anett/shared/schemas/auth';
import { Button, Card, Checkbox, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message.ts';
import { policyOptions, useSetPolicy } from './api.ts';

/** Which roles must use a second factor (default: admins). */
export function SecondFactorPolicy() {
  const { t } = useTranslation();
  const policy = useQuery(policyOptions());
  const save = useSetPolicy();
  const [roles, setRoles] = useState<Role[]>([]);
  useEffect(() => {
    if (policy.data) setRoles(policy.data.secondFactorRoles);
  }, [policy.data]);
  const changed = policy.data && [...roles].sort().join() !== [...policy.data.secondFactorRoles].sort().join();

  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <Stack gap="sm">
        <Group gap="xs">
          <IconShieldLock size={20} />
          <Title order={2} fz="lg">
            {t('security.admin.policyTitle')}
          </Title>
        </Group>
        <Text size="sm" c="dimmed">
          {t('security.admin.policyText')}
        </Text>
        {!policy.data ? (
          <Skeleton h={28} />
        ) : (
          <Checkbox.Group
            value={roles}
            onChange={(v) => setRoles(v as Role[])}
            aria-label={t('security.admin.policyTitle')}
          >
            <Group gap="lg">
              {ROLES.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <Group>
          <Button
            disabled={!changed}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { secondFactorRoles: roles },
                {
                  onSuccess: () => notifications.show({ color: 'green', message: t('security.admin.policySaved') }),
                  onError: (err) =>
                    notifications.show({ color: 'red', title: t('common.errorTitle'), message: errorMessage(t, err) }),
                },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
