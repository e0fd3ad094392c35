import { useEffect } from 'react';

const LAYER = '[role="dialog"], [role="alertdialog"], [role="menu"]';

const inLayer = (el: Element | null) => !!el?.closest(LAYER);

/**
 * When a dialog closes and keyboard focus fell back to the page's top, it goes to the control that opened the
 * dialog (for a dialog opened from a menu: the menu's button). Mantine does this only for dialogs that stay
 * mounted and whose opener still exists; this covers the rest, for every dialog of the app.
 */
export function useDialogFocusReturn() {
  useEffect(() => {
    // The element focused last outside any dialog or menu: the opener of the next dialog.
    let lastOutside: HTMLElement | null = null;
    const openers = new Map<Element, HTMLElement | null>();

    const onFocusIn = (event: FocusEvent) => {
      const el = event.target;
      if (el instanceof HTMLElement && el !== document.body && !inLayer(el)) lastOutside = el;
    };

    const restore = (opener: HTMLElement | null) => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      // Another dialog took over (a loading frame replaced by the dialog, a confirmation): focus is its business.
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      if (opener?.isConnected && opener.offsetParent !== null) opener.focus();
    };

    const dialogsIn = (node: Node) =>
      node instanceof Element
        ? [
            ...(node.matches('[role="dialog"], [role="alertdialog"]') ? [node] : []),
            ...node.querySelectorAll('[role="dialog"], [role="alertdialog"]'),
          ]
        : [];

    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) for (const d of dialogsIn(node)) openers.set(d, lastOutside);
        for (const node of record.removedNodes) {
          for (const d of dialogsIn(node)) {
            if (!openers.has(d)) continue;
            const opener = openers.get(d) ?? null;
            openers.delete(d);
            // After React and Mantine have finished moving focus themselves.
            setTimeout(() => restore(opener), 0);
          }
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
}
