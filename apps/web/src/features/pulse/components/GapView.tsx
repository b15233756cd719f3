import { Badge, Table, Text } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';
import { pct, points, segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/** Leaders vs employees, IT vs Business and the four cells, for one statement, with Newcombe's interval. */
export function GapView({ results, questionId }: { results: TPulseResults; questionId: string }) {
  const gaps = results.gaps.filter((g) => g.questionId === questionId);
  if (gaps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No gap can be shown: each side of a comparison needs at least {results.minGroupSize} respondents.
      </Text>
    );
  }
  return (
    <ScrollRegion label={`Perception gaps: ${results.questions.find((q) => q.questionId === questionId)?.text ?? ""}`} minWidth={560}>
      <Table aria-label="Perception gaps" data-testid="pulse-gaps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Comparison</Table.Th>
            <Table.Th scope="col">Favourable</Table.Th>
            <Table.Th scope="col">Gap</Table.Th>
            <Table.Th scope="col">95% interval</Table.Th>
            <Table.Th scope="col">Significant</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaps.map((g) => (
            <Table.Tr key={`${JSON.stringify(g.a)}-${JSON.stringify(g.b)}`}>
              <Table.Td>
                {segmentLabel(g.a)} vs {segmentLabel(g.b)}
              </Table.Td>
              <Table.Td>
                {pct(g.favourableA)} vs {pct(g.favourableB)}
              </Table.Td>
              <Table.Td>{points(g.difference)}</Table.Td>
              <Table.Td>
                {points(g.ci[0])} to {points(g.ci[1])}
              </Table.Td>
              <Table.Td>{g.significant ? <Badge color="red" variant="light">Yes</Badge> : <Badge color="gray" variant="light">No</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
