import { useState } from 'react';
import { Alert, Anchor, Badge, Button, NumberInput, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateHackweek, useHackweeks } from '../api/events';
import { PHASE_LABEL } from '../components/labels';

/** Hackweeks, newest first, and (for leaders) a new one. */
export function HackweeksPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const list = useHackweeks();
  return (
    <Page title="Hackweeks">
      <Text size="sm" c="dimmed" maw={760}>
        A week for a creative approach to technical solutions, with ideas from both sides. Each hackweek runs ideas → teams → hacking → demos → voting → outcomes, and each idea ends as an initiative, a request, shipped or parked.
      </Text>
      {leader ? <NewHackweek /> : null}
      {list.isPending ? (
        <FullPageLoader />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The hackweeks could not be loaded" />
      ) : list.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          No hackweek yet.
        </Alert>
      ) : (
        <Table withTableBorder striped aria-label="Hackweeks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Hackweek</Table.Th>
              <Table.Th scope="col">Dates</Table.Th>
              <Table.Th scope="col">Phase</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.items.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>
                  <Anchor underline="always" component={Link} to={`/hackweeks/${h.id}`}>
                    {h.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {h.startDate} – {h.endDate}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={h.phase === 'outcomes' ? 'gray' : 'blue'}>
                    {PHASE_LABEL[h.phase]}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}

function NewHackweek() {
  const create = useCreateHackweek();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [theme, setTheme] = useState('');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [maxTeamSize, setMax] = useState<number | string>(5);
  const errors = fieldErrors(create.error);
  return (
    <Paper withBorder p="md" component="section" aria-label="New hackweek">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate(
            { title, theme: theme || undefined, startDate, endDate, maxTeamSize: Number(maxTeamSize) },
            { onSuccess: (r) => void navigate({ to: '/hackweeks/$id', params: { id: r.id } }) },
          );
        }}
      >
        <Title order={2} size="h4" mb="xs">
          New hackweek
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} />
          <TextInput label="Theme (optional)" value={theme} onChange={(e) => setTheme(e.currentTarget.value)} error={errors.theme} />
          <TextInput type="date" label="Starts" value={startDate} onChange={(e) => setStart(e.currentTarget.value)} required error={errors.startDate} />
          <TextInput type="date" label="Ends" value={endDate} onChange={(e) => setEnd(e.currentTarget.value)} required error={errors.endDate} />
          <NumberInput label="Largest team" min={1} max={50} value={maxTeamSize} onChange={setMax} error={errors.maxTeamSize} />
        </SimpleGrid>
        <FormError error={create.error} fields={['title', 'theme', 'startDate', 'endDate', 'maxTeamSize']} />
        <Button type="submit" mt="sm" loading={create.isPending}>
          Create hackweek
        </Button>
      </form>
    </Paper>
  );
}
