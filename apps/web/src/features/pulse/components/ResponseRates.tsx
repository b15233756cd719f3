import { Table } from '@mantine/core';
import type { TPulseResults } from '@tandem/contracts';
import { pct, segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/** Invited is known from the directory; responded is a count and obeys the minimum group like every other. */
export function ResponseRates({ results }: { results: TPulseResults }) {
  return (
    <ScrollRegion label="Response rate by segment" minWidth={400}>
      <Table aria-label="Response rate by segment" data-testid="pulse-rates">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Segment</Table.Th>
            <Table.Th scope="col">Invited</Table.Th>
            <Table.Th scope="col">Responded</Table.Th>
            <Table.Th scope="col">Rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.responseRates.map((r) => (
            <Table.Tr key={JSON.stringify(r.key)}>
              <Table.Td>{segmentLabel(r.key)}</Table.Td>
              <Table.Td>{r.invited}</Table.Td>
              <Table.Td>{'suppressed' in r ? '—' : r.responded}</Table.Td>
              <Table.Td>{'suppressed' in r ? 'hidden' : pct(r.rate)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
