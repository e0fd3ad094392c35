import {
  IconAffiliate,
  IconCalendarEvent,
  IconFileExport,
  IconLayoutDashboard,
  IconMessages,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlannedPage } from '../components/planned-page.tsx';

const SECTIONS = {
  dashboard: <IconLayoutDashboard size={28} />,
  persons: <IconUsers size={28} />,
  events: <IconCalendarEvent size={28} />,
  interactions: <IconMessages size={28} />,
  network: <IconAffiliate size={28} />,
  exports: <IconFileExport size={28} />,
} satisfies Record<string, ReactNode>;

type Section = keyof typeof SECTIONS;

/** A section a later issue builds. */
export function PlannedSection({ section }: { section: Section }) {
  const { t } = useTranslation();
  return <PlannedPage title={t(`nav.${section}`)} description={t(`placeholder.${section}`)} icon={SECTIONS[section]} />;
}
