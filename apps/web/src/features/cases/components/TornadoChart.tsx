import { Table, Text } from '@mantine/core';
import type { TBusinessResults } from '@tandem/contracts';
import { money } from '../labels';

/** What moves NPV most: each line swung from its low to its high value, the rest at most likely. */
export function TornadoChart({ results, currency, limit = 8 }: { results: TBusinessResults; currency: string; limit?: number }) {
  const bars = results.tornado.slice(0, limit);
  if (bars.length === 0) return <Text size="sm">Every line is certain: nothing to swing.</Text>;
  const w = 560;
  const rowH = 24;
  const labelW = 170;
  const h = bars.length * rowH + 24;
  const base = results.npv.deterministic;
  const lo = Math.min(base, ...bars.map((b) => Math.min(b.low, b.high)));
  const hi = Math.max(base, ...bars.map((b) => Math.max(b.low, b.high)));
  const span = hi - lo || 1;
  const x = (v: number) => labelW + ((v - lo) / span) * (w - labelW - 12);
  const summary = `Tornado: ${bars.map((b) => `${b.label} moves NPV from ${money(Math.min(b.low, b.high), currency)} to ${money(Math.max(b.low, b.high), currency)}`).join('; ')}.`;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={summary} style={{ maxWidth: w }}>
        {bars.map((b, i) => {
          const y0 = i * rowH + 4;
          const a = Math.min(b.low, b.high);
          const z = Math.max(b.low, b.high);
          return (
            <g key={`${b.type}-${b.label}`}>
              <text x={labelW - 6} y={y0 + 14} fontSize="11" textAnchor="end" fill="#1a1b1e">
                {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
              </text>
              <rect x={x(a)} y={y0} width={Math.max(1, x(base) - x(a))} height={rowH - 8} fill="#e03131" opacity={0.8} />
              <rect x={x(base)} y={y0} width={Math.max(1, x(z) - x(base))} height={rowH - 8} fill="#2f9e44" opacity={0.8} />
            </g>
          );
        })}
        <line x1={x(base)} x2={x(base)} y1={0} y2={h - 20} stroke="#1a1b1e" />
        <text x={x(base)} y={h - 6} fontSize="10" textAnchor="middle" fill="#343a40">
          most likely NPV {money(base, currency, true)}
        </text>
      </svg>
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
