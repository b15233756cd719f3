import type { ReactNode } from 'react';

/**
 * A horizontally scrollable table holder that keyboard users can focus and scroll (WCAG 2.1.1;
 * axe "scrollable-region-focusable"): wide breakdowns must stay readable at phone width.
 */
export function ScrollRegion({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <div role="region" aria-label={`${label} (scrolls sideways)`} tabIndex={0} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
