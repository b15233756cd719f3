import { Box, Group, Table, Text } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { money, pct } from '../labels';

type Point = { loss: number; probability: number };
const BEFORE = '#c92a2a';
const AFTER = '#1971c2';

/**
 * Loss exceedance curves, before and after the controls, on one chart (recharts, decision 161):
 * the probability that the annual loss exceeds x, with x on a log scale (losses span orders of
 * magnitude), ticks at whole decades. The table under it carries the figures read off the curves.
 */
export function ExceedanceChart({ before, after, currency, title = 'Loss exceedance' }: { before: Point[]; after: Point[]; currency: string; title?: string }) {
  const losses = [...before, ...after].map((p) => p.loss).filter((l) => l > 0);
  // Whole decades around the losses drawn (an empty curve still gets an axis, 1 to 10).
  const lmin = losses.length ? Math.floor(Math.log10(Math.min(...losses))) : 0;
  const lmax = Math.max(lmin + 1, losses.length ? Math.ceil(Math.log10(Math.max(...losses))) : 1);
  const decades: number[] = [];
  for (let d = Math.ceil(lmin); d <= Math.floor(lmax); d++) decades.push(10 ** d);
  const positive = (pts: Point[]) => pts.filter((p) => p.loss > 0);
  const rows = [0.5, 0.2, 0.1, 0.05, 0.01].map((q) => ({ q, before: lossAt(before, q), after: lossAt(after, q) }));
  const summary = `${title}: ${rows.map((r) => `${pct(r.q)} chance a year's loss exceeds ${money(r.before, currency)} before and ${money(r.after, currency)} after the controls`).join('; ')}.`;
  return (
    <figure style={{ margin: 0 }}>
      <Box h={260} maw={640} role="img" aria-label={summary} data-testid="exceedance-chart">
        <ResponsiveContainer>
          <LineChart accessibilityLayer={false} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="loss" type="number" scale="log" domain={[10 ** lmin, 10 ** lmax]} ticks={decades} allowDataOverflow tickFormatter={(v: number) => money(v, currency, true)} tick={{ fontSize: 12 }} />
            <YAxis dataKey="probability" type="number" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => pct(v)} tick={{ fontSize: 12 }} width={44} />
            <Tooltip formatter={(v) => pct(Number(v), 1)} labelFormatter={(v) => `Loss over ${money(Number(v), currency)}`} />
            <Line data={positive(before)} dataKey="probability" name="Before controls" className="series-before" stroke={BEFORE} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Line data={positive(after)} dataKey="probability" name="After controls" className="series-after" stroke={AFTER} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </Box>
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
