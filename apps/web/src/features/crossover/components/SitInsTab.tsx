import { useState } from 'react';
import { Alert, Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { TSitIn } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { usePeople } from '../../org';
import { errorMessage } from '../../../lib/api';
import { useCreateSitIn, useDecline, useSitIn, useSitInNote, useSitIns } from '../api/crossover';

/** Engineers (or business people) sitting in on leadership meetings: the fair rota, declining a turn, and the note afterwards. */
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
        <Text size="sm">
          {rota.data.time ? `${rota.data.time} (${rota.data.timeZone}), ${rota.data.durationMinutes} minutes` : 'All-day entries'}
          {rota.data.location ? `, ${rota.data.location}` : ''}. Everyone on the rota gets a calendar invitation by mail.
        </Text>
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
                <Table.Td>
                  <TurnNote rota={rota.data} date={t.date} note={t.note} canWrite={!!t.personId && (t.personId === myPersonId || leader)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** "What I learned": the person who sat in (or a leader) writes it once the meeting has taken place. */
function TurnNote({ rota, date, note, canWrite }: { rota: TSitIn; date: string; note: string | null; canWrite: boolean }) {
  const save = useSitInNote();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(note ?? '');
  const held = date <= new Date().toISOString().slice(0, 10);
  if (!open) {
    return (
      <Group gap="xs">
        {note ? <Text size="sm">{note}</Text> : null}
        {canWrite && held ? (
          <Button size="xs" variant="subtle" onClick={() => setOpen(true)} aria-label={`${note ? 'Edit' : 'Write'} the note of ${date}`}>
            {note ? 'Edit note' : 'Write what I learned'}
          </Button>
        ) : null}
      </Group>
    );
  }
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate({ id: rota.id, date, note: text }, { onSuccess: () => setOpen(false) });
      }}
    >
      <Textarea label={`What I learned on ${date}`} value={text} onChange={(e) => setText(e.currentTarget.value)} maxLength={1000} required autosize minRows={2} />
      {save.error ? <Alert color="red" role="alert" mt={4}>{errorMessage(save.error)}</Alert> : null}
      <Group gap="xs" mt={4}>
        <Button size="xs" type="submit" loading={save.isPending}>
          Save note
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}

function NewRota({ onCreated }: { onCreated: (id: string) => void }) {
  const people = usePeople(false);
  const create = useCreateSitIn();
  const [title, setTitle] = useState('');
  const [pool, setPool] = useState<string[]>([]);
  const [dates, setDates] = useState('');
  const [time, setTime] = useState('');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [location, setLocation] = useState('');
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate(
            { meetingTitle: title, poolPersonIds: pool, dates: dates.split(/[\s,]+/).filter(Boolean), durationMinutes: 60, timeZone, ...(time ? { time } : {}), ...(location.trim() ? { location: location.trim() } : {}) },
            { onSuccess: (r) => onCreated(r.id) },
          );
        }}
      >
        <Title order={3} size="h5" mb="xs">
          New sit-in rota
        </Title>
        <Stack gap="xs">
          <TextInput label="Leadership meeting" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
          <MultiSelect label="Pool" searchable data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.side === 'it' ? 'IT' : 'Business'})` }))} value={pool} onChange={setPool} />
          <Textarea label="Meeting dates" description="YYYY-MM-DD, separated by spaces or commas" value={dates} onChange={(e) => setDates(e.currentTarget.value)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="time" label="Starts at" description="Empty: all-day invitations" value={time} onChange={(e) => setTime(e.currentTarget.value)} />
            <TextInput label="Time zone" description="IANA, e.g. Europe/London" value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} />
            <TextInput label="Location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
          </SimpleGrid>
        </Stack>
        <FormError error={create.error} fields={[]} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Propose the rota
        </Button>
      </form>
    </Paper>
  );
}
