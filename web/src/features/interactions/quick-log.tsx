import { ActionIcon, Button, type ButtonProps, Center, Kbd, Loader, Modal, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconMessagePlus } from '@tabler/icons-react';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { closeQuickLog, openQuickLog, type QuickLogPrefill, useQuickLogState } from './quick-log-store.ts';

export { editInQuickLog, openQuickLog, type QuickLogPrefill, useQuickLogContext } from './quick-log-store.ts';

const loadDialog = () => import('./quick-log-dialog.tsx');
// The form libraries stay out of the entry chunk; the chunk is fetched right after start so `n` opens at once.
const QuickLogDialog = lazy(() => loadDialog().then((m) => ({ default: m.QuickLogDialog })));

/** Another dialog, menu or the search is open: `n` belongs to it. */
const overlayOpen = () => document.querySelector('[role="dialog"]') !== null;

/** The dialog's frame at once while its code loads (on a slow line `n` seemed to do nothing). */
function QuickLogLoading({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={closeQuickLog}
      size="lg"
      title={editing ? t('interactions.quickLog.editTitle') : t('interactions.quickLog.title')}
    >
      <Center mih={200} role="status" aria-label={t('app.loading')}>
        <Loader />
      </Center>
    </Modal>
  );
}

/** Mount once in the layout: the `n` shortcut and the quick-log dialog. */
export function QuickLogHost() {
  const state = useQuickLogState();
  useHotkeys([
    [
      'n',
      (e) => {
        if (overlayOpen()) return;
        e.preventDefault();
        openQuickLog();
      },
    ],
  ]);
  useEffect(() => {
    const timer = setTimeout(() => void loadDialog(), 1500);
    return () => clearTimeout(timer);
  }, []);
  return state.open ? (
    <Suspense fallback={<QuickLogLoading editing={state.mode === 'edit'} />}>
      <QuickLogDialog state={state} />
    </Suspense>
  ) : null;
}

type Props = ButtonProps & {
  /** The record(s) to log a contact with; without it the current page's record (if any). */
  prefill?: QuickLogPrefill;
  /** Show the `n` shortcut hint in a tooltip. */
  withShortcutHint?: boolean;
};

/** "Kontakt erfassen": opens the quick log, prefilled with the given record(s). */
export function QuickLogButton({ prefill, withShortcutHint, ...props }: Props) {
  const { t } = useTranslation();
  const button = (
    <Button
      leftSection={<IconMessagePlus size={18} stroke={1.7} />}
      variant="light"
      onMouseEnter={() => void loadDialog()}
      onClick={() => openQuickLog(prefill)}
      {...props}
    >
      {t('interactions.quickLog.button')}
    </Button>
  );
  if (!withShortcutHint) return button;
  return (
    <Tooltip
      label={
        <>
          {t('interactions.quickLog.shortcut')} <Kbd size="xs">N</Kbd>
        </>
      }
    >
      {button}
    </Tooltip>
  );
}

/** The header's "Kontakt erfassen": with text on wide screens, an icon button on narrow ones. */
export function QuickLogHeaderButton() {
  const { t } = useTranslation();
  return (
    <>
      <QuickLogButton size="sm" variant="filled" withShortcutHint visibleFrom="lg" />
      <Tooltip label={t('interactions.quickLog.button')}>
        <ActionIcon
          size={36}
          variant="filled"
          hiddenFrom="lg"
          aria-label={t('interactions.quickLog.button')}
          onClick={() => openQuickLog()}
        >
          <IconMessagePlus size={18} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
    </>
  );
}
