import { useState } from 'react';
import { Alert, Anchor, Button, MultiSelect, Paper, SimpleGrid, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe, usePeople } from '../../org';
import { useCreateRoundtable, useRoundtables } from '../api/events';
import { SIDE_LABEL } from '../components/labels';

/** Leaders' round-tables, newest first, and (for leaders) a new one. */
export function RoundtablesPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const list = useRoundtables();
  return (
    <Page title="Round-tables">
      <Text size="sm" c="dimmed" maw={760}>
        A round-table like the leaders’ lunch: the questions, the notes and the insights. Each insight can become an action with an owner and a due date, tracked to done.
      </Text>
      {leader ? <NewRoundtable /> : null}
      {list.isPending ? (
        <FullPageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The round-tables could not be loaded" />
      ) : list.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          No round-table yet.
        </Alert>
      ) : (
        <Table withTableBorder striped aria-label="Round-tables">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round-table</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor underline="always" component={Link} to={`/roundtables/${r.id}`}>
                    {r.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.date}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}

function NewRoundtable() {
  const create = useCreateRoundtable();
  const navigate = useNavigate();
  const people = usePeople(false);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [questions, setQuestions] = useState('');
  const [invitees, setInvitees] = useState<string[]>([]);
  const errors = fieldErrors(create.error);
  return (
    <Paper withBorder p="md" component="section" aria-label="New round-table">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          const qs = questions
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean);
          create.mutate({ title, date, questions: qs, inviteePersonIds: invitees }, { onSuccess: (r) => void navigate({ to: '/roundtables/$id', params: { id: r.id } }) });
        }}
      >
        <Title order={2} size="h4" mb="xs">
          New round-table
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} />
          <TextInput type="date" label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} required error={errors.date} />
        </SimpleGrid>
        <Textarea label="Discussion questions (one a line)" value={questions} onChange={(e) => setQuestions(e.currentTarget.value)} autosize minRows={2} mt="sm" error={errors.questions} />
        <MultiSelect
          label="Invitees"
          data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name} (${SIDE_LABEL[p.side]}, ${p.level})` }))}
          value={invitees}
          onChange={setInvitees}
          searchable
          mt="sm"
          error={errors.inviteePersonIds}
        />
        <FormError error={create.error} fields={['title', 'date', 'questions', 'inviteePersonIds']} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Create round-table
        </Button>
      </form>
    </Paper>
  );
}
