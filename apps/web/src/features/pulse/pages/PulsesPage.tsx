import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { TPulse } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useAudienceMatch } from '../api/audience';
import { useCreatePulse } from '../api/create-pulse';
import { usePulses } from '../api/get-pulses';
import { ScrollRegion } from '../components/ScrollRegion';

export function StatusBadge({ pulse }: { pulse: TPulse }) {
  const color = pulse.status === 'open' ? 'teal' : pulse.status === 'closed' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light">
      {pulse.status}
      {pulse.published ? ' · published' : ''}
    </Badge>
  );
}

export function PulsesPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const pulses = usePulses();
  const [creating, setCreating] = useState(false);
  return (
    <Page title="Alignment Pulse">
      <Text size="sm" c="dimmed" maw={720}>
        An anonymous survey of how aligned IT and Business feel, by side and level. No result is ever shown for fewer people than the minimum group, directly or by combining published numbers.
      </Text>
      {pulses.isPending ? (
        <FullPageLoader />
      ) : pulses.isError ? (
        <ErrorAlert error={pulses.error} title="Pulses could not be loaded" />
      ) : (
        <>
          <PulseTable pulses={pulses.data.pulses.filter((p) => !p.archived)} label="Pulses" />
          {pulses.data.pulses.some((p) => p.archived) ? (
            <section aria-labelledby="archived-title">
              <Title order={2} size="h4" id="archived-title" mb="xs">
                Archived
              </Title>
              <PulseTable pulses={pulses.data.pulses.filter((p) => p.archived)} label="Archived pulses" />
            </section>
          ) : null}
        </>
      )}
      {leader ? (
        creating ? (
          <CreatePulseForm />
        ) : (
          <div>
            <Button onClick={() => setCreating(true)}>New pulse</Button>
          </div>
        )
      ) : null}
    </Page>
  );
}

function PulseTable({ pulses, label }: { pulses: TPulse[]; label: string }) {
  if (pulses.length === 0) return <Alert color="gray" variant="light">No pulses yet.</Alert>;
  return (
    <ScrollRegion label={label} minWidth={560}>
      <Table aria-label={label} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Pulse</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Invited</Table.Th>
            <Table.Th scope="col">Responded</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pulses.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Link to="/pulses/$id" params={{ id: p.id }}>
                  {p.title}
                </Link>
              </Table.Td>
              <Table.Td>
                <StatusBadge pulse={p} />
              </Table.Td>
              <Table.Td>{p.invited}</Table.Td>
              <Table.Td>{p.status !== 'closed' ? 'at close' : (p.respondents ?? `fewer than ${p.minGroupSize}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

function CreatePulseForm() {
  const create = useCreatePulse();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState(true);
  const [extra, setExtra] = useState('');
  const [k, setK] = useState<number | string>(5);
  const [kComments, setKComments] = useState<number | string>(10);
  const [side, setSide] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const audience = {
    ...(side ? { side: side as 'it' | 'business' } : {}),
    ...(level ? { level: level as 'leader' | 'employee' } : {}),
    ...(department ? { department } : {}),
    ...(location ? { location } : {}),
  };
  const match = useAudienceMatch(audience);
  const [closesOn, setClosesOn] = useState('');
  const errors = fieldErrors(create.error);
  return (
    <Paper withBorder p="md" maw={720}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const questions = extra
            .split('\n')
            .map((t) => t.trim())
            .filter(Boolean)
            .map((text) => ({ text }));
          create.mutate(
            {
              title,
              ...(template ? { template: 'tech-priorities-alignment' as const } : {}),
              ...(questions.length ? { questions } : {}),
              minGroupSize: Number(k),
              minCommentGroupSize: Number(kComments),
              audience,
              ...(closesOn ? { closesAt: new Date(`${closesOn}T23:59:59Z`).toISOString() } : {}),
            },
            { onSuccess: (p) => navigate({ to: '/pulses/$id', params: { id: p.id } }) },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            New pulse
          </Title>
          <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <Checkbox
            label="Start from the template “IT and Business alignment on tech priorities” (9 statements)"
            checked={template}
            onChange={(e) => setTemplate(e.currentTarget.checked)}
          />
          <Textarea
            label="More statements"
            description="One per line, answered on a 5-point agreement scale. The same statement keeps its history across pulses."
            autosize
            minRows={2}
            value={extra}
            onChange={(e) => setExtra(e.currentTarget.value)}
            error={errors.questions}
          />
          <Text size="sm" fw={500}>
            Audience: all active people, or only those matching every filter
          </Text>
          <Group grow align="flex-start">
            <Select label="Side" placeholder="Both" clearable data={[{ value: 'it', label: 'IT' }, { value: 'business', label: 'Business' }]} value={side} onChange={setSide} />
            <Select label="Level" placeholder="Both" clearable data={[{ value: 'leader', label: 'Leaders' }, { value: 'employee', label: 'Employees' }]} value={level} onChange={setLevel} />
          </Group>
          <Group grow align="flex-start">
            <Select label="Department" placeholder="Any" clearable searchable data={match.data?.departments ?? []} value={department} onChange={setDepartment} error={errors['audience.department']} />
            <Select label="Location" placeholder="Any" clearable searchable data={match.data?.locations ?? []} value={location} onChange={setLocation} error={errors['audience.location']} />
          </Group>
          <Text size="sm" aria-live="polite" data-testid="audience-match" c={match.data?.matches === 0 ? 'red.8' : undefined}>
            {match.data === undefined
              ? 'Counting the people this audience matches…'
              : match.data.matches === 0
                ? 'Matches nobody: a pulse whose audience matches no one cannot be opened.'
                : `Matches ${match.data.matches} ${match.data.matches === 1 ? 'person' : 'people'} in the directory.`}
          </Text>
          <TextInput type="date" label="Closes on (optional)" value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={errors.closesAt} maw={240} />
          <NumberInput label="Minimum group size" description="No number is shown for fewer people than this; never below 3." min={3} value={k} onChange={setK} error={errors.minGroupSize} />
          <NumberInput label="Minimum group for comments" min={3} value={kComments} onChange={setKComments} error={errors.minCommentGroupSize} />
          {create.isError && Object.keys(errors).length === 0 ? <Alert color="red">{errorMessage(create.error)}</Alert> : null}
          <div>
            <Button type="submit" loading={create.isPending}>
              Create pulse
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
