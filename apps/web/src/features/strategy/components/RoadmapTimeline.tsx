import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Box } from '@mantine/core';
import type { TEnabler, TInitiative } from '@tandem/contracts';
import type { Roadmap } from '../api/use-roadmap';
import { slipOf } from './GoalTree';

const ROW = 28;
const LABEL_WIDTH = 280;
const OVERSCAN = 20;
const DAY = 86_400_000;

const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY);
const quarterStart = (q: number) => Math.floor(Date.UTC(Math.floor(q / 4), (q % 4) * 3, 1) / DAY);
const quarterOf = (iso: string) => {
  const d = new Date(iso);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
};

type Row =
  | { kind: 'heading'; text: string }
  | { kind: 'initiative'; i: TInitiative }
  | { kind: 'enabler'; e: TEnabler; late: { slip: number; i: TInitiative } | null };

/** Rows between the top and bottom of the viewport (plus some overscan), so 2,000 items stay fast. */
function useVisibleRows(ref: React.RefObject<HTMLDivElement | null>, count: number): [number, number] {
  const [range, setRange] = useState<[number, number]>([0, Math.min(count, 60)]);
  useLayoutEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      const first = Math.max(0, Math.floor(-top / ROW) - OVERSCAN);
      const last = Math.min(count, Math.ceil((window.innerHeight - top) / ROW) + OVERSCAN);
      setRange((r) => (r[0] === first && r[1] === last ? r : [first, Math.max(first, last)]));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', schedule, { passive: true, capture: true });
    window.addEventListener('resize', schedule);
    return () => {
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref, count]);
  return range;
}

const rowStyle = (k: number): CSSProperties => ({
  position: 'absolute',
  top: (k + 1) * ROW,
  left: 0,
  right: 0,
  height: ROW,
  display: 'grid',
  gridTemplateColumns: `${LABEL_WIDTH}px 1fr`,
  columnGap: 8,
  alignItems: 'center',
});
const labelStyle: CSSProperties = { fontSize: 'var(--mantine-font-size-xs)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' };

/**
 * The roadmap by quarter: a Business lane of initiatives and an IT lane of enablers, a line from
 * each enabler's end to the start of each initiative it enables, and late enablers in red with
 * their slip. Only the rows near the viewport are rendered.
 */
