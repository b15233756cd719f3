import { useState } from 'react';
import { Alert, Anchor, Box, Button, MultiSelect, NumberInput, Paper, SimpleGrid, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TDemoStats } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe, usePeople } from '../../org';
import { useRequests } from '../../requests';
import { useRoadmapQuery } from '../../strategy';
import { useCreateDemo, useDemos, useDemoStats } from '../api/events';
import { pct, SIDE_LABEL, utc } from '../components/labels';

/** Sprint demos: the business share over time, who requested what was shown, the sessions, and a new one. */
export function DemosPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const stats = useDemoStats();
  const demos = useDemos();
  return (
    <Page title="Sprint demos">
      <Text size="sm" c="dimmed" maw={760}>
        Invite the business to see an output and the value of their request. The share of business people at each demo, and whether the people who asked for what was shown were there, say whether it works.
      </Text>
      {leader ? <NewDemo /> : null}
      {stats.isPending ? <FullPageLoader /> : stats.isError ? <ErrorAlert error={stats.error} title="The attendance could not be loaded" /> : <ShareOverTime stats={stats.data} />}
      {demos.isError ? <ErrorAlert error={demos.error} title="The demos could not be loaded" /> : null}
      {demos.data && demos.data.items.length > 0 ? (
        <Table withTableBorder striped aria-label="Sprint demos">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Demo</Table.Th>
              <Table.Th scope="col">Team</Table.Th>
              <Table.Th scope="col">Starts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {demos.data.items.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Anchor underline="always" component={Link} to={`/demos/${d.id}`}>
                    {d.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.team || '–'}</Table.Td>
                <Table.Td>{utc(d.startsAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Page>
  );
}

/** The business share per demo as a line, and the same figures as a table (the chart's text alternative). */
function ShareOverTime({ stats }: { stats: TDemoStats }) {
  if (stats.demos.length === 0) {
    return (
      <Alert color="gray" variant="light">
        No sprint demo yet.
      </Alert>
    );
  }
  const data = stats.demos.map((d) => ({ label: d.startsAt.slice(0, 10), share: d.businessShare === null ? null : Math.round(d.businessShare * 100) }));
  const withShare = stats.demos.filter((d) => d.businessShare !== null);
  const first = withShare[0];
  const last = withShare.at(-1);
  return (
    <Paper withBorder p="md" component="section" aria-label="Business share over time">
      <Title order={2} size="h4" mb="xs">
        Business share over time
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Business share = business people who checked in ÷ everyone who checked in, per demo. Requesters present = people who asked for a request shown at the demo and checked in.
      </Text>
      <Box h={220} aria-hidden="true">
        <ResponsiveContainer>
          <LineChart data={data} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} width={48} />
            <Tooltip formatter={(v) => `${String(v)}%`} />
            <Line dataKey="share" name="Business share" stroke="#1864ab" strokeWidth={2} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </Box>
      {first && last ? (
        <VisuallyHidden>
          The business share went from {pct(first.businessShare)} at {first.title} to {pct(last.businessShare)} at {last.title}.
        </VisuallyHidden>
      ) : null}
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Attendance per demo (scrolls)">
        <Table striped aria-label="Attendance per demo" data-testid="demo-stats">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Demo</Table.Th>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Attendees</Table.Th>
              <Table.Th scope="col">Business share</Table.Th>
              <Table.Th scope="col">Requesters present</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stats.demos.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.title}</Table.Td>
                <Table.Td>{d.startsAt.slice(0, 10)}</Table.Td>
                <Table.Td>{d.attendees}</Table.Td>
                <Table.Td>{pct(d.businessShare)}</Table.Td>
                <Table.Td>{d.requesters === 0 ? 'no requests shown' : `${d.requestersPresent} of ${d.requesters}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Paper>
  );
}

/** The next whole hour, as a datetime-local value in UTC. */
function nextHourUtc(): string {
  const d = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  return d.toISOString().slice(0, 16);
}

function NewDemo() {
  const create = useCreateDemo();
  const navigate = useNavigate();
  const people = usePeople(false);
  const roadmap = useRoadmapQuery();
  const requests = useRequests({ limit: 500 });
  const [title, setTitle] = useState('');
  const [team, setTeam] = useState('');
  const [when, setWhen] = useState(nextHourUtc);
  const [duration, setDuration] = useState<number | string>(60);
  const [items, setItems] = useState<string[]>([]);
  const [invitees, setInvitees] = useState<string[]>([]);
  const errors = fieldErrors(create.error);
  const itemOptions = [
    { group: 'Initiatives', items: (roadmap.data?.initiatives ?? []).map((i) => ({ value: `initiative:${i.id}`, label: i.title })) },
    { group: 'Enablers', items: (roadmap.data?.enablers ?? []).map((x) => ({ value: `enabler:${x.id}`, label: x.title })) },
    { group: 'Requests', items: (requests.data?.items ?? []).map((r) => ({ value: `request:${r.id}`, label: r.title })) },
  ];
  const all = people.data?.people ?? [];
  const business = all.filter((p) => p.side === 'business').map((p) => p.id);
  return (
    <Paper withBorder p="md" component="section" aria-label="Plan a sprint demo">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate(
            {
              title,
              team: team || undefined,
              date: `${when}:00.000Z`,
              durationMinutes: Number(duration),
              itemRefs: items.map((v) => {
                const [type, id] = v.split(':') as ['initiative' | 'enabler' | 'request', string];
                return { type, id };
              }),
              inviteePersonIds: invitees,
            },
            { onSuccess: (r) => void navigate({ to: '/demos/$id', params: { id: r.id } }) },
          );
        }}
      >
        <Title order={2} size="h4" mb="xs">
          Plan a sprint demo
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} />
          <TextInput label="Team (optional)" value={team} onChange={(e) => setTeam(e.currentTarget.value)} error={errors.team} />
          <TextInput type="datetime-local" label="Starts (UTC)" value={when} onChange={(e) => setWhen(e.currentTarget.value)} required error={errors.date} />
          <NumberInput label="Minutes" min={5} max={480} value={duration} onChange={setDuration} error={errors.durationMinutes} />
        </SimpleGrid>
        <MultiSelect label="Items shown" data={itemOptions} value={items} onChange={setItems} searchable mt="sm" error={errors.itemRefs} />
        <MultiSelect
          label="Invitees"
          description="Each invitee gets a mail with a calendar invitation and one-click answers."
          data={all.map((p) => ({ value: p.id, label: `${p.name} (${SIDE_LABEL[p.side]})` }))}
          value={invitees}
          onChange={setInvitees}
          searchable
          mt="sm"
          error={errors.inviteePersonIds}
        />
        <Button variant="subtle" size="xs" mt={4} onClick={() => setInvitees([...new Set([...invitees, ...business])])}>
          Invite the whole business side ({business.length})
        </Button>
        <FormError error={create.error} fields={['title', 'team', 'date', 'durationMinutes', 'itemRefs', 'inviteePersonIds']} />
        <Button type="submit" mt="sm" display="block" loading={create.isPending}>
          Plan demo and send invitations
        </Button>
      </form>
    </Paper>
  );
}
