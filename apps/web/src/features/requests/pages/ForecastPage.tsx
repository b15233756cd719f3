import { useState } from 'react';
import { Alert, Badge, Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TForecastHowMany, TForecastWhen, TRequestType } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { useAddReferenceProject, useCalibration, useForecastHowMany, useForecastWhen, useReferenceClass } from '../api/requests';
import { REQUEST_TYPE_LABEL } from '../labels';

const METHOD =
  'Exact throughput forecast: each future day draws its number of done requests from the daily counts of the window (days with nothing done count as zero), and the distribution of the total is computed exactly, not sampled: the same history always gives the same dates.';

/** "When will these N be done", "how many by this date", the reference class and the calibration log. */
export function ForecastPage() {
  return (
    <Page title="Forecasts">
      <Text size="sm" c="dimmed" maw={760}>
        {METHOD}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WhenForm />
        <HowManyForm />
      </SimpleGrid>
      <ReferenceClass />
      <Calibration />
    </Page>
  );
}

function WhenForm() {
  const f = useForecastWhen();
  const [n, setN] = useState<number | string>(20);
  const [w, setW] = useState<number | string>(90);
  const [what, setWhat] = useState('count');
  const r: TForecastWhen | undefined = f.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="when-title">
      <Title order={2} size="h3" id="when-title" mb="xs">
        When will they be done?
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const filter = what === 'count' ? undefined : what.startsWith('type:') ? { type: what.slice(5) as TRequestType } : { side: what.slice(5) as 'business' | 'it' };
          f.mutate(filter ? { filter, windowDays: Number(w) } : { remaining: Number(n), windowDays: Number(w) });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label="Which requests"
            value={what}
            onChange={(e) => setWhat(e.currentTarget.value)}
            data={[
              { value: 'count', label: 'A number of requests' },
              ...(Object.keys(REQUEST_TYPE_LABEL) as TRequestType[]).map((t) => ({ value: `type:${t}`, label: `Every open ${REQUEST_TYPE_LABEL[t].toLowerCase()}` })),
              { value: 'side:business', label: 'Every open request from the business' },
              { value: 'side:it', label: 'Every open request raised by IT' },
            ]}
          />
          <Group grow>
            <NumberInput label="Requests remaining" value={n} onChange={setN} min={1} disabled={what !== 'count'} />
            <NumberInput label="History window (days)" value={w} onChange={setW} min={1} max={3650} />
          </Group>
          <FormError error={f.error} fields={[]} />
          <Button type="submit" loading={f.isPending}>
            Forecast
          </Button>
          {r ? (
            <Table aria-label="When forecast" data-testid="when-result">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Confidence</Table.Th>
                  <Table.Th scope="col">Done by</Table.Th>
                  <Table.Th scope="col">Days</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(['p50', 'p85', 'p95'] as const).map((k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{k.slice(1)}%</Table.Td>
                    <Table.Td>{r[k].date}</Table.Td>
                    <Table.Td>{r[k].days}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          {r ? (
            <Text size="xs" c="dimmed">
              {r.remaining} requests from {r.asOf}, learning from the {r.windowDays} days before. Recorded in the calibration log.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function HowManyForm() {
  const f = useForecastHowMany();
  const [by, setBy] = useState(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const [w, setW] = useState<number | string>(90);
  const r: TForecastHowMany | undefined = f.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="howmany-title">
      <Title order={2} size="h3" id="howmany-title" mb="xs">
        How many by a date?
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          f.mutate({ by, windowDays: Number(w) });
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput type="date" label="By" value={by} onChange={(e) => setBy(e.currentTarget.value)} />
            <NumberInput label="History window (days)" value={w} onChange={setW} min={1} max={3650} />
          </Group>
          <FormError error={f.error} fields={[]} />
          <Button type="submit" loading={f.isPending}>
            Forecast
          </Button>
          {r ? (
            <Text data-testid="howmany-result">
              At least {r.p50} (50%), {r.p85} (85%), {r.p95} (95%) requests done by {r.by}.
            </Text>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

function ReferenceClass() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const [estimate, setEstimate] = useState<number | string>(60);
  const e = Number(estimate);
  const rc = useReferenceClass(e > 0 ? e : 0);
  const add = useAddReferenceProject();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rc-title">
      <Title order={2} size="h3" id="rc-title" mb="xs">
        Reference class: how long similar projects really took
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Flyvbjerg's reference-class method: the ratio actual / estimate of past projects; the uplift is its 50th or 80th percentile (linear interpolation) minus one.
      </Text>
      <NumberInput label="The team's estimate (days)" value={estimate} onChange={setEstimate} min={1} maw={260} />
      {rc.isError ? <ErrorAlert error={rc.error} title="No reference class yet" /> : null}
      {rc.data ? (
        <Table aria-label="Estimate and reference-class forecast" mt="sm" maw={620} data-testid="reference-class">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Team's estimate</Table.Th>
              <Table.Td>{rc.data.estimateDays} days</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Reference class P50</Table.Th>
              <Table.Td>
                {Math.round(rc.data.forecastDays.p50)} days (uplift {Math.round(rc.data.uplift.p50 * 100)}%)
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Reference class P80</Table.Th>
              <Table.Td>
                {Math.round(rc.data.forecastDays.p80)} days (uplift {Math.round(rc.data.uplift.p80 * 100)}%)
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Past projects</Table.Th>
              <Table.Td>{rc.data.projects.length}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : null}
      {leader ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            const form = ev.currentTarget;
            const d = new FormData(form);
            add.mutate({ title: String(d.get('title') ?? ''), estimateDays: Number(d.get('estimateDays')), actualDays: Number(d.get('actualDays')) }, { onSuccess: () => form.reset() });
          }}
        >
          <Group align="end" mt="md">
            <TextInput name="title" label="Past project" />
            <NumberInput name="estimateDays" label="Estimated days" min={1} />
            <NumberInput name="actualDays" label="Actual days" min={1} />
            <Button type="submit" variant="default" loading={add.isPending}>
              Add
            </Button>
          </Group>
          <FormError error={add.error} fields={[]} />
        </form>
      ) : null}
    </Paper>
  );
}

const VERDICT: Record<string, { label: string; color: string }> = {
  not_enough_data: { label: 'Not enough finished forecasts yet (10 needed)', color: 'gray' },
  calibrated: { label: 'Calibrated', color: 'teal' },
  overconfident: { label: 'Not calibrated: too optimistic', color: 'red' },
  underconfident: { label: 'Not calibrated: too cautious', color: 'orange' },
};

function Calibration() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const c = useCalibration(cursors[cursors.length - 1] ?? null);
  if (c.isError) return <ErrorAlert error={c.error} title="The calibration log could not be loaded" />;
  if (!c.data) return null;
  const sum = c.data.summary;
  const v = VERDICT[sum.verdict]!;
  return (
    <Stack gap="xs" component="section" aria-labelledby="cal-title">
      <Title order={2} size="h3" id="cal-title">
        Calibration log
      </Title>
      <Text size="sm" c="dimmed">
        Every forecast shown is recorded. Once the work is done, the log checks whether the real date (or count) fell inside the 85% forecast; a calibrated method is right about 85% of the time. A forecast for a filter of requests is judged on those requests: it resolves on the day the last of them is done (rejected ones wait for nothing). A forecast for a bare number N resolves on the day the N-th request after it was done.
      </Text>
      <Group>
        <Badge color={v.color} variant="light">
          {v.label}
        </Badge>
        <Text size="sm">
          {sum.within85} of {sum.resolved} finished forecasts inside the 85% forecast{sum.hitRate !== null ? ` (${Math.round(sum.hitRate * 100)}%)` : ''}.
        </Text>
      </Group>
      {c.data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          No forecasts recorded yet.
        </Alert>
      ) : (
        <Table aria-label="Calibration log" striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Asked on</Table.Th>
              <Table.Th scope="col">Question</Table.Th>
              <Table.Th scope="col">85% forecast</Table.Th>
              <Table.Th scope="col">What happened</Table.Th>
              <Table.Th scope="col">Inside?</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.asOf}</Table.Td>
                <Table.Td>{e.kind === 'when' ? (e.scope === 'requests' ? `When will these ${e.remaining} requests be done?` : `When will ${e.remaining} be done?`) : `How many by ${e.by}?`}</Table.Td>
                <Table.Td>{e.p85}</Table.Td>
                <Table.Td>{e.actual ?? 'not yet'}</Table.Td>
                <Table.Td>{e.within85 === null ? '–' : e.within85 ? 'yes' : 'no'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          Newer
        </Button>
        <Button variant="default" size="xs" disabled={!c.data.nextCursor} onClick={() => setCursors([...cursors, c.data.nextCursor])}>
          Older
        </Button>
      </Group>
    </Stack>
  );
}
