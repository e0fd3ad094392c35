import type { ExportExcludedQueryInput } from '@anett/shared/schemas/export';
import { Button, Collapse, List, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/router-link.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { useLabels } from '../../lib/i18n.ts';
import { exportExcludedOptions } from './api.ts';

const SHOWN = 100;

/** Who an export leaves out and why (the same rules as its counts), each linking to the person. */
export function ExcludedList({ params, count }: { params: ExportExcludedQueryInput; count: number }) {
  const { t } = useLabels();
  const [opened, { toggle }] = useDisclosure(false);
  const list = useQuery({ ...exportExcludedOptions({ ...params, pageSize: SHOWN }), enabled: opened && count > 0 });
  if (count === 0) return null;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        onClick={toggle}
        aria-expanded={opened}
        aria-controls="export-excluded"
        rightSection={opened ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
      >
        {t('privacy.excludedTitle', { count })}
      </Button>
      <Collapse expanded={opened}>
        <div id="export-excluded" data-testid="export-excluded">
          {list.isError ? (
            <Text size="sm" c="red">
              {errorMessage(t, list.error)}
            </Text>
          ) : !list.data ? (
            <Skeleton height={16} width="60%" mt={6} />
          ) : (
            <List size="sm" spacing={2} mt={4} style={{ maxHeight: 240, overflowY: 'auto' }}>
              {list.data.items.map((p) => (
                <List.Item key={p.id}>
                  <AnchorLink to="/personen/$id" params={{ id: p.id }}>
                    {p.name}
                  </AnchorLink>
                  {p.organization && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({p.organization})
                    </Text>
                  )}
                  {' – '}
                  {t(`privacy.reason.${p.reason}`)}
                </List.Item>
              ))}
              {list.data.total > list.data.items.length && (
                <List.Item>{t('privacy.excludedMore', { count: list.data.total - list.data.items.length })}</List.Item>
              )}
            </List>
          )}
        </div>
      </Collapse>
    </div>
  );
}
