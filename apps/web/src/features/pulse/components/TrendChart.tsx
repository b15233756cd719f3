import { Box, Group, Table, Text } from '@mantine/core';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TPulseTrend } from '@tandem/contracts';
import { WhenVisible } from '../../../components/WhenVisible';
import { pct } from '../labels';

const SERIES = [
  { key: '{}', id: 'everyone', label: 'Everyone', color: '#364fc7' },
  { key: '{"level":"leader"}', id: 'leaders', label: 'Leaders', color: '#c92a2a' },
  { key: '{"level":"employee"}', id: 'employees', label: 'Employees', color: '#2b8a3e' },
] as const;

type Pt = { p: number; lo: number; hi: number };

const short = (t: string) => (t.length > 24 ? `${t.slice(0, 23)}…` : t);

/**
 * One statement across pulses: % favourable with its Wilson band for everyone, leaders and
 * employees (recharts). A hidden point is a null, and the lines do not connect across nulls, so the
 * chart never draws through a pulse whose number is hidden (decision 130). The chart is decoration
 * for sighted readers; the table under it carries every number and is what screen readers read.
 */
export function TrendChart({ question }: { question: TPulseTrend['questions'][number] }) {
  const series = SERIES.map((s) => ({
    ...s,
    pts: question.points.map((p): Pt | null => {
      const seg = p.segments.find((x) => JSON.stringify(x.key) === s.key);
      return seg && !('suppressed' in seg) ? { p: seg.favourable, lo: seg.ci[0], hi: seg.ci[1] } : null;
    }),
  }));
  const data = question.points.map((p, i) => ({
    title: short(p.title),
    ...Object.fromEntries(series.flatMap((s) => [[s.id, s.pts[i]?.p ?? null], [`${s.id}Band`, s.pts[i] ? [s.pts[i]!.lo, s.pts[i]!.hi] : null]])),
  }));
  return (
    <div>
      {/* Below the fold on a pulse's page: drawn when scrolled near (decision 162); the table below carries the numbers. */}
      <WhenVisible height={240}>
        <Box h={240} maw={640} aria-hidden="true" data-testid="trend-chart">
          <ResponsiveContainer>
            <ComposedChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="title" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 1]} tickFormatter={(v: number) => pct(v)} tick={{ fontSize: 12 }} width={44} />
              <Tooltip formatter={(v) => (Array.isArray(v) ? `${pct(Number(v[0]))}–${pct(Number(v[1]))}` : pct(Number(v)))} />
              {series.map((s) => (
                <Area key={`${s.id}Band`} dataKey={`${s.id}Band`} name={`${s.label} 95% band`} stroke="none" fill={s.color} fillOpacity={0.12} connectNulls={false} isAnimationActive={false} />
              ))}
              {series.map((s) => (
                <Line key={s.id} dataKey={s.id} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 3.5, fill: s.color }} connectNulls={false} isAnimationActive={false} />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </Box>
      </WhenVisible>
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
