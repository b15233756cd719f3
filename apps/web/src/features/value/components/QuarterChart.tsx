import { Box, Table, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TValueSummary } from '@tandem/contracts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Planned vs realised money by quarter: a bar chart, and the same figures as a table for screen readers and phones. */
export function QuarterChart({ summary }: { summary: TValueSummary }) {
  const total = `${fmt(summary.realised)} of ${fmt(summary.planned)} ${summary.currency} planned was realised in ${summary.year}.`;
  return (
    <Box>
      <Box h={260} aria-hidden="true">
        <ResponsiveContainer>
          <BarChart data={summary.byQuarter} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" />
            <YAxis tickFormatter={fmt} width={80} />
            <Tooltip formatter={(v) => fmt(Number(v))} />
            <Legend />
            <Bar dataKey="planned" name="Planned" fill="#adb5bd" isAnimationActive={false} />
            <Bar dataKey="realised" name="Realised" fill="#1c7ed6" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <VisuallyHidden>{total}</VisuallyHidden>
      <Table aria-label={`Planned and realised by quarter, ${summary.year}`} data-testid="quarter-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Quarter</Table.Th>
            <Table.Th scope="col">Planned</Table.Th>
            <Table.Th scope="col">Realised</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.byQuarter.map((q) => (
            <Table.Tr key={q.period}>
              <Table.Td>{q.period}</Table.Td>
              <Table.Td>{fmt(q.planned)}</Table.Td>
              <Table.Td>{fmt(q.realised)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
