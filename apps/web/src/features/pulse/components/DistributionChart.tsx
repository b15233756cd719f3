import { useState } from 'react';
import { Box, Select, Table, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TPulseResults } from '@tandem/contracts';
import { ChartLegend } from '../../../components/ChartLegend';
import { pct, points, segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/** The five answers, strongly disagree … strongly agree, on a red-to-green scale. */
export const ANSWERS = [
  { value: 1, label: 'Strongly disagree', color: '#c92a2a' },
  { value: 2, label: 'Disagree', color: '#ff8787' },
  { value: 3, label: 'Neutral', color: '#adb5bd' },
  { value: 4, label: 'Agree', color: '#69db7c' },
  { value: 5, label: 'Strongly agree', color: '#2b8a3e' },
] as const;

/**
 * Per statement, the full answer distribution of each visible group as a stacked bar (shares of
 * 100%), and the change since the previous pulse. Hidden groups are listed as hidden and drawn as
 * nothing; a change appears only where both pulses show the group (decision 136). The table below
 * the chart carries every number, for screen readers and narrow screens.
 */
export function DistributionChart({ results }: { results: TPulseResults }) {
  const [questionId, setQuestionId] = useState<string | null>(results.questions[0]?.questionId ?? null);
  const q = results.questions.find((x) => x.questionId === questionId) ?? results.questions[0];
  if (!q) return null;
  const visible = q.segments.flatMap((s) => ('suppressed' in s ? [] : [s]));
  const data = visible.map((s) => ({ label: segmentLabel(s.key), ...Object.fromEntries(s.distribution.map((c, i) => [`a${i + 1}`, s.n ? c / s.n : 0])) }));
  const prev = results.previous;
  return (
    <Box>
      <Select
        label="Statement"
        data={results.questions.map((x) => ({ value: x.questionId, label: x.text }))}
        value={q.questionId}
        onChange={setQuestionId}
        allowDeselect={false}
        maw={560}
        mb="xs"
      />
      {visible.length > 0 ? (
        <>
          <Box h={Math.max(116, 32 + visible.length * 34)} aria-hidden="true" data-testid="distribution-chart">
            <ResponsiveContainer>
              <BarChart data={data} layout="vertical" stackOffset="expand" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tickFormatter={(v: number) => pct(v)} domain={[0, 1]} tick={{ fontSize: 12 }} />
                <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12 }} />
                <Tooltip formatter={(v) => pct(Number(v))} />
                {ANSWERS.map((a) => (
                  <Bar key={a.value} dataKey={`a${a.value}`} name={a.label} stackId="answers" fill={a.color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <ChartLegend items={ANSWERS} />
        </>
      ) : null}
      <ScrollRegion label={`Answers to ${q.text}`} minWidth={720}>
        <Table aria-label={`Answers to ${q.text}`} fz="xs" data-testid="distribution-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Group</Table.Th>
              {ANSWERS.map((a) => (
                <Table.Th scope="col" key={a.value}>
                  {a.label}
                </Table.Th>
              ))}
              <Table.Th scope="col">Favourable</Table.Th>
              {prev ? <Table.Th scope="col">Since {prev.title}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.segments.map((s) => (
              <Table.Tr key={JSON.stringify(s.key)}>
                <Table.Th scope="row" style={{ fontWeight: 500 }}>
                  {segmentLabel(s.key)}
                </Table.Th>
                {'suppressed' in s ? (
                  <Table.Td colSpan={6 + (prev ? 1 : 0)}>
                    <Text span size="xs" c="dimmed">
                      hidden: fewer than {results.minGroupSize} people, or it could reveal a smaller group
                    </Text>
                  </Table.Td>
                ) : (
                  <>
                    {s.distribution.map((c, i) => (
                      <Table.Td key={i}>
                        {pct(s.n ? c / s.n : 0)} ({c})
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {pct(s.favourable)} of {s.n}
                    </Table.Td>
                    {prev ? <Table.Td data-testid="change">{s.change ? points(s.change.favourable) : 'not comparable'}</Table.Td> : null}
                  </>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Text size="xs" c="dimmed" mt={4}>
        {prev
          ? `The change compares favourable shares with “${prev.title}” for the same group; “not comparable” means the group was hidden there (a change is never worked out from a hidden number).`
          : 'There is no earlier closed pulse in the trend to compare with.'}
      </Text>
    </Box>
  );
}
