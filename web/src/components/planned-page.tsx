import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './empty-state.tsx';
import { PageHeader } from './page-header.tsx';

type Props = { title: string; description: string; icon: ReactNode };

/** A section that later issues build: says honestly what will appear here. */
export function PlannedPage({ title, description, icon }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState
        icon={icon}
        title={
          <Badge variant="light" size="lg" radius="sm">
            {t('placeholder.badge')}
          </Badge>
        }
        description={description}
      />
    </>
  );
}
