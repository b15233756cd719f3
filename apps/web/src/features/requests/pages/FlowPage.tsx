import { useState } from 'react';
import { Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { useAnalytics, useRequestFlow } from '../api/requests';
import { AgeingChart, CumulativeFlowChart, LeadTimeScatter, ThroughputChart } from '../components/Charts';
import { REQUEST_TYPE_LABEL, statusLabel } from '../labels';
import type { TAnalytics, TRequestType } from '@tandem/contracts';

const isoToday = () => new Date().toISOString().slice(0, 10);
const minusDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** Flow analytics: lead time, ageing, throughput and cumulative flow, from the real dates. */
export function FlowPage() {
  const [to, setTo] = useState(isoToday());
  const [from, setFrom] = useState(minusDays(isoToday(), 364));
  const a = useAnalytics(from, to);
  return (
    <Page title="Flow">
      <Text size="sm" c="dimmed" maw={760}>
        How long requests really take, which open ones are ageing past what is normal, and how many get done each week. Lead time runs from created to done, cycle time from started to done, in whole days.
      </Text>
      <Group>
        <TextInput type="date" label="From" value={from} onChange={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />
        <TextInput type="date" label="To" value={to} onChange={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />
      </Group>
      {a.isPending ? <FullPageLoader /> : a.isError ? <ErrorAlert error={a.error} title="Analytics could not be loaded" /> : <FlowBody a={a.data} />}
    </Page>
  );
}

function Lines({ label, l }: { label: string; l: TAnalytics['leadTime'] }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="xl" data-testid={`${label.toLowerCase().replace(/ /g, '-')}-p85`}>
        {l ? `${l.p50} / ${l.p85} / ${l.p95} days` : 'no requests done'}
      </Text>
      <Text size="xs" c="dimmed">
        50th / 85th / 95th percentile (linear interpolation)
      </Text>
    </Stack>
  );
}

function Groups({ title, rows, label }: { title: string; rows: TAnalytics['byType']; label: (k: string) => string }) {
  return (
    <Table aria-label={title} striped withTableBorder fz="sm">
      <Table.Caption>{title}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Group</Table.Th>
          <Table.Th scope="col">Done</Table.Th>
          <Table.Th scope="col">Lead time 50/85/95 (days)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((g) => (
          <Table.Tr key={g.key}>
            <Table.Td>{label(g.key)}</Table.Td>
            <Table.Td>{g.count}</Table.Td>
            <Table.Td>{g.leadTime ? `${g.leadTime.p50} / ${g.leadTime.p85} / ${g.leadTime.p95}` : '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function FlowBody({ a }: { a: TAnalytics }) {
  const flow = useRequestFlow();
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Lines label="Lead time" l={a.leadTime} />
        <Lines label="Cycle time" l={a.cycleTime} />
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            Done in the period
          </Text>
          <Text size="xl">{a.doneCount}</Text>
          <Text size="xs" c="dimmed">
            requests with a done date from {a.from} to {a.to}
          </Text>
        </Stack>
      </SimpleGrid>
      <AgeingChart items={a.ageing.map((x) => ({ ...x, status: statusLabel(flow.data, x.status) }))} lines={a.leadTime} />
      {a.ageingTruncated ? <Text size="sm">{a.ageingTruncated} more open requests are not shown (the oldest 500 are).</Text> : null}
      <LeadTimeScatter points={a.scatter} lines={a.leadTime} from={a.from} to={a.to} />
      {a.scatterTruncated ? <Text size="sm">{a.scatterTruncated} earlier done requests are not drawn on the scatter (the 2,000 most recent are); the percentiles count them all.</Text> : null}
      <ThroughputChart weeks={a.throughputPerWeek} />
      <CumulativeFlowChart weeks={a.cumulativeFlow} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          Lead time by type, side and department
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Groups title="By type" rows={a.byType} label={(k) => REQUEST_TYPE_LABEL[k as TRequestType] ?? k} />
          <Groups title="By side" rows={a.bySide} label={(k) => (k === 'it' ? 'IT' : 'Business')} />
          <Groups title="By department" rows={a.byDepartment} label={(k) => k} />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
