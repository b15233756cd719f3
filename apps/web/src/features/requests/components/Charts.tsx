/**
 * Hand-drawn SVG charts of the flow pages. ARCHITECTURE.md names @mantine/charts, but the registry
 * serves no @mantine/charts at the installed @mantine/core version (9.8.1) and mixed Mantine
 * versions are refused (decision 053). Each chart has a title, a one-line method, and a data
 * table as its text alternative.
 */
import type { ReactNode } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';

const W = 720;
const H = 260;
const PAD = { l: 48, r: 16, t: 12, b: 32 };
const iw = W - PAD.l - PAD.r;
const ih = H - PAD.t - PAD.b;
const INK = '#1f2937';
const LINE_COLORS = { p50: '#1d4ed8', p85: '#b45309', p95: '#b91c1c' } as const;

function ticks(max: number, n = 4): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, Math.ceil(max / n));
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

function Frame({ label, yMax, yLabel, xLabels, children }: { label: string; yMax: number; yLabel: string; xLabels: { x: number; text: string }[]; children: ReactNode }) {
  const y = (v: number) => PAD.t + ih - (yMax ? (v / yMax) * ih : 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W, display: 'block' }}>
      <title>{label}</title>
      <line x1={PAD.l} y1={PAD.t + ih} x2={PAD.l + iw} y2={PAD.t + ih} stroke={INK} />
      <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={PAD.t + ih} stroke={INK} />
      {ticks(yMax).map((v) => (
        <g key={v}>
          <line x1={PAD.l - 4} x2={PAD.l} y1={y(v)} y2={y(v)} stroke={INK} />
          <text x={PAD.l - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill={INK}>
            {v}
          </text>
        </g>
      ))}
      <text x={12} y={PAD.t + ih / 2} fontSize={11} fill={INK} transform={`rotate(-90 12 ${PAD.t + ih / 2})`} textAnchor="middle">
        {yLabel}
      </text>
      {xLabels.map((l) => (
        <text key={`${l.x}-${l.text}`} x={l.x} y={H - 10} fontSize={11} textAnchor="middle" fill={INK}>
          {l.text}
        </text>
      ))}
      {children}
    </svg>
  );
}

export function ChartBlock({ title, method, children, table }: { title: string; method: string; children: ReactNode; table: ReactNode }) {
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      <Text size="xs" c="dimmed">
        {method}
      </Text>
      {children}
      <details>
        <summary>Data as a table</summary>
        {table}
      </details>
    </Stack>
  );
}

