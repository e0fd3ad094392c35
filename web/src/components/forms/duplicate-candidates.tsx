import { Alert, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Candidate = { id: number; reason: 'email' | 'name'; link: ReactNode; detail?: string | null };

type Props = { candidates: Candidate[]; confirmLabel: string; loading?: boolean; onConfirm: () => void };

/** The 409 DUPLICATE_CANDIDATES answer inside a form: the likely duplicates with links, and "save anyway". */
export function DuplicateCandidates({ candidates, confirmLabel, loading, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" icon={<IconCopy size={18} />} title={t('forms.duplicatesTitle')} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('forms.duplicatesText')}</Text>
        <List size="sm" spacing={4}>
          {candidates.map((c) => (
            <List.Item key={c.id}>
              <Group gap={6} wrap="wrap">
                {c.link}
                {c.detail && (
                  <Text span size="sm" c="dimmed">
                    {c.detail}
                  </Text>
                )}
                <Badge size="xs" variant="outline" color="yellow.8" tt="none">
                  {c.reason === 'email' ? t('forms.duplicateByEmail') : t('forms.duplicateByName')}
                </Badge>
              </Group>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button color="yellow.8" onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
