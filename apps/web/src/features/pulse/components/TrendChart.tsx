import { Group, Table, Text } from '@mantine/core';
import type { TPulseTrend } from '@tandem/contracts';
import { pct } from '../labels';

const SERIES = [
  { key: '{}', label: 'Everyone', color: '#364fc7' },
  { key: '{"level":"leader"}', label: 'Leaders', color: '#c92a2a' },
  { key: '{"level":"employee"}', label: 'Employees', color: '#2b8a3e' },
] as const;

type Pt = { i: number; p: number; lo: number; hi: number };

/** Splits a series at its hidden points into runs of consecutive visible points. */
export function toRuns(pts: (Pt | null)[]): Pt[][] {
  const runs: Pt[][] = [];
  let run: Pt[] = [];
  for (const p of pts) {
    if (p) run.push(p);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs;
}

/** One statement across pulses: % favourable with its Wilson band for everyone, leaders and employees. */
export function TrendChart({ question }: { question: TPulseTrend['questions'][number] }) {
  const w = 560;
  const h = 220;
  const pad = { l: 40, r: 16, t: 12, b: 28 };
  const n = question.points.length;
  const x = (i: number) => pad.l + (n <= 1 ? (w - pad.l - pad.r) / 2 : (i * (w - pad.l - pad.r)) / (n - 1));
  const y = (p: number) => pad.t + (1 - p) * (h - pad.t - pad.b);
  const series = SERIES.map((s) => ({
    ...s,
    pts: question.points.map((p, i) => {
      const seg = p.segments.find((x) => JSON.stringify(x.key) === s.key);
      return seg && !('suppressed' in seg) ? { i, p: seg.favourable, lo: seg.ci[0], hi: seg.ci[1] } : null;
    }),
  }));
  const summary = series
    .map((s) => `${s.label}: ${s.pts.map((p) => (p ? pct(p.p) : 'hidden')).join(' → ')}`)
    .join('; ');
  return (
    <div>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={`Trend of "${question.text}": ${summary}`} style={{ maxWidth: w }}>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={w - pad.r} y1={y(t)} y2={y(t)} stroke="#dee2e6" />
            <text x={pad.l - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {pct(t)}
            </text>
          </g>
        ))}
        {question.points.map((p, i) => (
          <text key={p.pulseId} x={x(i)} y={h - 8} fontSize="11" textAnchor="middle" fill="#495057">
            {p.title.length > 24 ? `${p.title.slice(0, 23)}…` : p.title}
          </text>
        ))}
        {series.map((s) => {
          // A hidden point breaks the line: each run of consecutive visible points is drawn on its own,
          // so the chart never draws across a pulse whose number is hidden (decision 130).
          const runs = toRuns(s.pts);
          if (runs.length === 0) return null;
          return (
            <g key={s.key}>
              {runs.map((pts) => (
                <g key={pts[0]!.i}>
                  <polygon points={[...pts.map((p) => `${x(p.i)},${y(p.hi)}`), ...[...pts].reverse().map((p) => `${x(p.i)},${y(p.lo)}`)].join(' ')} fill={s.color} opacity={0.12} />
                  {pts.length > 1 ? <polyline points={pts.map((p) => `${x(p.i)},${y(p.p)}`).join(' ')} fill="none" stroke={s.color} strokeWidth={2} data-testid="trend-run" /> : null}
                  {pts.map((p) => (
                    <circle key={p.i} cx={x(p.i)} cy={y(p.p)} r={3.5} fill={s.color} />
                  ))}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <Group gap="md">
        {SERIES.map((s) => (
          <Group gap={4} key={s.key}>
            <span aria-hidden style={{ display: 'inline-block', width: 12, height: 3, background: s.color }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <Table aria-label={`Trend of ${question.text}`} mt="xs" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Pulse</Table.Th>
            {SERIES.map((s) => (
              <Table.Th scope="col" key={s.key}>
                {s.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {question.points.map((p, i) => (
            <Table.Tr key={p.pulseId}>
              <Table.Td>{p.title}</Table.Td>
              {series.map((s) => {
                const v = s.pts[i];
                return <Table.Td key={s.key}>{v ? `${pct(v.p)} (${pct(v.lo)}–${pct(v.hi)})` : 'hidden (gap)'}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