export function RoadmapTimeline({ roadmap, now }: { roadmap: Roadmap; now: Date }) {
  // In time order: what starts first is on top, in both lanes.
  const initiatives = useMemo(() => [...roadmap.initiatives].sort((a, b) => (a.startDate ?? '9').localeCompare(b.startDate ?? '9')), [roadmap.initiatives]);
  const enablers = useMemo(() => [...roadmap.enablers].sort((a, b) => (a.endDate ?? '9').localeCompare(b.endDate ?? '9')), [roadmap.enablers]);
  const ref = useRef<HTMLDivElement>(null);

  const model = useMemo(() => {
    const first = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
    let last = first + 4;
    for (const it of [...initiatives, ...enablers]) if (it.endDate) last = Math.max(last, quarterOf(it.endDate));
    last = Math.min(last, first + 9);
    const quarters = Array.from({ length: last - first + 1 }, (_, k) => ({ label: `${Math.floor((first + k) / 4)} Q${((first + k) % 4) + 1}`, start: quarterStart(first + k) }));
    const from = quarterStart(first);
    const to = quarterStart(last + 1);
    const rows: Row[] = [{ kind: 'heading', text: 'Business: initiatives' }, ...initiatives.map((i) => ({ kind: 'initiative' as const, i })), { kind: 'heading', text: 'IT: enablers' }];
    const rowOfInitiative = new Map(initiatives.map((i, k) => [i.id, k + 1]));
    const links: { enablerRow: number; initiativeRow: number; e: TEnabler; i: TInitiative; late: boolean }[] = [];
    for (const e of enablers) {
      let worst: { slip: number; i: TInitiative } | null = null;
      const enablerRow = rows.length;
      for (const id of e.initiativeIds) {
        const i = roadmap.initiativeById.get(id);
        if (!i) continue;
        const s = slipOf(e, i);
        if (s !== null && (!worst || s > worst.slip)) worst = { slip: s, i };
        const initiativeRow = rowOfInitiative.get(id);
        if (initiativeRow !== undefined && e.endDate && i.startDate) links.push({ enablerRow, initiativeRow, e, i, late: s !== null });
      }
      rows.push({ kind: 'enabler', e, late: worst });
    }
    return { quarters, from, to, rows, links };
  }, [initiatives, enablers, roadmap.initiativeById, now]);

  const { quarters, from, to, rows, links } = model;
  const x = (iso: string | null, fallback: number) => Math.min(100, Math.max(0, (((iso ? dayOf(iso) : fallback) - from) / (to - from)) * 100));
  const [start, end] = useVisibleRows(ref, rows.length);
  const height = (rows.length + 1) * ROW;
  const centre = (row: number) => (row + 1) * ROW + ROW / 2;
  const todayX = x(now.toISOString().slice(0, 10), from);

  const bar = (s: string | null, e: string | null, color: string, title: string) => {
    if (!s && !e) return null;
    const left = x(s ?? e, from);
    const width = Math.max(0.6, x(e ?? s, to) - left);
    return <div title={title} style={{ position: 'absolute', top: 6, height: ROW - 12, left: `${left}%`, width: `${width}%`, background: color, borderRadius: 4 }} />;
  };

  return (
    <Box component="figure" m={0} aria-label="Roadmap timeline by quarter" data-testid="timeline" style={{ overflowX: 'auto' }}>
      <div ref={ref} style={{ position: 'relative', height, minWidth: LABEL_WIDTH + 560 }}>
        <div style={{ ...rowStyle(-1), fontWeight: 600 }}>
          <span />
          <div style={{ position: 'relative', height: ROW }}>
            {quarters.map((q) => (
              <span key={q.label} style={{ position: 'absolute', left: `${((q.start - from) / (to - from)) * 100}%`, top: 6, fontSize: 'var(--mantine-font-size-xs)' }}>
                {q.label}
              </span>
            ))}
          </div>
        </div>
        <div style={{ position: 'absolute', top: 0, bottom: 0, left: LABEL_WIDTH + 8, right: 0 }} aria-hidden>
          <svg width="100%" height={height} style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
            {quarters.map((q) => {
              const qx = `${((q.start - from) / (to - from)) * 100}%`;
              return <line key={q.label} x1={qx} x2={qx} y1={ROW} y2={height} stroke="var(--mantine-color-gray-3)" />;
            })}
            <line x1={`${todayX}%`} x2={`${todayX}%`} y1={ROW} y2={height} stroke="var(--mantine-color-dark-3)" strokeDasharray="4 3" />
            {links
              .filter((l) => Math.max(l.enablerRow, l.initiativeRow) >= start && Math.min(l.enablerRow, l.initiativeRow) <= end)
              .map((l) => (
                <line
                  key={`${l.e.id}-${l.i.id}`}
                  x1={`${x(l.e.endDate, to)}%`}
                  y1={centre(l.enablerRow)}
                  x2={`${x(l.i.startDate, from)}%`}
                  y2={centre(l.initiativeRow)}
                  stroke={l.late ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-5)'}
                  strokeWidth={l.late ? 2 : 1}
                />
              ))}
          </svg>
        </div>
        {rows.slice(start, end).map((row, n) => {
          const k = start + n;
          if (row.kind === 'heading') {
            return (
              <div key={`h-${row.text}`} style={rowStyle(k)}>
                <strong style={{ fontSize: 'var(--mantine-font-size-sm)' }}>{row.text}</strong>
              </div>
            );
          }
          if (row.kind === 'initiative') {
            const i = row.i;
            return (
              <div key={i.id} style={rowStyle(k)}>
                <span style={labelStyle} title={i.title}>
                  {i.title} <span style={{ color: 'var(--mantine-color-dimmed)' }}>· {i.startDate ?? '?'} → {i.endDate ?? '?'}</span>
                </span>
                <div style={{ position: 'relative', height: ROW }}>{bar(i.startDate, i.endDate, 'var(--mantine-color-blue-6)', i.title)}</div>
              </div>
            );
          }
          const e = row.e;
          return (
            <div key={e.id} style={rowStyle(k)} data-late={row.late ? 'true' : undefined}>
              <span style={{ ...labelStyle, color: row.late ? 'var(--mantine-color-red-9)' : undefined }} title={e.title}>
                {e.title} <span style={{ color: row.late ? undefined : 'var(--mantine-color-dimmed)' }}>· {row.late ? `${row.late.slip} days late for ${row.late.i.title}` : `ends ${e.endDate ?? '?'}`}</span>
              </span>
              <div style={{ position: 'relative', height: ROW }}>{bar(e.startDate, e.endDate, row.late ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-teal-7)', e.title)}</div>
            </div>
          );
        })}
      </div>
    </Box>
  );
}
