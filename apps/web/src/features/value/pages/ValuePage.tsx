import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TBenefitKind, TOpportunity, TValueSummary } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateOpportunity, useInitiativeChoices, useOpportunities, usePlanTree, useRecordBenefit, useUpdateOpportunity, useValueSummary } from '../api/value';
import { QuarterChart } from '../components/QuarterChart';

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
const KINDS: { value: TBenefitKind; label: string }[] = [
  { value: 'revenue', label: 'Revenue gained' },
  { value: 'cost_saved', label: 'Cost saved' },
  { value: 'risk_reduced', label: 'Risk reduced' },
  { value: 'hours_saved', label: 'Hours saved' },
];
const METHOD =
  'Planned comes from the initiative’s business case when it has one (each case year’s likely benefit spread over its four quarters), else from entered plans. Lag = realised − planned up to this quarter; the most lagging initiative is listed first. IT-enabled share = realised money of initiatives with at least one technical enabler ÷ all realised money. Hours saved are counted apart from money.';

/** Benefits planned against realised, the plan tree, and the opportunity log. */
export function ValuePage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const [year, setYear] = useState(new Date().getFullYear());
  const s = useValueSummary(year);
  return (
    <Page
      title="Value"
      actions={
        <NativeSelect aria-label="Year" w={110} data={[0, 1, 2].map((d) => String(new Date().getFullYear() - d))} value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))} />
      }
    >
      <Text size="sm" c="dimmed" maw={820}>
        {METHOD}
      </Text>
      {s.isPending ? <FullPageLoader /> : s.isError ? <ErrorAlert error={s.error} title="The summary could not be loaded" /> : <Summary s={s.data} />}
      {leader ? <RecordBenefitForm /> : null}
      <PlanTree year={year} />
      <Opportunities leader={leader} />
    </Page>
  );
}