function DataTable({ label, head, rows }: { label: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Table aria-label={label} striped withTableBorder fz="xs">
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h} scope="col">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((c, j) => (
              <Table.Td key={j}>{c}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
type Lines = { p50: number; p85: number; p95: number } | null;

function PercentileLines({ lines, y, x1, x2 }: { lines: Lines; y: (v: number) => number; x1: number; x2: number }) {
  if (!lines) return null;
  return (
    <>
      {(['p50', 'p85', 'p95'] as const).map((k) => (
        <g key={k}>
          <line x1={x1} x2={x2} y1={y(lines[k])} y2={y(lines[k])} stroke={LINE_COLORS[k]} strokeDasharray="6 4" />
          <text x={x2 - 2} y={y(lines[k]) - 3} fontSize={11} textAnchor="end" fill={LINE_COLORS[k]}>
            {k.slice(1)}th: {lines[k]} d
          </text>
        </g>
      ))}
    </>
  );
}

/** Lead time of each done request against its done date, with the 50th/85th/95th percentile lines. */
export function LeadTimeScatter({ points, lines, from, to }: { points: { id: string; title: string; doneAt: string; leadTimeDays: number }[]; lines: Lines; from: string; to: string }) {
  const x0 = dayNum(from);
  const span = Math.max(1, dayNum(to) - x0);
  const yMax = Math.max(1, lines?.p95 ?? 0, ...points.map((p) => p.leadTimeDays));
  const x = (d: string) => PAD.l + ((dayNum(d) - x0) / span) * iw;
  const y = (v: number) => PAD.t + ih - (v / yMax) * ih;
  return (
    <ChartBlock
      title="Lead time scatter"
      method="Each dot is a request done in the period: its lead time (created → done, whole days) on its done date. Dashed lines: 50th, 85th and 95th percentiles (linear interpolation)."
      table={<DataTable label="Lead times" head={['Request', 'Done', 'Lead time (days)']} rows={points.map((p) => [p.title, p.doneAt, p.leadTimeDays])} />}
    >
      <Frame label={`Lead time scatter: ${points.length} requests; 50th ${lines?.p50 ?? '–'}, 85th ${lines?.p85 ?? '–'}, 95th ${lines?.p95 ?? '–'} days`} yMax={yMax} yLabel="days" xLabels={[{ x: PAD.l, text: from }, { x: PAD.l + iw, text: to }]}>
        {points.map((p) => (
          <circle key={p.id} cx={x(p.doneAt)} cy={y(p.leadTimeDays)} r={3} fill="#334155" fillOpacity={0.6} />
        ))}
        <PercentileLines lines={lines} y={y} x1={PAD.l} x2={PAD.l + iw} />
      </Frame>
    </ChartBlock>
  );
}

/** Age of each open request against the lead-time percentiles: dots above the 85th line are at risk. */
export function AgeingChart({ items, lines }: { items: { id: string; title: string; status: string; ageDays: number; percentile: number }[]; lines: Lines }) {
  const shown = items.slice(0, 150);
  const yMax = Math.max(1, lines?.p95 ?? 0, ...shown.map((p) => p.ageDays));
  const y = (v: number) => PAD.t + ih - (v / yMax) * ih;
  const step = iw / Math.max(1, shown.length);
  return (
    <ChartBlock
      title="Ageing of open work"
      method="Each bar is an open request, oldest first: its age in days today. Dashed lines: the lead-time percentiles of the period; a bar above the 85th line is older than 85% of everything delivered."
      table={<DataTable label="Open requests by age" head={['Request', 'Status', 'Age (days)', 'Older than % of delivered']} rows={items.map((p) => [p.title, p.status, p.ageDays, `${p.percentile}%`])} />}
    >
      <Frame label={`Ageing: ${items.length} open requests, ${items.filter((i) => i.percentile >= 85).length} older than the 85th percentile lead time`} yMax={yMax} yLabel="age, days" xLabels={[{ x: PAD.l + iw / 2, text: 'open requests, oldest first' }]}>
        {shown.map((p, i) => (
          <rect key={p.id} x={PAD.l + i * step + 1} width={Math.max(1, step - 2)} y={y(p.ageDays)} height={PAD.t + ih - y(p.ageDays)} fill={p.percentile >= 85 ? '#b91c1c' : '#475569'} />
        ))}
        <PercentileLines lines={lines} y={y} x1={PAD.l} x2={PAD.l + iw} />
      </Frame>
    </ChartBlock>
  );
}

/** Done requests per ISO week. */
export function ThroughputChart({ weeks }: { weeks: { weekStart: string; count: number }[] }) {
  const yMax = Math.max(1, ...weeks.map((w) => w.count));
  const y = (v: number) => PAD.t + ih - (v / yMax) * ih;
  const step = iw / Math.max(1, weeks.length);
  return (
    <ChartBlock
      title="Throughput per week"
      method="Requests done in each week (Monday to Sunday) of the period."
      table={<DataTable label="Throughput per week" head={['Week of', 'Done']} rows={weeks.map((w) => [w.weekStart, w.count])} />}
    >
      <Frame label={`Throughput: ${weeks.reduce((s, w) => s + w.count, 0)} requests done over ${weeks.length} weeks`} yMax={yMax} yLabel="done" xLabels={weeks.length ? [{ x: PAD.l, text: weeks[0]!.weekStart }, { x: PAD.l + iw, text: weeks[weeks.length - 1]!.weekStart }] : []}>
        {weeks.map((w, i) => (
          <rect key={w.weekStart} x={PAD.l + i * step + 1} width={Math.max(1, step - 2)} y={y(w.count)} height={PAD.t + ih - y(w.count)} fill="#1d4ed8" />
        ))}
      </Frame>
    </ChartBlock>
  );
}

/** Cumulative arrivals, starts and completions per week. */
export function CumulativeFlowChart({ weeks }: { weeks: { weekStart: string; arrived: number; started: number; done: number }[] }) {
  const yMax = Math.max(1, ...weeks.map((w) => w.arrived));
  const y = (v: number) => PAD.t + ih - (v / yMax) * ih;
  const x = (i: number) => PAD.l + (weeks.length > 1 ? (i / (weeks.length - 1)) * iw : 0);
  const path = (k: 'arrived' | 'started' | 'done') => weeks.map((w, i) => `${i ? 'L' : 'M'}${x(i)},${y(w[k])}`).join(' ');
  const colors = { arrived: '#475569', started: '#7c3aed', done: '#047857' } as const;
  return (
    <ChartBlock
      title="Cumulative flow"
      method="Running totals at the end of each week: requests arrived, started and done since the beginning. The gap between arrived and done is the work in the system."
      table={<DataTable label="Cumulative flow" head={['Week of', 'Arrived', 'Started', 'Done']} rows={weeks.map((w) => [w.weekStart, w.arrived, w.started, w.done])} />}
    >
      <Frame label="Cumulative flow: arrived, started and done per week" yMax={yMax} yLabel="requests" xLabels={weeks.length ? [{ x: PAD.l, text: weeks[0]!.weekStart }, { x: PAD.l + iw, text: weeks[weeks.length - 1]!.weekStart }] : []}>
        {(['arrived', 'started', 'done'] as const).map((k, i) => (
          <g key={k}>
            <path d={path(k)} fill="none" stroke={colors[k]} strokeWidth={2} />
            <text x={PAD.l + 8} y={PAD.t + 14 + i * 14} fontSize={11} fill={colors[k]}>
              {k}
            </text>
          </g>
        ))}
      </Frame>
    </ChartBlock>
  );
}
