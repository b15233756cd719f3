import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { TDisagreementStatus, TResults } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { useDecideDisagreement, useDisagreement } from '../api/disagreements';
import { usePeopleLookup } from '../api/lookups';
import { fmt } from './words';

/** Dark shades: readable on the striped rows (WCAG AA contrast). */
const STATUS_COLOR: Record<TDisagreementStatus, string> = { open: 'red.9', discussing: 'blue.9', decided: 'teal.9' };

/** The disagreements as a worklist: largest rank difference first, each with status, owner, due date and decision. */
export function DisagreementQueue({ roundId, results, leader }: { roundId: string; results: TResults; leader: boolean }) {
  const [active, setActive] = useState<string | null>(null);
  const people = usePeopleLookup(true);
  const name = (id: string | null) => (id ? (people.data?.people.find((p) => p.id === id)?.name ?? '…') : '—');
  if (results.disagreements.length === 0) return <Alert color="gray">No disagreements: both sides rank every item alike.</Alert>;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        The items whose Business and IT ranks differ most (rank difference = Business rank − IT rank; negative means Business ranks it higher). Each needs an owner and a decision with a reason.
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder striped aria-label="Disagreement queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Item</Table.Th>
              <Table.Th scope="col">Rank difference</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Decision</Table.Th>
              {leader ? <Table.Th scope="col">Action</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.disagreements.map((d) => (
              <Table.Tr key={d.itemId} data-testid="queue-row">
                <Table.Th scope="row" fw={500}>
                  {d.title}
                </Table.Th>
                <Table.Td>{fmt(d.rankDifference, 1)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={700} c={STATUS_COLOR[d.status]}>
                    {d.status}
                  </Text>
                </Table.Td>
                <Table.Td>{name(d.ownerId)}</Table.Td>
                <Table.Td>{d.dueDate ?? '—'}</Table.Td>
                <Table.Td>{d.decision ? `${d.decision.rank ? `rank ${d.decision.rank}: ` : d.decision.score !== null ? `score ${fmt(d.decision.score)}: ` : ''}${d.decision.reason}` : '—'}</Table.Td>
                {leader ? (
                  <Table.Td>
                    <Button size="xs" variant="light" onClick={() => setActive(d.itemId)} aria-label={`Work on ${d.title}`}>
                      Work on it
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {active ? <DecideForm key={active} roundId={roundId} itemId={active} people={people.data?.people ?? []} n={results.items.length} onDone={() => setActive(null)} /> : null}
    </Stack>
  );
}

function DecideForm({ roundId, itemId, people, n, onDone }: { roundId: string; itemId: string; people: { id: string; name: string }[]; n: number; onDone: () => void }) {
  const d = useDisagreement(roundId, itemId);
  const decide = useDecideDisagreement(roundId);
  const [status, setStatus] = useState<TDisagreementStatus | null>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [due, setDue] = useState<string | null>(null);
  const [rank, setRank] = useState<number | string>('');
  const [score, setScore] = useState<number | string>('');
  const [reason, setReason] = useState('');
  if (d.isPending) return <Text>Loading…</Text>;
  if (d.isError) return <ErrorAlert error={d.error} />;
  const cur = d.data;
  const st = status ?? cur.status;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    decide.mutate(
      {
        itemId,
        body: {
          status: st,
          ownerId: (ownerId ?? cur.ownerId) || null,
          dueDate: (due ?? cur.dueDate) || null,
          ...(st === 'decided'
            ? { decision: { reason: reason || cur.decision?.reason || '', ...(rank === '' ? {} : { rank: Number(rank) }), ...(score === '' ? {} : { score: Number(score) }) } }
            : {}),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={`Decide ${cur.title}`}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {cur.title}: combined rank {cur.combinedRank}
        </Title>
        <Group grow align="flex-start">
          <NativeSelect label="Status" value={st} onChange={(e) => setStatus(e.currentTarget.value as TDisagreementStatus)} data={['open', 'discussing', 'decided']} />
          <NativeSelect label="Owner" value={ownerId ?? cur.ownerId ?? ''} onChange={(e) => setOwnerId(e.currentTarget.value)} data={[{ value: '', label: 'Nobody yet' }, ...people.map((p) => ({ value: p.id, label: p.name }))]} />
          <TextInput label="Due date" type="date" value={due ?? cur.dueDate ?? ''} onChange={(e) => setDue(e.currentTarget.value)} />
        </Group>
        {st === 'decided' ? (
          <>
            <NumberInput label={`Final rank (1 to ${n}; leave empty to keep its place)`} min={1} max={n} value={rank} onChange={setRank} allowDecimal={false} />
            <NumberInput
              label="…or a chosen score"
              description="Replaces its combined score, so it takes its place among the others by this score (a final rank wins over it)"
              value={score}
              onChange={setScore}
              decimalScale={3}
            />
            <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
          </>
        ) : null}
        {decide.isError ? <Alert color="red">{errorMessage(decide.error)}</Alert> : null}
        <Group>
          <Button type="submit" loading={decide.isPending}>
            Save
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
        {cur.history.length ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              History
            </Text>
            {cur.history.map((h, k) => (
              <Text size="xs" key={k}>
                {h.at.slice(0, 16).replace('T', ' ')} · {h.actorName ?? 'someone'}: {Object.entries(h.changes).map(([f, c]) => `${f} ${JSON.stringify((c as { from: unknown }).from)} → ${JSON.stringify((c as { to: unknown }).to)}`).join(', ')}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
