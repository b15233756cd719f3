import { useMemo, useState } from 'react';
import { Badge, Button, Group, Pagination, Table, Text, UnstyledButton } from '@mantine/core';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import type { TPerson } from '@tandem/contracts';
import { LEVEL_LABEL, SIDE_LABEL } from '../people-labels';
import { WideTable } from '../../../components/WideTable';

const PAGE_SIZE = 50;
const col = createColumnHelper<TPerson>();

interface PeopleTableProps {
  people: TPerson[];
  canEdit: boolean;
  busyId: string | null;
  onEdit: (p: TPerson) => void;
  onSetActive: (p: TPerson, active: boolean) => void;
}

/** The directory as a sortable, paged table; filtering happens before, in the page. */
export function PeopleTable({ people, canEdit, busyId, onEdit, onSetActive }: PeopleTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const columns = useMemo(
    () => [
      col.accessor('name', { header: 'Name', cell: (c) => <Text fw={500} size="sm">{c.getValue()}</Text> }),
      col.accessor('email', { header: 'Email' }),
      col.accessor('department', { header: 'Department' }),
      col.accessor('side', { header: 'Side', cell: (c) => SIDE_LABEL[c.getValue()] }),
      col.accessor('level', { header: 'Level', cell: (c) => LEVEL_LABEL[c.getValue()] }),
      col.accessor('location', { header: 'Location' }),
      col.accessor('active', {
        header: 'Status',
        cell: (c) => (c.getValue() ? <Badge variant="light" color="teal" miw="max-content">Active</Badge> : <Badge variant="light" color="gray" miw="max-content">Inactive</Badge>),
      }),
      ...(canEdit
        ? [
            col.display({
              id: 'actions',
              header: () => <span>Actions</span>,
              cell: ({ row: { original: p } }) => (
                <Group gap={6} wrap="nowrap">
                  <Button size="compact-sm" variant="default" aria-label={`Edit ${p.name}`} onClick={() => onEdit(p)}>
                    Edit
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color={p.active ? 'red' : 'teal'}
                    loading={busyId === p.id}
                    aria-label={`${p.active ? 'Deactivate' : 'Reactivate'} ${p.name}`}
                    onClick={() => onSetActive(p, !p.active)}
                  >
                    {p.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                </Group>
              ),
            }),
          ]
        : []),
    ],
    [canEdit, busyId, onEdit, onSetActive],
  );

  const table = useReactTable({
    data: people,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize: PAGE_SIZE } },
    autoResetPageIndex: true,
  });

  return (
    <>
      <WideTable label="People" minWidth={760}>
        <Table striped highlightOnHover aria-label="People" verticalSpacing="xs">
          <Table.Thead>
            {table.getHeaderGroups().map((hg) => (
              <Table.Tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  const label = flexRender(h.column.columnDef.header, h.getContext());
                  return (
                    <Table.Th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                      {h.column.getCanSort() ? (
                        <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={700} fz="sm">
                          {label}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {table.getRowModel().rows.map((row) => (
              <Table.Tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {table.getPageCount() > 1 ? (
        <Pagination
          total={table.getPageCount()}
          value={table.getState().pagination.pageIndex + 1}
          onChange={(p) => table.setPageIndex(p - 1)}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      ) : null}
    </>
  );
}
