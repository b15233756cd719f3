/**
 * The flow charts of the requests module, drawn with recharts like every other chart in the app
 * (decision 058 supersedes the hand-drawn SVG of decision 053). Each chart sits in a box with
 * `role="img"` and a label that states its headline numbers; recharts' own accessibility layer is
 * off, so the chart is one picture to assistive technology, and the table under "Data as a table"
 * carries every number. Colours are Mantine CSS variables, axis text is 12 px, and nothing animates
 * (so reduced motion is honoured by construction).
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { Box, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, useXAxisScale, useYAxisScale } from 'recharts';
import type { TAnalytics, TRequestType } from '@tandem/contracts';
import { REQUEST_TYPE_LABEL } from '../labels';

const HEIGHT = 260;
const TICK = { fontSize: 12, fill: 'var(--mantine-color-text)' };
const AXIS = 'var(--mantine-color-gray-6)';
const GRID = 'var(--mantine-color-gray-3)';
const LINE_COLORS = { p50: 'var(--mantine-color-blue-8)', p85: 'var(--mantine-color-orange-9)', p95: 'var(--mantine-color-red-9)' } as const;
const MARGIN = { top: 16, right: 16, left: 0, bottom: 4 };
/** Legend words in the text colour (recharts would paint them in the series colour, too faint for the light bands). */
const legendText = (value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>;

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

/** The chart as one labelled picture: role="img" with the headline numbers as its name. */
function Picture({ label, testId, children }: { label: string; testId: string; children: ReactElement }) {
  return (
    <Box role="img" aria-label={label} h={HEIGHT} maw={760} w="100%" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </Box>
  );
}

function DataTable({ label, head, rows }: { label: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Table.ScrollContainer minWidth={360} type="native">
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
    </Table.ScrollContainer>
  );
}

const dayNum = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = (day: number) => new Date(Math.round(day) * 86_400_000).toISOString().slice(0, 10);
type Lines = { p50: number; p85: number; p95: number } | null;

/** The 50th/85th/95th percentile lines as recharts reference lines, each labelled with its value. */
function percentileLines(lines: Lines) {
  if (!lines) return null;
  return (['p50', 'p85', 'p95'] as const).map((k) => (
    <ReferenceLine
      key={k}
      y={lines[k]}
      stroke={LINE_COLORS[k]}
      strokeDasharray="6 4"
      ifOverflow="extendDomain"
      label={{ value: `${k.slice(1)}th: ${lines[k]} d`, position: 'insideTopRight', fontSize: 12, fill: LINE_COLORS[k] }}
    />
  ));
}

type TRequestSide = TAnalytics['scatter'][number]['side'];
const SIDE_LABEL: Record<TRequestSide, string> = { business: 'Business', it: 'IT' };
const TYPE_COLOR: Record<TRequestType, string> = {
  feature: 'var(--mantine-color-blue-7)',
  change: 'var(--mantine-color-violet-7)',
  fix: 'var(--mantine-color-teal-8)',
  it_need: 'var(--mantine-color-orange-8)',
};
const SIDE_COLOR: Record<TRequestSide, string> = { business: 'var(--mantine-color-indigo-7)', it: 'var(--mantine-color-teal-8)' };
type ScatterPoint = { id: string; title: string; doneAt: string; leadTimeDays: number; type?: TRequestType; side?: TRequestSide };
type ColourBy = 'none' | 'type' | 'side';

/** Split the dots into one series per type or side (or one series), each with its own colour. */
function scatterSeries(points: ScatterPoint[], by: ColourBy): { key: string; name: string; color: string; data: (ScatterPoint & { x: number })[] }[] {
  const withX = points.map((p) => ({ ...p, x: dayNum(p.doneAt) }));
  if (by === 'type') {
    return (Object.keys(TYPE_COLOR) as TRequestType[]).map((t) => ({ key: t, name: REQUEST_TYPE_LABEL[t], color: TYPE_COLOR[t], data: withX.filter((p) => p.type === t) })).filter((s) => s.data.length);
  }
  if (by === 'side') {
    return (Object.keys(SIDE_COLOR) as TRequestSide[]).map((s) => ({ key: s, name: SIDE_LABEL[s], color: SIDE_COLOR[s], data: withX.filter((p) => p.side === s) })).filter((s) => s.data.length);
  }
  return [{ key: 'all', name: 'Requests', color: 'var(--mantine-color-gray-7)', data: withX }];
}

const NoDot = () => <g />;

/**
 * The dots of one series as a single SVG path through the chart's own scales. A recharts `Scatter`
 * renders one React element (with its own event handlers) per dot, which made the flow page about
 * four times slower at the contract's 2,000 dots (decision 058); one path per series keeps the
 * scatter as cheap as the hand-drawn one was, and the table under the chart has every dot's numbers.
 */
function Dots({ seriesKey, points, color }: { seriesKey: string; points: { x: number; leadTimeDays: number }[]; color: string }) {
  const xs = useXAxisScale();
  const ys = useYAxisScale();
  if (!xs || !ys) return null;
  const r = 3.5;
  let d = '';
  for (const p of points) {
    const cx = xs(p.x);
    const cy = ys(p.leadTimeDays);
    if (cx === undefined || cy === undefined) continue;
    d += `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return <path className="requests-scatter-dots" data-series={seriesKey} data-count={points.length} d={d} fill={color} fillOpacity={0.65} />;
}

/** Lead time of each done request against its done date, with the 50th/85th/95th percentile lines; dots coloured by type or side. */
export function LeadTimeScatter({ points, lines, from, to }: { points: ScatterPoint[]; lines: Lines; from: string; to: string }) {
  const canSplit = points.some((p) => p.type !== undefined);
  const [by, setBy] = useState<ColourBy>(canSplit ? 'type' : 'none');
  const series = scatterSeries(points, by);
  const yMax = Math.max(1, lines?.p95 ?? 0, ...points.map((p) => p.leadTimeDays));
  const x0 = dayNum(from);
  const x1 = Math.max(x0 + 1, dayNum(to));
  return (
    <ChartBlock
      title="Lead time scatter"
      method="Each dot is a request done in the period: its lead time (created → done, whole days) on its done date. Dashed lines: 50th, 85th and 95th percentiles (linear interpolation)."
      table={
        <DataTable
          label="Lead times"
          head={['Request', 'Done', 'Lead time (days)', ...(canSplit ? ['Type', 'Side'] : [])]}
          rows={points.map((p) => [p.title, p.doneAt, p.leadTimeDays, ...(canSplit ? [p.type ? REQUEST_TYPE_LABEL[p.type] : '–', p.side ? SIDE_LABEL[p.side] : '–'] : [])])}
        />
      }
    >
      {canSplit ? (
        <Group gap="xs">
          <Text size="sm" id="scatter-colour-by">
            Colour dots by
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="scatter-colour-by"
            value={by}
            onChange={(v) => setBy(v as ColourBy)}
            data={[
              { value: 'type', label: 'Type' },
              { value: 'side', label: 'Side' },
              { value: 'none', label: 'None' },
            ]}
          />
        </Group>
      ) : null}
      <Picture
        testId="lead-time-scatter"
        label={`Lead time scatter: ${points.length} requests; 50th ${lines?.p50 ?? '–'}, 85th ${lines?.p85 ?? '–'}, 95th ${lines?.p95 ?? '–'} days${by !== 'none' ? `; by ${by}: ${series.map((s) => `${s.name} ${s.data.length}`).join(', ')}` : ''}`}
      >
        <ScatterChart accessibilityLayer={false} margin={MARGIN}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" domain={[x0, x1]} tickFormatter={isoOf} tick={TICK} stroke={AXIS} minTickGap={24} name="Done" />
          <YAxis type="number" dataKey="leadTimeDays" domain={[0, yMax]} tick={TICK} stroke={AXIS} width={44} allowDecimals={false} name="Lead time (days)" label={{ value: 'days', angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--mantine-color-text)' }} />
          {/* Two invisible corner points give the axes their data (recharts computes no scale for an axis without a graphical item). */}
          <Scatter data={[{ x: x0, leadTimeDays: 0 }, { x: x1, leadTimeDays: yMax }]} shape={NoDot} legendType="none" isAnimationActive={false} />
          {series.map((s) => (
            <Dots key={s.key} seriesKey={s.key} points={s.data} color={s.color} />
          ))}
          {percentileLines(lines)}
        </ScatterChart>
      </Picture>
      {by !== 'none' ? (
        <Group gap="md" aria-hidden="true">
          {series.map((s) => (
            <Group gap={4} key={s.key}>
              <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: s.color }} />
              <Text size="xs">{s.name}</Text>
            </Group>
          ))}
        </Group>
      ) : null}
    </ChartBlock>
  );
}

/** Age of each open request against the lead-time percentiles: bars above the 85th line are at risk. */
export function AgeingChart({ items, lines }: { items: { id: string; title: string; status: string; ageDays: number; percentile: number }[]; lines: Lines }) {
  const shown = items.slice(0, 150).map((p, i) => ({ ...p, n: i + 1 }));
  const yMax = Math.max(1, lines?.p95 ?? 0, ...shown.map((p) => p.ageDays));
  return (
    <ChartBlock
      title="Ageing of open work"
      method="Each bar is an open request, oldest first: its age in days today. Dashed lines: the lead-time percentiles of the period; a bar above the 85th line is older than 85% of everything delivered."
      table={<DataTable label="Open requests by age" head={['Request', 'Status', 'Age (days)', 'Older than % of delivered']} rows={items.map((p) => [p.title, p.status, p.ageDays, `${p.percentile}%`])} />}
    >
      <Picture testId="ageing-chart" label={`Ageing: ${items.length} open requests, ${items.filter((i) => i.percentile >= 85).length} older than the 85th percentile lead time`}>
        <BarChart data={shown} accessibilityLayer={false} margin={MARGIN} barCategoryGap={1}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="n" tick={false} stroke={AXIS} label={{ value: 'open requests, oldest first', position: 'insideBottom', fontSize: 12, fill: 'var(--mantine-color-text)' }} height={24} />
          <YAxis domain={[0, yMax]} tick={TICK} stroke={AXIS} width={44} allowDecimals={false} label={{ value: 'age, days', angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--mantine-color-text)' }} />
          <Tooltip labelFormatter={(_, payload) => String(payload?.[0]?.payload?.title ?? '')} formatter={(v) => [`${String(v)} days`, 'Age']} />
          <Bar dataKey="ageDays" name="Age (days)" isAnimationActive={false}>
            {shown.map((p) => (
              <Cell key={p.id} fill={p.percentile >= 85 ? 'var(--mantine-color-red-8)' : 'var(--mantine-color-gray-6)'} />
            ))}
          </Bar>
          {percentileLines(lines)}
        </BarChart>
      </Picture>
    </ChartBlock>
  );
}

/** Done requests per ISO week. */
export function ThroughputChart({ weeks }: { weeks: { weekStart: string; count: number }[] }) {
  return (
    <ChartBlock
      title="Throughput per week"
      method="Requests done in each week (Monday to Sunday) of the period."
      table={<DataTable label="Throughput per week" head={['Week of', 'Done']} rows={weeks.map((w) => [w.weekStart, w.count])} />}
    >
      <Picture testId="throughput-chart" label={`Throughput: ${weeks.reduce((s, w) => s + w.count, 0)} requests done over ${weeks.length} weeks`}>
        <BarChart data={weeks} accessibilityLayer={false} margin={MARGIN} barCategoryGap={1}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="weekStart" tick={TICK} stroke={AXIS} minTickGap={24} />
          <YAxis tick={TICK} stroke={AXIS} width={44} allowDecimals={false} label={{ value: 'done', angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--mantine-color-text)' }} />
          <Tooltip labelFormatter={(l) => `Week of ${String(l)}`} />
          <Bar dataKey="count" name="Done" fill="var(--mantine-color-blue-7)" isAnimationActive={false} />
        </BarChart>
      </Picture>
    </ChartBlock>
  );
}

const CFD_BANDS = [
  { key: 'doneBand', name: 'Done', color: 'var(--mantine-color-teal-7)' },
  { key: 'inProgressBand', name: 'In progress (started, not done)', color: 'var(--mantine-color-violet-6)' },
  { key: 'waitingBand', name: 'Waiting (arrived, not started)', color: 'var(--mantine-color-gray-5)' },
] as const;

/**
 * Cumulative flow as stacked areas: done at the bottom, then in progress (started − done), then
 * waiting (arrived − started), so the top edge is the running total of arrivals and each band's
 * thickness is the work in that state at the end of the week.
 */
export function CumulativeFlowChart({ weeks }: { weeks: { weekStart: string; arrived: number; started: number; done: number }[] }) {
  const data = weeks.map((w) => ({
    weekStart: w.weekStart,
    doneBand: w.done,
    inProgressBand: Math.max(0, w.started - w.done),
    waitingBand: Math.max(0, w.arrived - Math.max(w.started, w.done)),
  }));
  const last = weeks[weeks.length - 1];
  return (
    <ChartBlock
      title="Cumulative flow"
      method="Running totals at the end of each week: requests arrived, started and done since the beginning, stacked as bands (done, in progress, waiting). The top edge is everything arrived; the gap between it and done is the work in the system."
      table={<DataTable label="Cumulative flow" head={['Week of', 'Arrived', 'Started', 'Done']} rows={weeks.map((w) => [w.weekStart, w.arrived, w.started, w.done])} />}
    >
      <Picture
        testId="cumulative-flow-chart"
        label={`Cumulative flow: arrived, started and done per week${last ? `; by ${last.weekStart}: ${last.arrived} arrived, ${last.started} started, ${last.done} done` : ''}`}
      >
        <AreaChart data={data} accessibilityLayer={false} margin={MARGIN}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          <XAxis dataKey="weekStart" tick={TICK} stroke={AXIS} minTickGap={24} />
          <YAxis tick={TICK} stroke={AXIS} width={44} allowDecimals={false} label={{ value: 'requests', angle: -90, position: 'insideLeft', fontSize: 12, fill: 'var(--mantine-color-text)' }} />
          <Tooltip labelFormatter={(l) => `Week of ${String(l)}`} />
          <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
          {CFD_BANDS.map((b) => (
            <Area key={b.key} type="linear" dataKey={b.key} name={b.name} stackId="cfd" stroke={b.color} fill={b.color} fillOpacity={0.55} isAnimationActive={false} />
          ))}
        </AreaChart>
      </Picture>
    </ChartBlock>
  );
}
