import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/api';
import { useAgenda, useDiscussed, useDiscussedMark, usePostTopic, useVote } from '../api/crossover';

/** The daily open mic: post a topic, vote once per topic, the agenda by votes, and the outcomes. */
export function OpenMicTab({ leader }: { leader: boolean }) {
  const agenda = useAgenda();
  const discussed = useDiscussed();
  const post = usePostTopic();
  const vote = useVote();
  const mark = useDiscussedMark();
  const [title, setTitle] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  return (
    <Stack>
      <Paper withBorder p="md">
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            post.mutate(title, { onSuccess: () => setTitle('') });
          }}
        >
          <Group align="end">
            <TextInput label="A topic for the open mic" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required style={{ flex: 1, minWidth: 200 }} />
            <Button type="submit" loading={post.isPending}>
              Post topic
            </Button>
          </Group>
        </form>
        {post.error ? <Alert color="red" role="alert" mt="xs">{errorMessage(post.error)}</Alert> : null}
      </Paper>
      {vote.error ? (
        <Alert color="red" role="alert">
          {errorMessage(vote.error)}
        </Alert>
      ) : null}
      <Title order={3} size="h4">
        Agenda of the next session
      </Title>
      <Text size="sm" c="dimmed">
        Open topics by votes (oldest first on ties). A topic stays on the queue for 14 days until it is discussed.
      </Text>
      {agenda.isError ? <ErrorAlert error={agenda.error} title="The agenda could not be loaded" /> : null}
      {agenda.data && agenda.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          No open topics.
        </Alert>
      ) : null}
      {agenda.data && agenda.data.items.length > 0 ? (
        <Table aria-label="Agenda" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Topic</Table.Th>
              <Table.Th scope="col">Votes</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agenda.data.items.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  {t.title}
                  {t.author ? <Text size="xs" c="dimmed">by {t.author}</Text> : null}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" aria-label={`${t.votes} votes`}>{t.votes}</Badge>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    <Button size="xs" variant="light" onClick={() => vote.mutate(t.id)} aria-label={`Vote for ${t.title}`}>
                      Vote
                    </Button>
                    {leader ? (
                      <Group gap={4} wrap="nowrap">
                        <TextInput size="xs" aria-label={`Outcome of ${t.title}`} placeholder="One-line outcome" value={outcomes[t.id] ?? ''} onChange={(e) => setOutcomes({ ...outcomes, [t.id]: e.currentTarget.value })} />
                        <Button size="xs" variant="default" disabled={!outcomes[t.id]?.trim()} onClick={() => mark.mutate({ id: t.id, outcome: outcomes[t.id]! })}>
                          Discussed
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {discussed.data && discussed.data.items.length > 0 ? (
        <>
          <Title order={3} size="h4">
            Discussed
          </Title>
          <Stack gap={4}>
            {discussed.data.items.map((t) => (
              <Text key={t.id} size="sm">
                <b>{t.title}</b>: {t.outcome}
              </Text>
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
