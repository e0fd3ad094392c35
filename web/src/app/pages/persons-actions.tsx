import type { SegmentFilterInput } from '@anett/shared/schemas/segment';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ImportAndCreate } from '../../components/records/record-list-parts.tsx';
import { ExportDialog } from '../../features/exports/export-dialog.tsx';
import { PersonFormModal } from '../../features/persons/person-form-modal.tsx';
import { SegmentFormModal } from '../../features/segments/segment-form-modal.tsx';
import { personName } from '../../lib/format.ts';
import { useLabels } from '../../lib/i18n.ts';

/** The list's header buttons (save as segment, export, import, new person) and the dialogs they open. */
export function PersonsActions({ currentFilter }: { currentFilter: () => SegmentFilterInput }) {
  const { t } = useLabels();
  const navigate = useNavigate();
  const [formOpen, setFormOpen] = useState(false);
  const [segmentFilter, setSegmentFilter] = useState<SegmentFilterInput | null>(null);
  const [exportFilter, setExportFilter] = useState<SegmentFilterInput | null>(null);
  // Both buttons open their dialog with the list's filter as it is now.
  const filterButtons = [
    [IconDeviceFloppy, 'segments.saveAsSegment', setSegmentFilter],
    [IconDownload, 'segments.export', setExportFilter],
  ] as const;
  return (
    <>
      <Group gap="sm">
        {filterButtons.map(([Icon, key, open]) => (
          <Button key={key} variant="default" leftSection={<Icon size={16} />} onClick={() => open(currentFilter())}>
            {t(key)}
          </Button>
        ))}
        <ImportAndCreate kind="persons" onCreate={() => setFormOpen(true)} />
      </Group>
      <SegmentFormModal
        target={segmentFilter ? { filter: segmentFilter } : null}
        onClose={() => setSegmentFilter(null)}
        onSaved={(s) => {
          setSegmentFilter(null);
          notifications.show({ color: 'green', message: t('segments.saved', { name: s.name }) });
        }}
      />
      <ExportDialog filter={exportFilter} onClose={() => setExportFilter(null)} />
      <PersonFormModal
        target={formOpen ? 'new' : null}
        onClose={() => setFormOpen(false)}
        onSaved={(p) => {
          setFormOpen(false);
          notifications.show({ color: 'green', message: t('persons.created', { name: personName(p) }) });
          void navigate({ to: '/personen/$id', params: { id: p.id } });
        }}
      />
    </>
  );
}
