import { Button, Loader, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Page } from '../../../components/Page';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasRole, useCurrentMe } from '../../org';
import { useCases } from '../api/get-cases';
import { money, pct } from '../labels';

/** Business cases, best median NPV first. */
export function CasesPage() {
  const me = useCurrentMe();
  const canEdit = hasRole(me.current?.role, 'leader');
  const q = useCases('business');
  return (
    <Page
      title="Business cases"
      actions={
        <>
          <Button component={Link} to="/cases/register" variant="default">
            Security register
          </Button>
          {canEdit ? (
            <Button component={Link} to="/cases/new/business">
              New business case
            </Button>
          ) : null}
        </>
      }
    >
      <Text size="sm">Each case is simulated from its ranges ({'PERT per line, seeded Monte Carlo'}); the median NPV is the middle outcome and the chance of profit is the share of outcomes with NPV above zero.</Text>
      <ErrorAlert error={q.error} />
      {q.isPending ? <Loader aria-label="Loading cases" /> : null}
      {q.data ? (
        q.data.items.length === 0 ? (
          <Text>No business cases yet.</Text>
        ) : (
          <Table aria-label="Business cases" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Initiative</Table.Th>
                <Table.Th scope="col">Median NPV (P50)</Table.Th>
                <Table.Th scope="col">Chance NPV &gt; 0</Table.Th>
                <Table.Th scope="col">Version</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Link to="/cases/$id" params={{ id: c.id }}>
                      {c.title}
                    </Link>
                  </Table.Td>
                  <Table.Td>{c.initiative?.title ?? '—'}</Table.Td>
                  <Table.Td>{c.npvP50 === null ? '—' : money(c.npvP50, c.currency)}</Table.Td>
                  <Table.Td>{pct(c.probabilityPositive)}</Table.Td>
                  <Table.Td>{c.version}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      ) : null}
    </Page>
  );
}
