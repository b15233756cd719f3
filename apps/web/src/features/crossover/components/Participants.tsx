import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TParticipant, TProgramme } from '@tandem/contracts';
import { errorMessage } from '../../../lib/api';
import { usePeople } from '../../org';
import { useAddParticipants, useOptIn, useParticipants, usePause } from '../api/crossover';

const SIDES = [
  { side: 'it', label: 'IT' },
  { side: 'business', label: 'Business' },
] as const;

const pauseText = (p: TParticipant) => (p.pausedUntil ? (p.pausedFrom ? `Paused ${p.pausedFrom} to ${p.pausedUntil}` : `Paused until ${p.pausedUntil}`) : null);

/**
 * Who takes part, by side: leaders add and remove people and pause anyone between two dates;
 * everyone sees who is paused. Paused people stay in and are left out of the rounds in the pause.
 */
export function Participants({ p, leader, today }: { p: TProgramme; leader: boolean; today: string }) {
  const participants = useParticipants(p.id);
  const opt = useOptIn();
  const pause = usePause();
  const items = participants.data?.items ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Participants
      </Title>
      {participants.isError ? <Alert color="red">{errorMessage(participants.error)}</Alert> : null}
      {opt.error ? <Alert color="red" role="alert">{errorMessage(opt.error)}</Alert> : null}
      {pause.error ? <Alert color="red" role="alert">{errorMessage(pause.error)}</Alert> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SIDES.map(({ side, label }) => {
          const mine = items.filter((x) => x.side === side);
          return (
            <Stack key={side} gap="xs">
              <Text fw={600}>
                {label} ({mine.length})
              </Text>
              {leader ? <AddPeople programme={p} side={side} label={label} present={new Set(items.map((x) => x.personId))} /> : null}
              <Table aria-label={`${label} participants of ${p.name}`} striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">Department</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    {leader ? <Table.Th scope="col">Actions</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {mine.map((x) => {
                    const paused = x.pausedUntil !== null && x.pausedUntil >= today;
                    return (
                      <Table.Tr key={x.personId}>
                        <Table.Td>{x.name}</Table.Td>
                        <Table.Td>{x.department}</Table.Td>
                        <Table.Td>{paused ? pauseText(x) : 'Taking part'}</Table.Td>
                        {leader ? (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {paused ? (
                                <Button size="xs" variant="default" onClick={() => pause.mutate({ id: p.id, personId: x.personId, from: null, until: null })} aria-label={`End the pause of ${x.name}`}>
                                  End pause
                                </Button>
                              ) : null}
                              <Button size="xs" variant="subtle" color="red" onClick={() => opt.mutate({ id: p.id, out: true, personId: x.personId })} aria-label={`Remove ${x.name}`}>
                                Remove
                              </Button>
                            </Group>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        })}
      </SimpleGrid>
      {leader && items.length > 0 ? <PauseForm programmeId={p.id} people={items} /> : null}
    </Paper>
  );
}

function AddPeople({ programme, side, label, present }: { programme: TProgramme; side: 'it' | 'business'; label: string; present: Set<string> }) {
  const people = usePeople(false);
  const add = useAddParticipants();
  const [chosen, setChosen] = useState<string[]>([]);
  const f = programme.filter;
  const candidates = (people.data?.people ?? []).filter(
    (x) => x.side === side && !present.has(x.id) && (!f.side || f.side === x.side) && (!f.department || f.department === x.department) && (!f.location || f.location === x.location),
  );
  return (
    <Group align="flex-end" gap="xs">
      <MultiSelect
        label={`Add ${label} people`}
        searchable
        data={candidates.map((x) => ({ value: x.id, label: `${x.name} (${x.department})` }))}
        value={chosen}
        onChange={setChosen}
        style={{ flex: 1 }}
        nothingFoundMessage="Nobody else on this side"
      />
      <Button variant="light" aria-label={`Add the chosen ${label} people`} disabled={!chosen.length} loading={add.isPending} onClick={() => add.mutate({ id: programme.id, personIds: chosen }, { onSuccess: () => setChosen([]) })}>
        Add
      </Button>
      {add.error ? <Alert color="red" role="alert" w="100%">{errorMessage(add.error)}</Alert> : null}
    </Group>
  );
}

/** A leader pauses someone between two dates (holidays, parental leave). */
function PauseForm({ programmeId, people }: { programmeId: string; people: TParticipant[] }) {
  const pause = usePause();
  const [personId, setPersonId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        if (personId) pause.mutate({ id: programmeId, personId, from: from || null, until }, { onSuccess: () => { setFrom(''); setUntil(''); } });
      }}
    >
      <Title order={4} size="h6" mt="md" mb="xs">
        Pause someone
      </Title>
      <Group align="flex-end" gap="xs">
        <Select label="Person" searchable data={people.map((x) => ({ value: x.personId, label: x.name }))} value={personId} onChange={setPersonId} required />
        <TextInput type="date" label="Paused from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="Paused until" value={until} onChange={(e) => setUntil(e.currentTarget.value)} required />
        <Button type="submit" variant="default" loading={pause.isPending}>
          Pause
        </Button>
      </Group>
    </form>
  );
}

/** The signed-in person's own pause: from a day (default today) until a day, or the end of it. */
export function MyPause({ programmeId, me, today }: { programmeId: string; me: TParticipant; today: string }) {
  const pause = usePause();
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const paused = me.pausedUntil !== null && me.pausedUntil >= today;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        Holiday pause
      </Title>
      {paused ? (
        <Group>
          <Text size="sm" data-testid="my-pause">
            {pauseText(me)}: no rounds for you then.
          </Text>
          <Button size="xs" variant="default" onClick={() => pause.mutate({ id: programmeId, from: null, until: null })}>
            End my pause
          </Button>
        </Group>
      ) : (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            pause.mutate({ id: programmeId, from: from || null, until });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput type="date" label="Away from" description="Empty: from today" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label="Back after" description="The last day of the pause" value={until} onChange={(e) => setUntil(e.currentTarget.value)} required />
            <Button type="submit" variant="default" loading={pause.isPending}>
              Pause me
            </Button>
          </Group>
        </form>
      )}
      {pause.error ? <Alert color="red" role="alert" mt="xs">{errorMessage(pause.error)}</Alert> : null}
    </Paper>
  );
}
