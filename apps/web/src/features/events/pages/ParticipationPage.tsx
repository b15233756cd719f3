import { useState } from 'react';
import { Alert, Box, Group, Paper, SimpleGrid, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TParticipation } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { useParticipation } from '../api/events';
import { pct } from '../components/labels';

const KIND_LABEL: Record<string, string> = {
  coffee: 'coffee pairs',
  open_hour: 'open hours',
  open_mic: 'open mic',
  sit_in: 'sit-ins',
  hackweek: 'hackweeks',
  demo: 'sprint demos',
  roundtable: 'round-tables',
};
const pts = (x: number) => `${x >= 0 ? '+' : ''}${Math.round(x * 100)} pts`;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Who takes part in the cross-over activities, and whether departments that take part more have a smaller gap. */
export function ParticipationPage() {
  const [to, setTo] = useState(() => day(new Date()));
  const [from, setFrom] = useState(() => day(new Date(Date.now() - 365 * 86_400_000)));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const q = useParticipation(from, to, valid);
  return (
    <Page title="Participation and the gap">
      <Text size="sm" c="dimmed" maw={760}>
        Who takes part in the cross-over activities, by side and department, and the question leaders care about: do the departments that take part more see a smaller perception gap in the latest Alignment Pulse?
      </Text>
      <Group>
        <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      {q.isPending ? <FullPageLoader /> : q.isError ? <ErrorAlert error={q.error} title="Participation could not be loaded" /> : <Figures p={q.data} />}
    </Page>
  );
}

function Figures({ p }: { p: TParticipation }) {
  const g = p.gapCorrelation;
  const depts = [...p.byDepartment].sort((a, b) => b.rate - a.rate);
  return (
    <>
      <Text size="xs" c="dimmed">
        Counted: {p.kinds.map((k) => KIND_LABEL[k] ?? k).join(', ')}. Participation rate = active people who took part at least once from {p.from} to {p.to} ÷ active people.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-label="By side">
          <Title order={2} size="h4" mb="xs">
            By side
          </Title>
          <Table striped aria-label="Participation by side" data-testid="by-side">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Side</Table.Th>
                <Table.Th scope="col">Took part</Table.Th>
                <Table.Th scope="col">Rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['business', 'it'] as const).map((s) => (
                <Table.Tr key={s}>
                  <Table.Td>{s === 'it' ? 'IT' : 'Business'}</Table.Td>
                  <Table.Td>
                    {p.bySide[s].participants} of {p.bySide[s].people}
                  </Table.Td>
                  <Table.Td>{pct(p.bySide[s].rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="By department">
          <Title order={2} size="h4" mb="xs">
            By department
          </Title>
          <Box h={Math.max(120, depts.length * 28)} aria-hidden="true">
            <ResponsiveContainer>
              <BarChart data={depts.map((d) => ({ department: d.department, rate: Math.round(d.rate * 100) }))} layout="vertical" accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
                <YAxis type="category" dataKey="department" width={120} />
                <Tooltip formatter={(v) => `${String(v)}%`} />
                <Bar dataKey="rate" name="Participation" fill="#1864ab" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Table striped aria-label="Participation by department" mt="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Department</Table.Th>
                <Table.Th scope="col">Took part</Table.Th>
                <Table.Th scope="col">Rate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {depts.map((d) => (
                <Table.Tr key={d.department}>
                  <Table.Td>{d.department}</Table.Td>
                  <Table.Td>
                    {d.participants} of {d.people}
                  </Table.Td>
                  <Table.Td>{pct(d.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" component="section" aria-label="Participation and the gap">
        <Title order={2} size="h4" mb="xs">
          Participation and the gap
        </Title>
        <Text size="sm">
          {g.pulseTitle ? (
            <>
              Gap per department from <b>{g.pulseTitle}</b> (leaders’ % favourable minus the department’s employees’, on the pulse’s first question).
            </>
          ) : (
            'No closed pulse yet.'
          )}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" data-testid="gap-correlation">
          <Text>
            Spearman ρ: <b>{g.spearman === null ? '–' : g.spearman.toFixed(2)}</b>
          </Text>
          <Text>
            p-value: <b>{g.pValue === null ? '–' : g.pValue < 0.001 ? '< 0.001' : g.pValue.toFixed(3)}</b>
          </Text>
          <Text>
            Departments: <b>{g.departments.length}</b> compared, <b>{g.excluded}</b> left out
          </Text>
        </SimpleGrid>
        <Alert color="blue" variant="light" mt="sm" title="What it says" data-testid="verdict">
          {g.verdict}
        </Alert>
        <Text size="xs" c="dimmed" mt="xs">
          Spearman’s ρ ranks the departments by participation and by gap and correlates the ranks (−1: more participation, smaller gap; +1: the opposite). The p-value is the chance of a correlation this strong if there were none. Departments the pulse hides
          (under its anonymity threshold) or that gave no answers are left out ({g.excluded} here), and correlation is not causation.
        </Text>
        {g.departments.length > 0 ? (
          <>
            <Box h={260} mt="sm" aria-hidden="true">
              <ResponsiveContainer>
                <ScatterChart accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" dataKey="rate" name="Participation" unit="%" domain={[0, 100]} />
                  <YAxis type="number" dataKey="gap" name="Gap" unit=" pts" width={64} />
                  <Tooltip />
                  <Scatter data={g.departments.map((d) => ({ department: d.department, rate: Math.round(d.rate * 100), gap: Math.round(d.gap * 100) }))} fill="#1864ab" isAnimationActive={false} />
                </ScatterChart>
              </ResponsiveContainer>
            </Box>
            <VisuallyHidden>A scatter of each compared department’s participation rate against its gap; the same figures are in the table below.</VisuallyHidden>
            <Table striped aria-label="Participation and gap per department" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Department</Table.Th>
                  <Table.Th scope="col">Participation</Table.Th>
                  <Table.Th scope="col">Gap</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.departments.map((d) => (
                  <Table.Tr key={d.department}>
                    <Table.Td>{d.department}</Table.Td>
                    <Table.Td>{pct(d.rate)}</Table.Td>
                    <Table.Td>{pts(d.gap)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
      </Paper>
    </>
  );
}
