import { Table, Text } from '@mantine/core';
import type { TPerson } from '@tandem/contracts';
import type { Roadmap } from '../api/use-roadmap';
import { WideTable } from '../../../components/WideTable';

/** Who champions what, on each side: the seed's "find the passion". */
export function ChampionsTable({ roadmap }: { roadmap: Roadmap }) {
  const rows = new Map<string, { person: TPerson; business: string[]; it: string[] }>();
  for (const i of roadmap.initiatives) {
    if (i.status === 'cancelled') continue;
    for (const [id, side] of [
      [i.businessChampionId, 'business'],
      [i.itChampionId, 'it'],
    ] as const) {
      const p = id ? roadmap.personById.get(id) : undefined;
      if (!p) continue;
      const r = rows.get(p.id) ?? { person: p, business: [], it: [] };
      r[side].push(i.title);
      rows.set(p.id, r);
    }
  }
  const list = [...rows.values()].sort((a, b) => b.business.length + b.it.length - (a.business.length + a.it.length) || a.person.name.localeCompare(b.person.name));
  if (list.length === 0) return <Text size="sm">No champions named yet.</Text>;
  return (
    <WideTable label="Champions" minWidth={560}>
      <Table striped aria-label="Champions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Champion</Table.Th>
            <Table.Th>Side and department</Table.Th>
            <Table.Th>Business champion of</Table.Th>
            <Table.Th>IT champion of</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((r) => (
            <Table.Tr key={r.person.id}>
              <Table.Td>{r.person.name}</Table.Td>
              <Table.Td>
                {r.person.side === 'it' ? 'IT' : 'Business'}, {r.person.department}
              </Table.Td>
              <Table.Td>{r.business.join('; ')}</Table.Td>
              <Table.Td>{r.it.join('; ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </WideTable>
  );
}
