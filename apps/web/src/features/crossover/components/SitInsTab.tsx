import { useState } from 'react';
import { Alert, Button, MultiSelect, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { usePeople } from '../../org';
import { useCreateSitIn, useDecline, useSitIn, useSitIns } from '../api/crossover';

/** Engineers (or business people) sitting in on leadership meetings: the fair rota and declining a turn. */
export function SitInsTab({ leader, myPersonId }: { leader: boolean; myPersonId: string | null }) {
  const rotas = useSitIns();
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? rotas.data?.items[0]?.id ?? null;
  const rota = useSitIn(current);
  const decline = useDecline();
  if (rotas.isError) return <ErrorAlert error={rotas.error} title="The rotas could not be loaded" />;
  return (
    <Stack>
      {leader ? <NewRota onCreated={setSelected} /> : null}
      <Text size="sm" c="dimmed">
        The rotation is fair: over any run of meetings, turns per person differ by at most one; whoever declines is offered the next free meeting first; nobody sits in twice in a row while others wait.
      </Text>
      {rotas.data && rotas.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          No sit-in rota yet.
        </Alert>
      ) : null}
      {rotas.data && rotas.data.items.length > 0 ? (
        <Select label="Meeting" data={rotas.data.items.map((r) => ({ value: r.id, label: r.meetingTitle }))} value={current} onChange={setSelected} allowDeselect={false} maw={420} />
      ) : null}
      {rota.data ? (
        <Table aria-label={`Sit-in rota: ${rota.data.meetingTitle}`} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Meeting</Table.Th>
              <Table.Th scope="col">Sits in</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rota.data.rota.map((t) => (
              <Table.Tr key={t.date}>
                <Table.Td>{t.date}</Table.Td>
                <Table.Td>
                  {t.name ?? 'Nobody (everyone declined)'}
                  {t.personId === myPersonId && myPersonId ? (
                    <Button size="xs" variant="default" ml="xs" onClick={() => decline.mutate({ id: rota.data.id, date: t.date })}>
                      Decline
                    </Button>
                  ) : null}
                </Table.Td>
                <Table.Td>{t.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function NewRota({ onCreated }: { onCreated: (id: string) => void }) {
  const people = usePeople(false);
  const create = useCreateSitIn();
  const [title, setTitle] = useState('');
  const [pool, setPool] = useState<string[]>([]);
  const [dates, setDates] = useState('');
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate({ meetingTitle: title, poolPersonIds: pool, dates: dates.split(/[\s,]+/).filter(Boolean) }, { onSuccess: (r) => onCreated(r.id) });
        }}
      >
        <Title order={3} size="h5" mb="xs">
          New sit-in rota
        </Title>
        <Stack gap="xs">
          <TextInput label="Leadership meeting" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <MultiSelect label="Pool" searchable data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.side === 'it' ? 'IT' : 'Business'})` }))} value={pool} onChange={setPool} />
          <Textarea label="Meeting dates" description="YYYY-MM-DD, separated by spaces or commas" value={dates} onChange={(e) => setDates(e.currentTarget.value)} />
        </Stack>
        <FormError error={create.error} fields={[]} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Propose the rota
        </Button>
      </form>
    </Paper>
  );
}
