import { Table } from '@mantine/core';
import type { TCaseVersion } from '@tandem/contracts';
import { money, pct } from '../labels';

/** Versions side by side with the numbers each had when saved, and the change from the one before. */
export function VersionsTable({ versions, currency }: { versions: TCaseVersion[]; currency: string }) {
  const headline = (v: TCaseVersion) => (v.results.kind === 'business' ? v.results.npv.p50 : v.results.aleAfter);
  const isBusiness = versions[0]?.results.kind === 'business';
  return (
    <Table aria-label="Versions compared" fz="sm" data-testid="versions-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Version</Table.Th>
          <Table.Th scope="col">Saved</Table.Th>
          <Table.Th scope="col">Why</Table.Th>
          <Table.Th scope="col">{isBusiness ? 'Median NPV (P50)' : 'ALE after controls'}</Table.Th>
          <Table.Th scope="col">{isBusiness ? 'Chance NPV > 0' : 'ROSI'}</Table.Th>
          <Table.Th scope="col">Change from the previous version</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.map((v, i) => {
          const prev = versions[i + 1];
          const delta = prev ? headline(v) - headline(prev) : null;
          return (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.createdAt.slice(0, 10)}</Table.Td>
              <Table.Td>{v.note || '—'}</Table.Td>
              <Table.Td>{money(headline(v), currency)}</Table.Td>
              <Table.Td>{v.results.kind === 'business' ? pct(v.results.probabilityPositive) : pct(v.results.rosi)}</Table.Td>
              <Table.Td>{delta === null ? '—' : `${delta >= 0 ? '+' : ''}${money(delta, currency)}`}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
