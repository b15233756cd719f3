import { Group, Table, Text } from '@mantine/core';
import { money, pct } from '../labels';

type Point = { loss: number; probability: number };
const BEFORE = '#c92a2a';
const AFTER = '#1971c2';

/**
 * Loss exceedance curves, before and after the controls, on one chart: the probability that the
 * annual loss exceeds x, with x on a log scale (losses span orders of magnitude).
 */
export function ExceedanceChart({ before, after, currency, title = 'Loss exceedance' }: { before: Point[]; after: Point[]; currency: string; title?: string }) {
  const w = 560;
  const h = 240;
  const pad = { l: 44, r: 14, t: 10, b: 30 };
  const losses = [...before, ...after].map((p) => p.loss).filter((l) => l > 0);
  const lmin = Math.log10(Math.min(...losses, 1));
  const lmax = Math.log10(Math.max(...losses, 10));
  const span = lmax - lmin || 1;
  const x = (loss: number) => pad.l + ((Math.log10(Math.max(loss, 10 ** lmin)) - lmin) / span) * (w - pad.l - pad.r);
  const y = (p: number) => pad.t + (1 - p) * (h - pad.t - pad.b);
  const line = (pts: Point[]) => pts.filter((p) => p.loss > 0).map((p) => `${x(p.loss).toFixed(1)},${y(p.probability).toFixed(1)}`).join(' ');
  const decades: number[] = [];
  for (let d = Math.ceil(lmin); d <= Math.floor(lmax); d++) decades.push(10 ** d);
  const rows = [0.5, 0.2, 0.1, 0.05, 0.01].map((q) => ({ q, before: lossAt(before, q), after: lossAt(after, q) }));
  const summary = `${title}: ${rows.map((r) => `${pct(r.q)} chance a year's loss exceeds ${money(r.before, currency)} before and ${money(r.after, currency)} after the controls`).join('; ')}.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: w }} data-testid="exceedance-chart">
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={w - pad.r} y1={y(t)} y2={y(t)} stroke="#dee2e6" />
            <text x={pad.l - 6} y={y(t) + 4} fontSize="10" textAnchor="end" fill="#343a40">
              {pct(t)}
            </text>
          </g>
        ))}
        {decades.map((d) => (
          <text key={d} x={x(d)} y={h - 10} fontSize="10" textAnchor="middle" fill="#343a40">
            {money(d, currency, true)}
          </text>
        ))}
        <polyline points={line(before)} fill="none" stroke={BEFORE} strokeWidth={2} data-series="before" />
        <polyline points={line(after)} fill="none" stroke={AFTER} strokeWidth={2} strokeDasharray="6 3" data-series="after" />
      </svg>
      <Group gap="md">
        <Group gap={4}>
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 3, background: BEFORE }} />
          <Text size="xs">Before controls</Text>
        </Group>
        <Group gap={4}>
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 3, background: AFTER }} />
          <Text size="xs">After controls (dashed)</Text>
        </Group>
        <Text size="xs" c="dimmed">
          Money axis is logarithmic.
        </Text>
      </Group>
      <Table aria-label={`${title}: annual loss exceeded with a given probability`} fz="sm" mt="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Chance in a year</Table.Th>
            <Table.Th scope="col">Loss exceeded before</Table.Th>
            <Table.Th scope="col">Loss exceeded after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.q}>
              <Table.Td>{pct(r.q)}</Table.Td>
              <Table.Td>{money(r.before, currency)}</Table.Td>
              <Table.Td>{money(r.after, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}

/** The largest loss on the curve still exceeded with probability ≥ q (0 when none is). */
function lossAt(curve: Point[], q: number): number {
  let best = 0;
  for (const p of curve) if (p.probability >= q) best = Math.max(best, p.loss);
  return best;
}
