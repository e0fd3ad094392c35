import type { ImportCommitResult, ImportKind, ImportPreview } from '@anett/shared/schemas/import';
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import { AnchorLink, ButtonLink } from '../../components/router-link.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';
import { type Decisions, rowName } from './rows.ts';

/** How many imported records the result lists by name. */
const LISTED = 10;

type DoneProps = {
  kind: ImportKind;
  fileName: string;
  result: ImportCommitResult;
  report: ImportPreview;
  decisions: Decisions;
  onAgain: () => void;
};

/** What was written, the first records by name, and the way to the list. */
export function Done({ kind, fileName, result, report, decisions, onAgain }: DoneProps) {
  const { t } = useLabels();
  // `ids` are in file order: the rows that were created or updated.
  const written = report.rows.filter((r) => {
    const d = decisions[String(r.line)];
    return d !== 'skip' && r.errors.length === 0;
  });
  const to = kind === 'persons' ? '/personen' : '/organisationen';
  const shown: (keyof ImportCommitResult)[] = [
    'created',
    'updated',
    'skipped',
    ...(kind === 'persons' ? (['organizationsCreated'] as const) : []),
    ...(result.consents > 0 ? (['consents'] as const) : []),
  ];
  return (
    <Stack gap="md">
      <Alert color="green" variant="light" icon={<IconCircleCheck size={20} />} role="status">
        {t('imports.done.summary', { name: fileName })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: shown.length }} spacing="sm">
        {shown.map((key) => (
          <Paper key={key} withBorder radius="md" p="sm" data-testid={`import-result-${key}`}>
            <Text fz={26} fw={700} lh={1.1}>
              {formatNumber(result[key] as number)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`imports.done.${key as 'created'}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {result.ids.length > 0 && (
        <Stack gap={4}>
          <Text fw={600}>{t('imports.done.imported')}</Text>
          <List size="sm" spacing={2}>
            {result.ids.slice(0, LISTED).map((id, i) => (
              <List.Item key={id}>
                {kind === 'persons' ? (
                  <AnchorLink to="/personen/$id" params={{ id }}>
                    {rowName(kind, written[i]?.values ?? {}) || `#${id}`}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/organisationen/$id" params={{ id }}>
                    {rowName(kind, written[i]?.values ?? {}) || `#${id}`}
                  </AnchorLink>
                )}
              </List.Item>
            ))}
          </List>
          {result.ids.length > LISTED && (
            <Text size="sm" c="dimmed">
              {t('imports.done.more', { count: result.ids.length - LISTED })}
            </Text>
          )}
        </Stack>
      )}
      <Group gap="sm" wrap="wrap">
        <ButtonLink to={to} search={{ sort: '-updatedAt' }} leftSection={<IconArrowRight size={16} />}>
          {kind === 'persons' ? t('imports.done.showPersons') : t('imports.done.showOrganizations')}
        </ButtonLink>
        <Button variant="default" onClick={onAgain}>
          {t('imports.done.again')}
        </Button>
      </Group>
    </Stack>
  );
}
