import type { PromotedRef } from '@anett/shared/schemas/attendance';
import { notifications } from '@mantine/notifications';
import { useLabels } from '../../lib/i18n.ts';

const PROMOTION_NOTICE_MS = 10_000;

/** Tells who moved up from the waiting list when a seat was freed. */
export function usePromotionNotice() {
  const { t } = useLabels();
  return (promoted: PromotedRef[]) => {
    for (const p of promoted) {
      notifications.show({
        color: 'blue',
        title: t('events.attendance.promotedTitle'),
        message: t('events.attendance.promoted', { name: p.name }),
        autoClose: PROMOTION_NOTICE_MS,
      });
    }
  };
}
