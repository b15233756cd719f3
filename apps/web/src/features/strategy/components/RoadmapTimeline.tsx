import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { Box, Button, Group, Stack, Switch, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { TInitiative } from '@tandem/contracts';
import { errorMessage } from '../../../lib/api';
import { useUpdateEnabler } from '../api/save-enabler';
import { useUpdateInitiative } from '../api/save-initiative';
import type { Roadmap } from '../api/use-roadmap';
import { slipOf } from './GoalTree';
import { useEditor } from './RoadmapEditor';
import { DAY_MS, quarterLabel, shiftDates, timelineRows, type Dates, type DragMode, type Row } from './timeline-model';

const ROW = 28;
const LABEL_WIDTH = 280;
const OVERSCAN = 20;
/** Keyboard moves are saved once the keys rest this long, as one change (one undo step). */
const KEY_SAVE_DELAY_MS = 600;

const dayOf = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);
const quarterStart = (q: number) => Math.floor(Date.UTC(Math.floor(q / 4), (q % 4) * 3, 1) / DAY_MS);
const quarterOf = (iso: string) => {
  const d = new Date(iso);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
};
const span = (d: Dates) => `${d.startDate ?? 'no start'} → ${d.endDate ?? 'no end'}`;

type Kind = 'initiative' | 'enabler';
type Item = { kind: Kind; id: string; title: string };
interface Change extends Item {
  before: Dates;
  after: Dates;
}

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
const handleStyle = (side: 'left' | 'right'): CSSProperties => ({ position: 'absolute', top: 0, bottom: 0, [side]: 0, width: 8, cursor: 'ew-resize', display: 'block' });

/**
 * Date edits from the timeline: drags and key presses show at once (a draft), are saved through the
 * same PATCH as the edit forms, and each saved change can be undone (the previous dates are saved
 * back). A key press is meant to wait for the keys to rest (KEY_SAVE_DELAY_MS) so that a run of
 * presses is one change; in practice the effect below flushes it at the next render, so each
 * press is saved as its own change (one undo step per press). Making the flush run only on leaving
 * broke the drag journey in a trial (2026-12-03) and was not kept; see decision 143.
 */
function useDateEdits(roadmap: Roadmap) {
  const updateInitiative = useUpdateInitiative();
  const updateEnabler = useUpdateEnabler();
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Dates>>(new Map());
  const [history, setHistory] = useState<Change[]>([]);
  const [status, setStatus] = useState('');
  const pendingKeys = useRef<{ item: Item; before: Dates; after: Dates; timer: ReturnType<typeof setTimeout> } | null>(null);

  const setDraft = useCallback((id: string, d: Dates | null) => {
    setDrafts((m) => {
      const next = new Map(m);
      if (d) next.set(id, d);
      else next.delete(id);
      return next;
    });
  }, []);

  const save = useCallback(
    async (item: Item, before: Dates, after: Dates, recordUndo: boolean) => {
      if (before.startDate === after.startDate && before.endDate === after.endDate) {
        setDraft(item.id, null);
        return;
      }
      setDraft(item.id, after);
      try {
        if (item.kind === 'initiative') await updateInitiative.mutateAsync({ id: item.id, ...after });
        else await updateEnabler.mutateAsync({ id: item.id, ...after });
        if (recordUndo) setHistory((h) => [...h.slice(-19), { ...item, before, after }]);
        setStatus(`${item.title} now runs ${span(after)}.${recordUndo ? '' : ' Change undone.'}`);
      } catch (e) {
        setStatus(`${item.title}: the dates were not saved. ${errorMessage(e)}`);
        notifications.show({ color: 'red', title: 'Dates not saved', message: errorMessage(e) });
      } finally {
        setDraft(item.id, null);
      }
    },
    [updateInitiative, updateEnabler, setDraft],
  );

  const flushKeys = useCallback(() => {
    const p = pendingKeys.current;
    if (!p) return;
    clearTimeout(p.timer);
    pendingKeys.current = null;
    void save(p.item, p.before, p.after, true);
  }, [save]);
  useEffect(() => () => flushKeys(), [flushKeys]);

  const nudge = useCallback(
    (item: Item, current: Dates, mode: DragMode, days: number) => {
      const p = pendingKeys.current;
      if (p && p.item.id !== item.id) flushKeys();
      const before = pendingKeys.current?.before ?? current;
      const after = shiftDates(pendingKeys.current?.after ?? current, mode, days);
      if (pendingKeys.current) clearTimeout(pendingKeys.current.timer);
      pendingKeys.current = { item, before, after, timer: setTimeout(flushKeys, KEY_SAVE_DELAY_MS) };
      setDraft(item.id, after);
      setStatus(`${item.title}: ${span(after)} (not saved yet)`);
    },
    [flushKeys, setDraft],
  );

  const undo = useCallback(() => {
    flushKeys();
    const last = history[history.length - 1];
    if (!last) return;
    setHistory((h) => h.slice(0, -1));
    const exists = last.kind === 'initiative' ? roadmap.initiativeById.has(last.id) : roadmap.enablerById.has(last.id);
    if (!exists) {
      setStatus(`${last.title} no longer exists; nothing to undo.`);
      return;
    }
    void save(last, last.after, last.before, false);
  }, [flushKeys, history, roadmap.initiativeById, roadmap.enablerById, save]);

  return { drafts, setDraft, save, nudge, undo, canUndo: history.length > 0, lastChange: history[history.length - 1] ?? null, status };
}

