import { Box, Table, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TBusinessResults } from '@tandem/contracts';
import { money } from '../labels';

/**
 * What moves NPV most: each line swung from its low to its high value, the rest at most likely
 * (recharts range bars, decision 161): red where the swing lowers NPV below the most likely value,
 * green where it raises it. The table under it carries every number.
 */
export function TornadoChart({ results, currency, limit = 8 }: { results: TBusinessResults; currency: string; limit?: number }) {
  const bars = results.tornado.slice(0, limit);
  if (bars.length === 0) return <Text size="sm">Every line is certain: nothing to swing.</Text>;
  const base = results.npv.deterministic;
  const data = bars.map((b) => {
    const a = Math.min(b.low, b.high);
    const z = Math.max(b.low, b.high);
    return { label: b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label, down: [Math.min(a, base), base], up: [base, Math.max(z, base)] };
  });
  const summary = `Tornado: ${bars.map((b) => `${b.label} moves NPV from ${money(Math.min(b.low, b.high), currency)} to ${money(Math.max(b.low, b.high), currency)}`).join('; ')}.`;
  return (
    <figure style={{ margin: 0 }}>
      <Box h={bars.length * 30 + 56} maw={640} role="img" aria-label={summary} data-testid="tornado-chart">
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} barGap={-18} barSize={18} margin={{ top: 22, right: 16, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => money(v, currency, true)} tick={{ fontSize: 12 }} tickCount={4} />
            <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(v) => (Array.isArray(v) ? `${money(Number(v[0]), currency)} to ${money(Number(v[1]), currency)}` : String(v))} />
            <Bar dataKey="down" name="Lowers NPV" fill="#e03131" fillOpacity={0.85} isAnimationActive={false} />
            <Bar dataKey="up" name="Raises NPV" fill="#2f9e44" fillOpacity={0.85} isAnimationActive={false} />
            <ReferenceLine x={base} stroke="#1a1b1e" label={{ value: `most likely NPV ${money(base, currency, true)}`, position: 'top', fontSize: 12, fill: '#343a40' }} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Table aria-label="Tornado: NPV at each line's low and high value" fz="sm" mt="xs" data-testid="tornado-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">NPV at its low value</Table.Th>
            <Table.Th scope="col">NPV at its high value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((b) => (
            <Table.Tr key={`${b.type}-${b.label}`}>
              <Table.Td>{b.label}</Table.Td>
              <Table.Td>{money(b.low, currency)}</Table.Td>
              <Table.Td>{money(b.high, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  );
}
