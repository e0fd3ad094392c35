import type { Interaction } from '@anett/shared/schemas/interaction';
import type { InteractionKind } from '@anett/shared/vocab/enums';
import { useEffect, useSyncExternalStore } from 'react';

/** What a new contact is about, as far as the current page knows it. */
export type QuickLogPrefill = {
  personIds?: number[];
  organizationIds?: number[];
  nodeId?: number | null;
  eventId?: number | null;
  /** E.g. 'event_conversation' on an event page; 'call' otherwise. */
  kind?: InteractionKind;
};

export type QuickLogState =
  | { open: false }
  | { open: true; mode: 'create'; prefill: QuickLogPrefill; key: number }
  | { open: true; mode: 'edit'; item: Interaction; key: number };

let state: QuickLogState = { open: false };
let openCount = 0;
const listeners = new Set<() => void>();
/** Records the mounted pages registered, latest last (a detail page inside a list page wins). */
const pageContexts: { prefill: QuickLogPrefill }[] = [];

function set(next: QuickLogState) {
  state = next;
  for (const l of listeners) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const getState = () => state;

export function useQuickLogState(): QuickLogState {
  return useSyncExternalStore(subscribe, getState, getState);
}

/** Opens the quick log; without a prefill it is about the record of the current page (if any). */
export function openQuickLog(prefill?: QuickLogPrefill) {
  openCount += 1;
  set({ open: true, mode: 'create', prefill: prefill ?? pageContexts.at(-1)?.prefill ?? {}, key: openCount });
}

/** Opens the same dialog to change an existing entry. */
export function editInQuickLog(item: Interaction) {
  openCount += 1;
  set({ open: true, mode: 'edit', item, key: openCount });
}

export function closeQuickLog() {
  set({ open: false });
}

/**
 * Registers the record a page shows, so that the quick log (key `n`, header button) opens prefilled with it:
 * `useQuickLogContext({ personIds: [person.id] })`. Pass null while the record is loading.
 */
export function useQuickLogContext(prefill: QuickLogPrefill | null) {
  const key = prefill ? JSON.stringify(prefill) : null;
  useEffect(() => {
    if (key === null) return;
    const entry = { prefill: JSON.parse(key) as QuickLogPrefill };
    pageContexts.push(entry);
    return () => {
      const i = pageContexts.indexOf(entry);
      if (i >= 0) pageContexts.splice(i, 1);
    };
  }, [key]);
}
