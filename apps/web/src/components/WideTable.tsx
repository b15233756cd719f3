import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Box, Text } from '@mantine/core';

/**
 * A table wider than the screen: it scrolls sideways in a focusable region (keyboard users scroll
 * it with the arrow keys), keeps its first column in place while the rest moves, and says that it
 * scrolls — in words above it and in the region's name — only when it does.
 */
export function WideTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <Box>
      {scrolls ? (
        <Text size="xs" c="dimmed" aria-hidden data-testid="scroll-hint">
          Scroll sideways for more columns →
        </Text>
      ) : null}
      <div ref={ref} className="wide-table" role="region" aria-label={scrolls ? `${label} (scrolls sideways)` : label} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Box miw={minWidth}>{children}</Box>
      </div>
    </Box>
  );
}