/**
 * The roadmap by quarter: a Business lane of initiatives (in time order or by goal) and an IT lane
 * of enablers. Leaders click a bar to open the item, drag it or its ends to change the dates (or use
 * the arrow keys), and undo. Lines join an item to what it enables or needs only while it is
 * hovered or focused, so they never tangle; a late enabler carries its slip on the bar. On a phone
 * the timeline becomes a list by quarter. Only the rows near the viewport are rendered.
 */
export function RoadmapTimeline({ roadmap, now, canEdit }: { roadmap: Roadmap; now: Date; canEdit: boolean }) {
  const editor = useEditor();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [query, setQuery] = useState('');
  const [groupByGoal, setGroupByGoal] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const edits = useDateEdits(roadmap);
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ item: Item; mode: DragMode; x0: number; width: number; before: Dates; days: number; moved: boolean } | null>(null);
  /**
   * Set when a drag ends: the click the browser sends right after that pointerup must not open the
   * item. Cleared on the next task, so it never swallows a later click (a time window did: a click
   * 333 ms after a drag was lost in the journey).
   */
  const dragJustEnded = useRef(false);

  const { rows, links, shownCount } = useMemo(
    () => timelineRows({ goals: roadmap.goals, initiatives: roadmap.initiatives, enablers: roadmap.enablers, initiativeById: roadmap.initiativeById, query, groupByGoal, slipOf }),
    [roadmap.goals, roadmap.initiatives, roadmap.enablers, roadmap.initiativeById, query, groupByGoal],
  );
  const total = roadmap.initiatives.length + roadmap.enablers.length;

  const scale = useMemo(() => {
    const first = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
    let last = first + 4;
    for (const it of [...roadmap.initiatives, ...roadmap.enablers]) if (it.endDate) last = Math.max(last, quarterOf(it.endDate));
    last = Math.min(last, first + 9);
    const quarters = Array.from({ length: last - first + 1 }, (_, k) => ({ label: `${Math.floor((first + k) / 4)} Q${((first + k) % 4) + 1}`, start: quarterStart(first + k) }));
    return { quarters, from: quarterStart(first), to: quarterStart(last + 1) };
  }, [roadmap.initiatives, roadmap.enablers, now]);
  const { quarters, from, to } = scale;

  const datesOf = (id: string, d: Dates): Dates => edits.drafts.get(id) ?? { startDate: d.startDate, endDate: d.endDate };
  const x = (iso: string | null, fallback: number) => Math.min(100, Math.max(0, (((iso ? dayOf(iso) : fallback) - from) / (to - from)) * 100));
  const [start, end] = useVisibleRows(ref, rows.length);
  const height = (rows.length + 1) * ROW;
  const centre = (row: number) => (row + 1) * ROW + ROW / 2;
  const todayX = x(now.toISOString().slice(0, 10), from);

  const open = (item: Item) => {
    if (item.kind === 'initiative') {
      const i = roadmap.initiativeById.get(item.id);
      if (i) editor.editInitiative(i);
    } else {
      const e = roadmap.enablerById.get(item.id);
      if (e) editor.editEnabler(e);
    }
  };

  const onPointerDown = (ev: PointerEvent<HTMLElement>, item: Item, dates: Dates, mode: DragMode) => {
    if (!canEdit || ev.button !== 0) return;
    ev.stopPropagation();
    const track = ev.currentTarget.closest<HTMLElement>('[data-track]');
    if (!track) return;
    ev.currentTarget.setPointerCapture(ev.pointerId);
    drag.current = { item, mode, x0: ev.clientX, width: track.getBoundingClientRect().width, before: dates, days: 0, moved: false };
  };
  const onPointerMove = (ev: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = ev.clientX - d.x0;
    if (Math.abs(dx) > 3) d.moved = true;
    const days = Math.round((dx / Math.max(1, d.width)) * (to - from));
    if (days !== d.days) {
      d.days = days;
      edits.setDraft(d.item.id, shiftDates(d.before, d.mode, days));
    }
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d) return;
    if (d.moved) {
      dragJustEnded.current = true;
      setTimeout(() => (dragJustEnded.current = false), 0);
      void edits.save(d.item, d.before, shiftDates(d.before, d.mode, d.days), true);
    }
  };
  const onBarKey = (ev: KeyboardEvent<HTMLElement>, item: Item, dates: Dates) => {
    if (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight') return;
    ev.preventDefault();
    const days = ev.key === 'ArrowLeft' ? -7 : 7;
    edits.nudge(item, dates, ev.shiftKey ? 'end' : ev.altKey ? 'start' : 'move', days);
  };

  const bar = (item: Item, dates: Dates, color: string, late: { slip: number; i: TInitiative } | null) => {
    if (!dates.startDate && !dates.endDate) return <Text span size="xs" c="dimmed">no dates yet</Text>;
    const left = x(dates.startDate ?? dates.endDate, from);
    const width = Math.max(0.6, x(dates.endDate ?? dates.startDate, to) - left);
    const style: CSSProperties = { position: 'absolute', top: 6, height: ROW - 12, left: `${left}%`, width: `${width}%`, background: color, borderRadius: 4, padding: 0, border: 0, touchAction: 'none' };
    const label = `${item.title}: ${span(dates)}${late ? `, ${late.slip} days late for ${late.i.title}` : ''}`;
    const badge = late ? (
      <span aria-hidden data-testid="late-badge" style={{ position: 'absolute', top: 6, left: `min(calc(${left + width}% + 4px), calc(100% - 64px))`, fontSize: 11, lineHeight: `${ROW - 12}px`, color: 'var(--mantine-color-red-9)', fontWeight: 700, whiteSpace: 'nowrap', background: 'var(--mantine-color-body)', paddingInline: 2 }}>
        {late.slip} d late
      </span>
    ) : null;
    if (!canEdit) {
      return (
        <>
          <div title={label} role="img" aria-label={label} style={style} />
          {badge}
        </>
      );
    }
    return (
      <>
        <UnstyledButton
          aria-label={label}
          aria-describedby="timeline-help"
          data-bar={item.id}
          style={{ ...style, cursor: 'grab' }}
          onClick={() => {
            if (dragJustEnded.current) {
              dragJustEnded.current = false;
              return;
            }
            open(item);
          }}
          onKeyDown={(ev) => onBarKey(ev, item, dates)}
          onPointerDown={(ev) => onPointerDown(ev, item, dates, 'move')}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {dates.startDate ? (
            <span aria-hidden data-handle="start" style={handleStyle('left')} onPointerDown={(ev) => onPointerDown(ev, item, dates, 'start')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} />
          ) : null}
          {dates.endDate ? (
            <span aria-hidden data-handle="end" style={handleStyle('right')} onPointerDown={(ev) => onPointerDown(ev, item, dates, 'end')} onPointerMove={onPointerMove} onPointerUp={onPointerUp} />
          ) : null}
        </UnstyledButton>
        {badge}
      </>
    );
  };

  const toolbar = (
    <Stack gap={6}>
      <Group align="end" gap="md" wrap="wrap">
        <TextInput label="Search goals, initiatives and enablers" value={query} onChange={(e) => setQuery(e.currentTarget.value)} w={320} maw="100%" />
        {!isPhone ? <Switch label="Group initiatives by goal" checked={groupByGoal} onChange={(e) => setGroupByGoal(e.currentTarget.checked)} /> : null}
        {canEdit ? (
          <Button variant="default" onClick={edits.undo} disabled={!edits.canUndo}>
            {edits.lastChange ? `Undo: ${edits.lastChange.title}` : 'Undo'}
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed">
        Showing {shownCount} of {total} items.
      </Text>
      <Text size="xs" role="status" aria-live="polite" data-testid="timeline-status">
        {edits.status}
      </Text>
      {canEdit && !isPhone ? (
        <Text id="timeline-help" size="xs" c="dimmed">
          Click a bar to open it. Drag a bar to move it, or drag its ends to change one date. With the keyboard: arrows move a bar a week, Shift with arrows moves its end, Alt with arrows its start; Ctrl+Z undoes the last change.
        </Text>
      ) : null}
    </Stack>
  );

  if (isPhone) return <Stack gap="sm">{toolbar}<TimelineList rows={rows} canEdit={canEdit} open={open} /></Stack>;

  const shownLinks = active ? links.filter((l) => l.e.id === active || l.i.id === active) : [];
  return (
    <Stack gap="sm">
      {toolbar}
      <Box
        component="figure"
        m={0}
        aria-label="Roadmap timeline by quarter"
        data-testid="timeline"
        style={{ overflowX: 'auto' }}
        onKeyDown={(ev) => {
          if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z') {
            ev.preventDefault();
            edits.undo();
          }
        }}
      >
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
              {shownLinks.map((l) => {
                const e = datesOf(l.e.id, l.e);
                const i = datesOf(l.i.id, l.i);
                return (
                  <line
                    key={`${l.e.id}-${l.i.id}`}
                    data-testid="timeline-link"
                    x1={`${x(e.endDate, to)}%`}
                    y1={centre(l.enablerRow)}
                    x2={`${x(i.startDate, from)}%`}
                    y2={centre(l.initiativeRow)}
                    stroke={l.late ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-gray-6)'}
                    strokeWidth={l.late ? 2 : 1.5}
                  />
                );
              })}
            </svg>
          </div>
          {rows.slice(start, end).map((row, n) => {
            const k = start + n;
            if (row.kind === 'heading') {
              return (
                <div key={row.key} style={rowStyle(k)}>
                  <strong style={{ fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'nowrap' }}>{row.text}</strong>
                </div>
              );
            }
            const item: Item = row.kind === 'initiative' ? { kind: 'initiative', id: row.i.id, title: row.i.title } : { kind: 'enabler', id: row.e.id, title: row.e.title };
            const dates = datesOf(item.id, row.kind === 'initiative' ? row.i : row.e);
            const late = row.kind === 'enabler' ? row.late : null;
            const hover = { onMouseEnter: () => setActive(item.id), onMouseLeave: () => setActive(null), onFocus: () => setActive(item.id), onBlur: () => setActive(null) };
            return (
              <div key={row.key} style={rowStyle(k)} data-late={late ? 'true' : undefined} data-row={item.id} {...hover}>
                <span style={{ ...labelStyle, color: late ? 'var(--mantine-color-red-9)' : undefined }} title={item.title}>
                  {row.kind === 'enabler' ? 'IT · ' : ''}
                  {item.title}{' '}
                  <span style={{ color: late ? undefined : 'var(--mantine-color-dimmed)' }}>
                    · {late ? `${late.slip} days late for ${late.i.title}` : span(dates)}
                  </span>
                </span>
                <div data-track style={{ position: 'relative', height: ROW }}>
                  {bar(item, dates, row.kind === 'initiative' ? 'var(--mantine-color-blue-6)' : late ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-teal-7)', late)}
                </div>
              </div>
            );
          })}
        </div>
      </Box>
    </Stack>
  );
}

/** At phone width: the same items as a list by quarter (by start, else end), undated ones last. */
function TimelineList({ rows, canEdit, open }: { rows: Row[]; canEdit: boolean; open: (item: Item) => void }) {
  const groups = useMemo(() => {
    const byQuarter = new Map<string, Row[]>();
    for (const r of rows) {
      if (r.kind === 'heading') continue;
      const q = quarterLabel(r.kind === 'initiative' ? r.i : r.e) ?? 'Not scheduled';
      byQuarter.set(q, [...(byQuarter.get(q) ?? []), r]);
    }
    return [...byQuarter.entries()].sort(([a], [b]) => (a === 'Not scheduled' ? 1 : b === 'Not scheduled' ? -1 : a.localeCompare(b)));
  }, [rows]);
  return (
    <Stack gap="md" data-testid="timeline-list">
      {groups.map(([quarter, items]) => (
        <Box key={quarter} component="section" aria-label={quarter}>
          <Text component="h2" fw={700} size="sm" mb={4}>
            {quarter}
          </Text>
          <Stack gap={4}>
            {items.map((r) => {
              if (r.kind === 'heading') return null;
              const item: Item = r.kind === 'initiative' ? { kind: 'initiative', id: r.i.id, title: r.i.title } : { kind: 'enabler', id: r.e.id, title: r.e.title };
              const d = r.kind === 'initiative' ? r.i : r.e;
              const late = r.kind === 'enabler' ? r.late : null;
              const body = (
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {r.kind === 'initiative' ? 'Business' : 'IT'} · {item.title}
                  </Text>
                  <Text size="xs" c={late ? 'red.9' : 'dimmed'}>
                    {span(d)}
                    {late ? ` · ${late.slip} days late for ${late.i.title}` : ''}
                  </Text>
                </Stack>
              );
              return canEdit ? (
                <UnstyledButton key={r.key} onClick={() => open(item)} p={6} style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}>
                  {body}
                </UnstyledButton>
              ) : (
                <Box key={r.key} p={6} style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}>
                  {body}
                </Box>
              );
            })}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