function Summary({ s }: { s: TValueSummary }) {
  if (s.byInitiative.length === 0) {
    return (
      <Alert color="gray" variant="light">
        No benefits planned or realised in {s.year} yet. Record a planned or realised benefit below, or link a business case to an initiative.
      </Alert>
    );
  }
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md">
          <Text size="sm">Planned {s.year}</Text>
          <Text size="xl" fw={700} data-testid="value-planned">
            {fmt(s.planned)} {s.currency}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm">Realised {s.year}</Text>
          <Text size="xl" fw={700} data-testid="value-realised">
            {fmt(s.realised)} {s.currency}
          </Text>
          <Text size="xs">planned to date: {fmt(s.plannedToDate)}</Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm">From IT-enabled initiatives</Text>
          <Text size="xl" fw={700}>
            {s.itEnabledShare === null ? '—' : `${Math.round(s.itEnabledShare * 100)}%`}
          </Text>
          <Text size="xs">of realised money</Text>
        </Paper>
      </SimpleGrid>
      <QuarterChart summary={s} />
      <Title order={2} size="h4">
        Realisation by initiative, most lagging first
      </Title>
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label="Realisation by initiative (scrolls sideways)">
        <Table aria-label="Realisation by initiative" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Initiative</Table.Th>
              <Table.Th scope="col">Planned</Table.Th>
              <Table.Th scope="col">Planned to date</Table.Th>
              <Table.Th scope="col">Realised</Table.Th>
              <Table.Th scope="col">Lag</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.byInitiative.map((i) => (
              <Table.Tr key={i.initiativeId}>
                <Table.Td>
                  {i.title} {i.itEnabled ? <Badge variant="light">IT-enabled</Badge> : null} {i.plannedFrom === 'case' ? <Badge variant="outline">plan from case</Badge> : null}
                </Table.Td>
                <Table.Td>{fmt(i.planned)}</Table.Td>
                <Table.Td>{fmt(i.plannedToDate)}</Table.Td>
                <Table.Td>{fmt(i.realised)}</Table.Td>
                <Table.Td fw={i.lag < 0 ? 700 : 400}>{i.lag < 0 ? `behind by ${fmt(-i.lag)}` : `ahead by ${fmt(i.lag)}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {s.hours.planned || s.hours.realised ? (
        <Text size="sm">
          Hours saved: {fmt(s.hours.realised)} realised of {fmt(s.hours.planned)} planned.
        </Text>
      ) : null}
    </Stack>
  );
}

function RecordBenefitForm() {
  const initiatives = useInitiativeChoices();
  const record = useRecordBenefit();
  const y = new Date().getFullYear();
  const q = Math.floor(new Date().getMonth() / 3) + 1;
  const [initiativeId, setInitiativeId] = useState('');
  const [kind, setKind] = useState<TBenefitKind>('revenue');
  const [period, setPeriod] = useState(`${y}-Q${q}`);
  const [planned, setPlanned] = useState<number | string>('');
  const [realised, setRealised] = useState<number | string>('');
  const [evidence, setEvidence] = useState('');
  const errors = fieldErrors(record.error);
  return (
    <Paper withBorder p="md" component="form" aria-label="Record a benefit" onSubmit={(e) => {
      e.preventDefault();
      record.mutate(
        { initiativeId, kind, period, ...(planned === '' ? {} : { planned: Number(planned) }), ...(realised === '' ? {} : { realised: Number(realised) }), ...(evidence ? { evidence } : {}) },
        { onSuccess: () => { setPlanned(''); setRealised(''); setEvidence(''); } },
      );
    }}>
      <Title order={2} size="h4" mb="sm">
        Record a benefit
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label="Initiative" data={[{ value: '', label: 'Choose an initiative' }, ...(initiatives.data ?? [])]} value={initiativeId} onChange={(e) => setInitiativeId(e.currentTarget.value)} required error={errors['body.initiativeId']} />
        <NativeSelect label="Kind" data={KINDS} value={kind} onChange={(e) => setKind(e.currentTarget.value as TBenefitKind)} />
        <TextInput label="Quarter" description="YYYY-Qn" value={period} onChange={(e) => setPeriod(e.currentTarget.value)} error={errors['body.period']} />
        <NumberInput label="Planned" value={planned} onChange={setPlanned} error={errors['body.planned']} />
        <NumberInput label="Realised" value={realised} onChange={setRealised} error={errors['body.realised']} />
        <TextInput label="Evidence" description="A note or a link" value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} />
      </SimpleGrid>
      <FormError error={record.error} fields={['body.initiativeId', 'body.period', 'body.planned', 'body.realised']} />
      <Group mt="sm">
        <Button type="submit" loading={record.isPending}>
          Record
        </Button>
        {record.isSuccess ? <Text size="sm" role="status">Recorded.</Text> : null}
      </Group>
    </Paper>
  );
}

function PlanTree({ year }: { year: number }) {
  const t = usePlanTree(year);
  if (t.isPending) return null;
  if (t.isError) return <ErrorAlert error={t.error} title="The plan tree could not be loaded" />;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        From goals to work in flight
      </Title>
      <Text size="sm" c="dimmed">
        Each goal with the money its initiatives planned and realised in {year}; each initiative with its enablers and the requests still in flight (new, triaged, in progress) with their stated value.
      </Text>
      {t.data.goals.length === 0 ? (
        <Alert color="gray" variant="light">
          No goals on the roadmap yet.
        </Alert>
      ) : (
        <ul aria-label="Plan tree">
          {t.data.goals.map((g) => (
            <li key={g.id ?? 'none'}>
              <b>{g.title}</b> — planned {fmt(g.money.planned)}, realised {fmt(g.money.realised)}
              <ul>
                {g.initiatives.map((i) => (
                  <li key={i.id}>
                    {i.title} — planned {fmt(i.money.planned)}, realised {fmt(i.money.realised)}
                    {i.enablers.length ? <> · enablers: {i.enablers.map((e) => e.title).join(', ')}</> : null}
                    {i.requests.length ? <> · {i.requests.length} requests in flight worth {fmt(i.requestsValue)}</> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

const STATUSES = ['idea', 'exploring', 'approved', 'realised', 'dropped'] as const;

function Opportunities({ leader }: { leader: boolean }) {
  const o = useOpportunities();
  const create = useCreateOpportunity();
  const [title, setTitle] = useState('');
  const [value, setValue] = useState<number | string>('');
  const errors = fieldErrors(create.error);
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Opportunity log
      </Title>
      <Text size="sm" c="dimmed">
        Ideas where technology could make money — from anyone, hackweek outcomes included — with an estimated value per year.
      </Text>
      {o.isError ? <ErrorAlert error={o.error} title="The log could not be loaded" /> : null}
      {o.data?.length ? (
        <Table.ScrollContainer minWidth={480} type="native" tabIndex={0} role="region" aria-label="Opportunity log (scrolls sideways)">
          <Table aria-label="Opportunity log" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Opportunity</Table.Th>
                <Table.Th scope="col">Estimated value</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.data.map((x) => (
                <OpportunityRow key={x.id} o={x} leader={leader} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : o.data ? (
        <Alert color="gray" variant="light">
          No opportunities logged yet.
        </Alert>
      ) : null}
      <Group component="form" aria-label="Log an opportunity" align="flex-end" onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title, estimatedValue: value === '' ? 0 : Number(value) }, { onSuccess: () => { setTitle(''); setValue(''); } });
      }}>
        <TextInput label="Idea" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors['body.title']} />
        <NumberInput label="Estimated value" value={value} onChange={setValue} min={0} error={errors['body.estimatedValue']} />
        <Button type="submit" loading={create.isPending}>
          Log it
        </Button>
      </Group>
      <FormError error={create.error} fields={['body.title', 'body.estimatedValue']} />
    </Stack>
  );
}

function OpportunityRow({ o, leader }: { o: TOpportunity; leader: boolean }) {
  const update = useUpdateOpportunity();
  return (
    <Table.Tr>
      <Table.Td>
        {o.title}
        {o.proposedBy ? <Text size="xs">{o.proposedBy} · {o.source}</Text> : null}
      </Table.Td>
      <Table.Td>{fmt(o.estimatedValue)}</Table.Td>
      <Table.Td>
        {leader ? (
          <NativeSelect aria-label={`Status of ${o.title}`} w={140} data={[...STATUSES]} value={o.status} onChange={(e) => update.mutate({ id: o.id, status: e.currentTarget.value as TOpportunity['status'] })} />
        ) : (
          o.status
        )}
      </Table.Td>
    </Table.Tr>
  );
}
