import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TDeferredNeed } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { useCreateNeed, useLedger, useSetDeferral } from '../api/requests';
import { money } from '../labels';

const METHOD = 'Exposure = (1 − (1 − p)^t) × impact: the chance the need has failed at least once after t years deferred (t = days / 365.25, p the annual failure probability), times the impact of a failure.';

/** The ledger of deferred IT needs: exposure growing while the business waits "until the ice storm hits". */
export function DeferredNeedsPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const l = useLedger();
  return (
    <Page title="Deferred IT needs">
      <Text size="sm" c="dimmed" maw={760}>
        {METHOD}
      </Text>
      {l.isPending ? (
        <FullPageLoader />
      ) : l.isError ? (
        <ErrorAlert error={l.error} title="The ledger could not be loaded" />
      ) : (
        <>
          <Paper withBorder p="md" maw={760}>
            <Text size="lg" data-testid="ledger-total">
              Total exposure today: <b>{money(l.data.totalExposure)}</b> across {l.data.items.filter((i) => i.deferred).length} deferred needs (doing them all now would cost {money(l.data.totalCostNow)}); {l.data.exceedingCount} already cost more in exposure than to fix.
            </Text>
          </Paper>
          {l.data.items.length === 0 ? (
            <Alert color="gray" variant="light">
              No needs on the ledger.
            </Alert>
          ) : (
            <Table aria-label="Deferred IT needs" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Need</Table.Th>
                  <Table.Th scope="col">Deferred since</Table.Th>
                  <Table.Th scope="col">Annual failure</Table.Th>
                  <Table.Th scope="col">Impact</Table.Th>
                  <Table.Th scope="col">Cost now</Table.Th>
                  <Table.Th scope="col">Exposure today</Table.Th>
                  <Table.Th scope="col">In one year</Table.Th>
                  {leader ? <Table.Th scope="col">Action</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {l.data.items.map((n) => (
                  <NeedRow key={n.id} n={n} leader={leader} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      {leader ? <NewNeedForm /> : null}
    </Page>
  );
}

function NeedRow({ n, leader }: { n: TDeferredNeed; leader: boolean }) {
  const set = useSetDeferral();
  return (
    <Table.Tr>
      <Table.Td>
        {n.title} {n.exceedsCost ? <Badge color="red" variant="light">exposure above cost</Badge> : null}
        {n.services ? <Text size="xs">Hits: {n.services}</Text> : null}
        <ErrorAlert error={set.error} title="Not changed" />
      </Table.Td>
      <Table.Td>{n.deferredAt ? `${n.deferredAt} (${n.yearsDeferred.toFixed(1)} y)` : 'not deferred'}</Table.Td>
      <Table.Td>{Math.round(n.annualFailureProbability * 100)}%</Table.Td>
      <Table.Td>{money(n.impact)}</Table.Td>
      <Table.Td>{money(n.costNow)}</Table.Td>
      <Table.Td>{money(n.exposure)}</Table.Td>
      <Table.Td>{n.deferred ? money(n.exposureInOneYear) : '–'}</Table.Td>
      {leader ? (
        <Table.Td>
          <Button size="xs" variant="default" loading={set.isPending} onClick={() => set.mutate({ id: n.id, deferred: !n.deferred, reason: n.deferred ? 'Done or no longer deferred' : 'Deferred again' })}>
            {n.deferred ? `Stop deferring ${n.title}` : `Defer ${n.title}`}
          </Button>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

function NewNeedForm() {
  const create = useCreateNeed();
  const [p, setP] = useState<number | string>(20);
  return (
    <Paper withBorder p="md" maw={760} component="section" aria-labelledby="need-title">
      <Title order={2} size="h3" id="need-title" mb="xs">
        Defer an IT need
      </Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const d = new FormData(form);
          create.mutate(
            {
              title: String(d.get('title') ?? ''),
              reason: String(d.get('reason') ?? ''),
              services: String(d.get('services') ?? ''),
              costNow: Number(String(d.get('costNow') ?? '').replace(/[^0-9.-]/g, '')),
              annualFailureProbability: Number(p) / 100,
              impact: Number(String(d.get('impact') ?? '').replace(/[^0-9.-]/g, '')),
              deferredAt: String(d.get('deferredAt') ?? '') || new Date().toISOString().slice(0, 10),
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput name="title" label="Need" />
            <TextInput name="reason" label="Why deferred" />
            <NumberInput name="costNow" label="Cost to do it now" min={0} />
            <NumberInput label="Annual probability of failure (%)" value={p} onChange={setP} min={0} max={100} />
            <NumberInput name="impact" label="Impact if it fails" min={0} />
            <TextInput name="services" label="Business services hit" />
            <TextInput type="date" name="deferredAt" label="Deferred since" />
          </SimpleGrid>
          <FormError error={create.error} fields={[]} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              Defer need
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
