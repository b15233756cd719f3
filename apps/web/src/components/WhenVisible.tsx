import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders `children` once their place comes within `margin` of the viewport, and a box of the
 * same `height` until then (decision 162). For decoration below the fold (charts whose numbers a
 * table beside them already carries): the page shows its data first and draws the chart when the
 * reader scrolls towards it. Without IntersectionObserver it renders at once.
 */
export function WhenVisible({ height, margin = '300px', children }: { height: number; margin?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (shown || !ref.current) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(true);
    }, { rootMargin: margin });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [shown, margin]);
  return shown ? <>{children}</> : <div ref={ref} style={{ height }} data-pending="true" />;
}
