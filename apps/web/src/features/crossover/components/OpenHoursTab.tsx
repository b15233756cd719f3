import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TOpenHour, TSlot } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { ApiError, errorMessage } from '../../../lib/api';
import { usePeople } from '../../org';
import { useBook, useCancelBooking, useCreateOpenHour, useOpenHourStats, useOpenHours, useSlots } from '../api/crossover';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** Leaders' open hours: their slots, booking one with a topic, and cancelling. */
export function OpenHoursTab({ leader }: { leader: boolean }) {
  const hours = useOpenHours();
  const [selected, setSelected] = useState<string | null>(null);
  if (hours.isPending) return <Text>Loading open hours…</Text>;
  if (hours.isError) return <ErrorAlert error={hours.error} title="The open hours could not be loaded" />;
  const items = hours.data.items;
  const current = items.find((h) => h.id === selected) ?? items[0] ?? null;
  return (
    <Stack>
      {leader ? <NewOpenHour /> : null}
      {items.length === 0 ? (
        <Alert color="gray" variant="light">
          No open hours published yet.
        </Alert>
      ) : (
        <Select label="Open hour" data={items.map((h) => ({ value: h.id, label: `${h.leaderName}: ${WEEKDAYS[h.weekday - 1]}s ${h.start}–${h.end}` }))} value={current?.id ?? null} onChange={setSelected} allowDeselect={false} maw={420} />
      )}
      {current ? <Slots key={current.id} h={current} /> : null}
      {current && leader ? <WhoCame key={`stats-${current.id}`} h={current} /> : null}
    </Stack>
  );
}

function NewOpenHour() {
  const people = usePeople(false);
  const create = useCreateOpenHour();
  const [leaderId, setLeaderId] = useState<string | null>(null);
  const [weekday, setWeekday] = useState('4');
  const [start, setStart] = useState('15:00');
  const [end, setEnd] = useState('16:00');
  const [slot, setSlot] = useState<number | string>(15);
  const [tz, setTz] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [location, setLocation] = useState('');
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!leaderId) return;
          create.mutate({ leaderId, weekday: Number(weekday), start, end, slotMinutes: Number(slot), timeZone: tz, ...(location ? { location } : {}) });
        }}
      >
        <Title order={3} size="h5" mb="xs">
          Publish an open hour
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select label="Leader" searchable required data={(people.data?.people ?? []).filter((p) => p.level === 'leader').map((p) => ({ value: p.id, label: p.name }))} value={leaderId} onChange={setLeaderId} />
          <Select label="Weekday" data={WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }))} value={weekday} onChange={(v) => setWeekday(v ?? '4')} allowDeselect={false} />
          <TextInput label="Start (HH:MM)" value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TextInput label="End (HH:MM)" value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
          <NumberInput label="Slot minutes" min={5} max={240} value={slot} onChange={setSlot} />
          <TextInput label="Time zone" value={tz} onChange={(e) => setTz(e.currentTarget.value)} />
          <TextInput label="Location or video link" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        </SimpleGrid>
        <FormError error={create.error} fields={[]} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Publish
        </Button>
      </form>
    </Paper>
  );
}

function Slots({ h }: { h: TOpenHour }) {
  const slots = useSlots(h.id);
  const book = useBook();
  const cancel = useCancelBooking();
  const [topic, setTopic] = useState('');
  const [taken, setTaken] = useState<string | null>(null);
  const onBook = (s: TSlot) => {
    setTaken(null);
    book.mutate(
      { id: h.id, slotStart: s.start, topic },
      {
        onSuccess: () => setTopic(''),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) setTaken(s.start);
        },
      },
    );
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {h.leaderName}, {WEEKDAYS[h.weekday - 1]}s {h.start}–{h.end} ({h.timeZone}), {h.slotMinutes}-minute slots{h.location ? `, ${h.location}` : ''}.
      </Text>
      <TextInput label="Your topic" description="What would you like to talk about? Needed to book." value={topic} onChange={(e) => setTopic(e.currentTarget.value)} maw={520} />
      {taken ? (
        <Alert color="red" role="alert" title="That slot was just taken">
          Someone booked the slot of {when(taken)} a moment before you. Your topic is kept: please pick another slot.
        </Alert>
      ) : book.error ? (
        <Alert color="red" role="alert">
          {errorMessage(book.error)}
        </Alert>
      ) : null}
      {slots.isError ? <ErrorAlert error={slots.error} title="The slots could not be loaded" /> : null}
      <Table aria-label="Slots" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Slot</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(slots.data?.items ?? []).map((s) => (
            <Table.Tr key={s.start}>
              <Table.Td>{when(s.start)}</Table.Td>
              <Table.Td>{s.booked ? <Badge color="gray" variant="light">{s.bookedBy ? `Booked: ${s.bookedBy.name} (${s.bookedBy.topic})` : 'Booked'}</Badge> : <Badge color="teal" variant="light">Free</Badge>}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {!s.booked ? (
                    <Button size="xs" disabled={!topic.trim()} loading={book.isPending && book.variables?.slotStart === s.start} onClick={() => onBook(s)} aria-label={`Book ${when(s.start)}`}>
                      Book
                    </Button>
                  ) : null}
                  {s.bookingId ? (
                    <Button size="xs" variant="default" onClick={() => cancel.mutate({ id: h.id, bookingId: s.bookingId! })} aria-label={`Cancel booking of ${when(s.start)}`}>
                      Cancel
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The leader's view over time: who booked this open hour, by side and by department. */
function WhoCame({ h }: { h: TOpenHour }) {
  const stats = useOpenHourStats(h.id);
  if (stats.isPending) return null;
  if (stats.isError) return <ErrorAlert error={stats.error} title="Who came could not be loaded" />;
  const s = stats.data;
  const share = (n: number) => (s.bookings === 0 ? '–' : `${Math.round((n / s.bookings) * 100)}%`);
  const side = (k: string) => (k === 'it' ? 'IT' : k === 'business' ? 'Business' : k);
  return (
    <Paper withBorder p="md" component="section" aria-label={`Who came to ${h.leaderName}'s open hour`}>
      <Title order={3} size="h5" mb="xs">
        Who came
      </Title>
      {s.bookings === 0 ? (
        <Text size="sm">Nobody has booked this open hour yet.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {[
            ['By side', Object.entries(s.bySide).map(([k, n]) => [side(k), n] as const)],
            ['By department', Object.entries(s.byDepartment).map(([k, n]) => [k || 'No department', n] as const)],
          ].map(([title, rows]) => (
            <Table key={title as string} aria-label={`${title as string}, ${s.bookings} bookings`} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{title === 'By side' ? 'Side' : 'Department'}</Table.Th>
                  <Table.Th scope="col">Bookings</Table.Th>
                  <Table.Th scope="col">Share</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(rows as (readonly [string, number])[]).map(([k, n]) => (
                  <Table.Tr key={k}>
                    <Table.Th scope="row" fw={500}>
                      {k}
                    </Table.Th>
                    <Table.Td>{n}</Table.Td>
                    <Table.Td>{share(n)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
