import { useState } from 'react';
import { Alert, Badge, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TProgramme } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { errorMessage } from '../../../lib/api';
import { MyPause, Participants } from './Participants';
import { useCreateProgramme, useOptIn, useParticipants, useProgrammeStats, useProgrammes, useRecordMet, useRound, useRounds, useRunRound } from '../api/crossover';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)} %`);

/** Coffee pairs: programmes, opting in and out, running a round, its groups with reasons, and the history. */
export function CoffeeTab({ leader, myPersonId }: { leader: boolean; myPersonId: string | null }) {
  const programmes = useProgrammes();
  const [selected, setSelected] = useState<string | null>(null);
  if (programmes.isPending) return <Text>Loading programmes…</Text>;
  if (programmes.isError) return <ErrorAlert error={programmes.error} title="The programmes could not be loaded" />;
  const items = programmes.data.items;
  const current = items.find((p) => p.id === selected) ?? items[0] ?? null;
  return (
    <Stack>
      {leader ? <NewProgramme /> : null}
      {items.length === 0 ? (
        <Alert color="gray" variant="light">
          No coffee programme yet.
        </Alert>
      ) : (
        <Select label="Programme" data={items.map((p) => ({ value: p.id, label: p.name }))} value={current?.id ?? null} onChange={setSelected} allowDeselect={false} maw={420} />
      )}
      {current ? <Programme key={current.id} p={current} leader={leader} myPersonId={myPersonId} /> : null}
    </Stack>
  );
}

function NewProgramme() {
  const create = useCreateProgramme();
  const [name, setName] = useState('');
  const [groupSize, setGroupSize] = useState<string>('2');
  const [cadence, setCadence] = useState<string>('weekly');
  const [noRepeat, setNoRepeat] = useState<number | string>(6);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate({ name, cadence: cadence as 'weekly', groupSize: Number(groupSize), noRepeatRounds: Number(noRepeat), preferCrossSide: true, preferCrossDepartment: true, preferSameLocation: false, inPerson: false, timeZone: 'UTC' }, { onSuccess: () => setName('') });
        }}
      >
        <Title order={3} size="h5" mb="xs">
          New programme
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Select label="Cadence" data={['weekly', 'fortnightly', 'monthly']} value={cadence} onChange={(v) => setCadence(v ?? 'weekly')} allowDeselect={false} />
          <Select label="Group size" data={[{ value: '2', label: 'Pairs (a trio when odd)' }, { value: '3', label: 'Trios' }]} value={groupSize} onChange={(v) => setGroupSize(v ?? '2')} allowDeselect={false} />
          <NumberInput label="No repeat within (rounds)" min={0} max={104} value={noRepeat} onChange={setNoRepeat} />
        </SimpleGrid>
        <FormError error={create.error} fields={[]} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Create programme
        </Button>
      </form>
    </Paper>
  );
}

function Programme({ p, leader, myPersonId }: { p: TProgramme; leader: boolean; myPersonId: string | null }) {
  const participants = useParticipants(p.id);
  const rounds = useRounds(p.id);
  const stats = useProgrammeStats(p.id);
  const opt = useOptIn();
  const run = useRunRound();
  const [roundId, setRoundId] = useState<string | null>(null);
  const mine = participants.data?.items.find((x) => x.personId === myPersonId) ?? null;
  const optedIn = mine !== null;
  const today = new Date().toISOString().slice(0, 10);
  const shownRound = roundId ?? rounds.data?.items[0]?.id ?? null;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {p.cadence[0]!.toUpperCase() + p.cadence.slice(1)}, {p.groupSize === 3 ? 'trios' : 'pairs (a trio when the count is odd)'}; never the same pair within {p.noRepeatRounds} rounds, then IT × Business, then different departments.
      </Text>
      <Group>
        {myPersonId ? (
          <Button variant={optedIn ? 'default' : 'filled'} loading={opt.isPending} onClick={() => opt.mutate({ id: p.id, out: optedIn })}>
            {optedIn ? 'Opt out' : 'Opt in'}
          </Button>
        ) : (
          <Text size="sm">Your account is not linked to a person, so you cannot opt in.</Text>
        )}
        {leader ? (
          <Button variant="light" loading={run.isPending} onClick={() => run.mutate(p.id, { onSuccess: (r) => setRoundId(r.id) })}>
            Run a round
          </Button>
        ) : null}
        <Badge variant="light">{participants.data?.items.length ?? p.participants} opted in</Badge>
      </Group>
      {run.error ? <Alert color="red" role="alert">{errorMessage(run.error)}</Alert> : null}
      {opt.error ? <Alert color="red" role="alert">{errorMessage(opt.error)}</Alert> : null}
      {mine ? <MyPause programmeId={p.id} me={mine} today={today} /> : null}
      <Participants p={p} leader={leader} today={today} />
      {stats.data ? (
        <Paper withBorder p="md">
          <Title order={3} size="h5">
            History
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            <Text>
              Rounds: <b>{stats.data.rounds}</b>
            </Text>
            <Text>
              Repeat pairs: <b data-testid="repeat-pairs">{stats.data.repeatPairs}</b>
            </Text>
            <Text>
              Cross-side share: <b>{pct(stats.data.crossSideShare)}</b>
            </Text>
            <Text>
              Meeting rate: <b>{pct(stats.data.meetingRate)}</b>
            </Text>
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {stats.data.method}
          </Text>
          {Object.keys(stats.data.bySide).length ? (
            <Text size="sm" mt="xs">
              Meeting rate by side: {Object.entries(stats.data.bySide).map(([k, v]) => `${k === 'it' ? 'IT' : 'Business'} ${pct(v.rate)}`).join(', ')}
            </Text>
          ) : null}
        </Paper>
      ) : null}
      {rounds.data && rounds.data.items.length > 0 ? (
        <Select label="Round" data={rounds.data.items.map((r) => ({ value: r.id, label: `Round ${r.number} (${r.proposedStart.slice(0, 10)})` }))} value={shownRound} onChange={setRoundId} allowDeselect={false} maw={320} />
      ) : null}
      {shownRound ? <RoundGroups programmeId={p.id} roundId={shownRound} myPersonId={myPersonId} /> : null}
    </Stack>
  );
}

function RoundGroups({ programmeId, roundId, myPersonId }: { programmeId: string; roundId: string; myPersonId: string | null }) {
  const round = useRound(programmeId, roundId);
  const met = useRecordMet();
  if (!round.data) return null;
  return (
    <Table aria-label={`Groups of round ${round.data.number}`} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">Why</Table.Th>
          <Table.Th scope="col">Met?</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {round.data.groups.map((g) => {
          const mine = myPersonId !== null && g.personIds.includes(myPersonId);
          const answered = g.answers.filter((a) => a.met !== null);
          return (
            <Table.Tr key={g.index}>
              <Table.Td>
                {g.names.join(' × ')}
                <br />
                <a href={`/api/v1/crossover/programmes/${programmeId}/rounds/${roundId}/groups/${g.index}.ics`}>Calendar invitation (.ics)</a>
              </Table.Td>
              <Table.Td>
                <List size="sm">
                  {g.reasons.map((r) => (
                    <List.Item key={r}>{r}</List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>
                {answered.length ? <Text size="sm">{answered.some((a) => a.met) ? 'Met' : 'Did not meet'}</Text> : <Text size="sm" c="dimmed">No answer yet</Text>}
                {mine ? (
                  <Group gap="xs" mt={4}>
                    <Button size="xs" variant="light" onClick={() => met.mutate({ id: programmeId, roundId, index: g.index, personId: myPersonId, met: true })}>
                      We met
                    </Button>
                    <Button size="xs" variant="default" onClick={() => met.mutate({ id: programmeId, roundId, index: g.index, personId: myPersonId, met: false })}>
                      We did not
                    </Button>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

