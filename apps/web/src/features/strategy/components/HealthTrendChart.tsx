import { useState } from 'react';
import { Box, Table, Text } from '@mantine/core';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { THealthHistory } from '@tandem/contracts';
import { ChartLegend } from '../../../components/ChartLegend';
import { SCORE_LABEL } from '../labels';

type Snapshot = THealthHistory['snapshots'][number];

const SERIES = [
  { key: 'overall', name: 'Overall', color: '#1c7ed6', width: 3 },
  { key: 'aggressive', name: SCORE_LABEL.aggressive, color: '#e8590c', width: 1.5 },
  { key: 'enablers', name: SCORE_LABEL.enablers, color: '#2f9e44', width: 1.5 },
  { key: 'specific', name: SCORE_LABEL.specific, color: '#7048e8', width: 1.5 },
  { key: 'includesIt', name: SCORE_LABEL.includesIt, color: '#868e96', width: 1.5 },
] as const;

const num = (n: number | null) => (n === null ? 'no data' : String(n));

/** One sentence for screen readers and anyone who skips the chart: first and last overall, and the lowest day. */
export function healthTrendSentence(snapshots: Snapshot[]): string {
  const known = snapshots.filter((s) => s.overall !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return `No overall score on any of the ${snapshots.length} days.`;
  const low = known.reduce((a, b) => (b.overall! < a.overall! ? b : a));
  const move = last.overall === first.overall ? `stayed at ${last.overall}` : `went from ${first.overall} on ${first.day} to ${last.overall} on ${last.day}`;
  return `Overall health ${move} (out of 100); its lowest was ${low.overall} on ${low.day}, over ${snapshots.length} daily snapshots.`;
}

/**
 * The roadmap's daily health snapshots as lines (recharts, like every chart in the app) and the
 * same figures in words and as a table: the chart is hidden from assistive technology.
 */
export function HealthTrendChart({ snapshots }: { snapshots: Snapshot[] }) {
  const data = snapshots.map((s) => ({ day: s.day, overall: s.overall, ...s.scores }));
  // A folded <details> hides its table from everyone, assistive technology included: its ~90 rows,
  // over a third of the page's elements, are built when it is opened (decision 164).
  const [open, setOpen] = useState(false);
  return (
    <Box component="section" aria-labelledby="health-trend-title">
      <Text id="health-trend-title" fw={600} size="sm">
        Health by day
      </Text>
      <Text size="sm" c="dimmed" data-testid="health-trend-summary">
        {healthTrendSentence(snapshots)}
      </Text>
      <Box h={196} aria-hidden="true" data-testid="health-trend-chart">
        <ResponsiveContainer>
          <LineChart data={data} accessibilityLayer={false} margin={{ left: -20, right: 8, top: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} minTickGap={16} />
            <YAxis domain={[0, 100]} />
            <Tooltip />
            {SERIES.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={s.width} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <ChartLegend items={SERIES.map((s) => ({ label: s.name, color: s.color }))} line />
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <Text span size="sm">
            Figures by day
          </Text>
        </summary>
        {open ? (
          <Table.ScrollContainer minWidth={480} type="native" tabIndex={0} role="region" aria-label="Roadmap health by day (scrolls sideways)">
            <Table aria-label="Roadmap health by day" data-testid="health-trend-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Day</Table.Th>
                  {SERIES.map((s) => (
                    <Table.Th key={s.key} scope="col">
                      {s.name}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...snapshots].reverse().map((s) => (
                  <Table.Tr key={s.day}>
                    <Table.Td>{s.day}</Table.Td>
                    <Table.Td>{num(s.overall)}</Table.Td>
                    <Table.Td>{num(s.scores.aggressive)}</Table.Td>
                    <Table.Td>{num(s.scores.enablers)}</Table.Td>
                    <Table.Td>{num(s.scores.specific)}</Table.Td>
                    <Table.Td>{num(s.scores.includesIt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </details>
    </Box>
  );
}
