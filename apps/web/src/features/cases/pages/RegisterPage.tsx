import { Button, Group, Loader, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Page } from '../../../components/Page';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasRole, useCurrentMe } from '../../org';
import { useRegister } from '../api/get-cases';
import { ExceedanceChart } from '../components/ExceedanceChart';
import { money, pct } from '../labels';

/** Every security scenario by expected annual loss, the total exposure and the portfolio's loss exceedance. */
export function RegisterPage() {
  const me = useCurrentMe();
  const canEdit = hasRole(me.current?.role, 'leader');
  const q = useRegister();
  const r = q.data;
  return (
    <Page
      title="Security register"
      actions={
        canEdit ? (
          <Button component={Link} to="/cases/new/security">
            New security case
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading the register" /> : null}
      {r ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Paper withBorder p="sm">
              <Text size="sm">Total exposure (ALE before controls)</Text>
              <Text fw={700} size="xl" data-testid="total-exposure">
                {money(r.totalAleBefore, r.currency)}
              </Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="sm">After controls</Text>
              <Text fw={700} size="xl">
                {money(r.totalAleAfter, r.currency)}
              </Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text size="sm">Controls cost a year</Text>
              <Text fw={700} size="xl">
                {money(r.totalControlCost, r.currency)}
              </Text>
            </Paper>
          </SimpleGrid>
          <Text size="xs">ALE (annualised loss expectancy) = expected events a year × expected loss per event, exact from each scenario&apos;s ranges; totals add them up.</Text>
          <Table aria-label="Security scenarios by expected annual loss" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Scenario</Table.Th>
                <Table.Th scope="col" aria-sort="descending">
                  ALE before
                </Table.Th>
                <Table.Th scope="col">ALE after</Table.Th>
                <Table.Th scope="col">ROSI</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.scenarios.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Link to="/cases/$id" params={{ id: s.id }}>
                      {s.title}
                    </Link>
                  </Table.Td>
                  <Table.Td>{s.aleBefore === null ? '—' : money(s.aleBefore, s.currency)}</Table.Td>
                  <Table.Td>{s.aleAfter === null ? '—' : money(s.aleAfter, s.currency)}</Table.Td>
                  <Table.Td>{pct(s.rosi)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {r.scenarios.length ? (
            <Group align="flex-start">
              <div style={{ flex: 1, minWidth: 280 }}>
                <Title order={2} size="h4">
                  Portfolio loss exceedance
                </Title>
                <Text size="xs" mb="xs">
                  All scenarios simulated together over {r.iterations.toLocaleString('en-GB')} years (seeded): the chance that a year&apos;s total loss exceeds each amount.
                </Text>
                <ExceedanceChart before={r.exceedance.before} after={r.exceedance.after} currency={r.currency} title="Portfolio loss exceedance" />
              </div>
            </Group>
          ) : (
            <Text>No security scenarios yet.</Text>
          )}
        </>
      ) : null}
    </Page>
  );
}
