import { useEffect } from 'react';

const LAYER = 'g[class^="recharts-zIndex-layer_"]';

/**
 * recharts renders its layers as React portals into bare <g> elements; React puts focus listeners on every portal
 * container and Chromium makes SVG elements with focus listeners tab stops. An explicit tabindex -1 takes them out of
 * the tab order again (the charts are images with a text alternative; the mouse tooltips keep working).
 */
export function useChartLayersOutOfTabOrder() {
  useEffect(() => {
    const fix = (root: ParentNode) => {
      for (const g of root.querySelectorAll(LAYER)) if (!g.hasAttribute('tabindex')) g.setAttribute('tabindex', '-1');
    };
    fix(document);
    const observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) fix(n.parentNode ?? n);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
