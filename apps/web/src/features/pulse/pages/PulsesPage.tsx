import { useState } from 'react';
import { Alert, Button, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TPulse } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { usePulses } from '../api/get-pulses';
import { NewPulseForm } from '../components/NewPulseForm';
import { ScrollRegion } from '../components/ScrollRegion';
import { StatusBadge } from '../components/StatusBadge';

export function PulsesPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const pulses = usePulses();
  const [creating, setCreating] = useState(false);
  return (
    <Page title="Alignment Pulse">
      <Text size="sm" c="dimmed" maw={720}>
        An anonymous survey of how aligned IT and Business feel, by side and level. No result is ever shown for fewer people than the minimum group, directly or by combining published numbers.
      </Text>
      {pulses.isPending ? (
        <FullPageLoader />
      ) : pulses.isError ? (
        <ErrorAlert error={pulses.error} title="Pulses could not be loaded" />
      ) : (
        <>
          <PulseTable pulses={pulses.data.pulses.filter((p) => !p.archived)} label="Pulses" />
          {pulses.data.pulses.some((p) => p.archived) ? (
            <section aria-labelledby="archived-title">
              <Title order={2} size="h4" id="archived-title" mb="xs">
                Archived
              </Title>
              <PulseTable pulses={pulses.data.pulses.filter((p) => p.archived)} label="Archived pulses" />
            </section>
          ) : null}
        </>
      )}
      {leader ? (
        creating ? (
          <NewPulseForm onCancel={() => setCreating(false)} />
        ) : (
          <div>
            <Button onClick={() => setCreating(true)}>New pulse</Button>
          </div>
        )
      ) : null}
    </Page>
  );
}

function PulseTable({ pulses, label }: { pulses: TPulse[]; label: string }) {
  if (pulses.length === 0) return <Alert color="gray" variant="light">No pulses yet.</Alert>;
  return (
    <ScrollRegion label={label} minWidth={560}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Pulse</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Invited</Table.Th>
            <Table.Th scope="col">Responded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pulses.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Link to="/pulses/$id" params={{ id: p.id }}>
                  {p.title}
                </Link>
              </Table.Td>
              <Table.Td>
                <StatusBadge pulse={p} />
              </Table.Td>
              <Table.Td>{p.invited}</Table.Td>
              <Table.Td>{p.status !== 'closed' ? 'at close' : (p.respondents ?? `fewer than ${p.minGroupSize}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
