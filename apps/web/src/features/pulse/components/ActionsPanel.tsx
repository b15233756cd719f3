import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TPulseAction, TPulseResults } from '@tandem/contracts';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { usePeople } from '../../org';
import { useRoadmapQuery } from '../../strategy';
import { useCreatePulseAction, usePulseActions, useUpdatePulseAction } from '../api/actions';
import { segmentLabel } from '../labels';
import { ScrollRegion } from './ScrollRegion';

/**
 * From results to action (decision 134): the actions taken on this pulse, the ones taken on the
 * previous pulse ("what we did since last time"), and a form to add one from a statement and,
 * optionally, one of its visible segments.
 */
export function ActionsPanel({ results }: { results: TPulseResults }) {
  const mine = usePulseActions(results.pulseId);
  const before = usePulseActions(results.previous?.pulseId);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="actions-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="actions-title">
          Actions from these results
        </Title>
        {results.previous ? (
          <div>
            <Title order={3} size="h5" mb={4}>
              What we did since last time ({results.previous.title})
            </Title>
            {before.data && before.data.length > 0 ? (
              <ActionTable actions={before.data} label={`Actions from ${results.previous.title}`} />
            ) : (
              <Text size="sm" c="dimmed">
                No action was recorded on {results.previous.title}.
              </Text>
            )}
          </div>
        ) : null}
        {mine.isError ? <Alert color="red">{errorMessage(mine.error)}</Alert> : null}
        {mine.data && mine.data.length > 0 ? (
          <ActionTable actions={mine.data} label="Actions from this pulse" />
        ) : (
          <Text size="sm" c="dimmed">
            No action yet. Pick a statement (and, if you like, one group) and say who does what by when.
          </Text>
        )}
        {adding ? (
          <NewActionForm results={results} onDone={() => setAdding(false)} />
        ) : (
          <div>
            <Button variant="default" onClick={() => setAdding(true)}>
              Add an action
            </Button>
          </div>
        )}
      </Stack>
    </section>
  );
}

function ActionTable({ actions, label }: { actions: TPulseAction[]; label: string }) {
  const update = useUpdatePulseAction();
  return (
    <ScrollRegion label={label} minWidth={640}>
      <Table aria-label={label} data-testid="pulse-actions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Serves</Table.Th>
            <Table.Th scope="col">Done</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.title}</Table.Td>
              <Table.Td>
                <Text size="xs">{a.questionText ? `${a.questionText} · ${segmentLabel(a.segment)}` : 'The pulse as a whole'}</Text>
              </Table.Td>
              <Table.Td>{a.ownerName ?? '—'}</Table.Td>
              <Table.Td>{a.dueDate}</Table.Td>
              <Table.Td>
                {a.goalId ? <Text size="xs">Goal: {a.goalTitle ?? '(deleted)'}</Text> : null}
                {a.initiativeId ? <Text size="xs">Initiative: {a.initiativeTitle ?? '(deleted)'}</Text> : null}
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Checkbox
                    aria-label={`${a.title}: done`}
                    checked={a.status === 'done'}
                    disabled={update.isPending}
                    onChange={(e) => update.mutate({ id: a.id, body: { status: e.currentTarget.checked ? 'done' : 'open' } })}
                  />
                  {a.status === 'done' ? (
                    <Badge color="teal" variant="light">
                      done
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function NewActionForm({ results, onDone }: { results: TPulseResults; onDone: () => void }) {
  const create = useCreatePulseAction();
  const people = usePeople(false);
  const roadmap = useRoadmapQuery();
  const [title, setTitle] = useState('');
  const [questionId, setQuestionId] = useState<string | null>(results.questions[0]?.questionId ?? null);
  const [segment, setSegment] = useState<string | null>('{}');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const question = results.questions.find((q) => q.questionId === questionId);
  // Only the groups the results show: an action names a group a leader could see, never a hidden one.
  const segments = (question?.segments ?? []).filter((s) => !('suppressed' in s)).map((s) => ({ value: JSON.stringify(s.key), label: segmentLabel(s.key) }));
  const errors = fieldErrors(create.error);
  const links = [
    ...(roadmap.data?.goals ?? []).map((g) => ({ value: `goal:${g.id}`, label: `Goal: ${g.title}` })),
    ...(roadmap.data?.initiatives ?? []).map((i) => ({ value: `initiative:${i.id}`, label: `Initiative: ${i.title}` })),
  ];
  return (
    <Paper withBorder p="md" maw={720}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const [kind, id] = link ? link.split(':') : [null, null];
          create.mutate(
            {
              pulseId: results.pulseId,
              body: {
                title,
                ownerId: ownerId ?? '',
                dueDate,
                ...(questionId ? { questionId, segment: JSON.parse(segment ?? '{}') as object } : {}),
                ...(kind === 'goal' && id ? { goalId: id } : {}),
                ...(kind === 'initiative' && id ? { initiativeId: id } : {}),
              },
            },
            { onSuccess: onDone },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={3} size="h5">
            New action
          </Title>
          <TextInput label="What will be done" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <Select
            label="From the statement"
            data={results.questions.map((q) => ({ value: q.questionId, label: q.text }))}
            value={questionId}
            onChange={(v) => {
              setQuestionId(v);
              setSegment('{}');
            }}
            clearable
            placeholder="The pulse as a whole"
            error={errors.questionId}
          />
          {questionId ? <Select label="For the group" data={segments} value={segment} onChange={setSegment} allowDeselect={false} error={errors.segment} /> : null}
          <Group grow align="flex-start">
            <Select
              label="Owner"
              required
              searchable
              data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={ownerId}
              onChange={setOwnerId}
              error={errors.ownerId}
            />
            <TextInput type="date" label="Due on" required value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={errors.dueDate} />
          </Group>
          <Select label="Serves a goal or initiative (optional)" searchable clearable data={links} value={link} onChange={setLink} error={errors.goalId ?? errors.initiativeId} />
          {create.isError && Object.keys(errors).length === 0 ? <Alert color="red">{errorMessage(create.error)}</Alert> : null}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Save action
            </Button>
            <Button variant="subtle" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
