import { Table, Text, Tooltip } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';
import { pct, segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/** A light background from red (0% favourable) through amber to green (100%), with dark text on it. */
function heat(p: number): string {
  const hue = Math.round(p * 120);
  return `hsl(${hue} 70% 88%)`;
}

/** Questions by segments: % favourable in each cell, a dash where the group is too small to show. */
export function SegmentHeatmap({ results }: { results: TPulseResults }) {
  const segments = results.questions[0]?.segments ?? [];
  return (
    <ScrollRegion label="Favourable by question and segment" minWidth={Math.max(480, 160 + segments.length * 96)}>
      <Table aria-label="Favourable by question and segment" withTableBorder withColumnBorders data-testid="pulse-heatmap">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Statement</Table.Th>
            {segments.map((s) => (
              <Table.Th scope="col" key={JSON.stringify(s.key)} style={{ textAlign: 'center' }}>
                {segmentLabel(s.key)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.questions.map((q) => (
            <Table.Tr key={q.questionId}>
              <Table.Th scope="row" style={{ fontWeight: 500 }}>
                {q.text}
              </Table.Th>
              {q.segments.map((s) =>
                'suppressed' in s ? (
                  <Table.Td key={JSON.stringify(s.key)} style={{ textAlign: 'center' }} data-suppressed="true">
                    <Text span c="dimmed" aria-label={`${segmentLabel(s.key)}: hidden, fewer than ${results.minGroupSize} respondents or could reveal a smaller group`}>
                      —
                    </Text>
                  </Table.Td>
                ) : (
                  <Table.Td key={JSON.stringify(s.key)} style={{ textAlign: 'center', background: heat(s.favourable), color: '#1a1b1e' }} data-favourable={s.favourable}>
                    <Tooltip label={`n = ${s.n}; 95% interval ${pct(s.ci[0])}–${pct(s.ci[1])}; answers 1-5: ${s.distribution.join(' / ')}`}>
                      <span tabIndex={0}>
                        {pct(s.favourable)} <Text span size="xs">(n {s.n})</Text>
                      </span>
                    </Tooltip>
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
