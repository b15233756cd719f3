import { Alert, Anchor, Button, Code, Group, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { useAudit } from '../api/get-audit';
import { useCurrentMe } from '../api/get-me';
import { hasRole } from '../roles';
import { WideTable } from '../../../components/WideTable';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function AuditPage() {
  const me = useCurrentMe();
  if (!hasRole(me.current?.role, 'admin')) {
    return (
      <Page title="Audit log">
        <Alert color="blue" variant="light" role="status">
          Only owners and admins can read the audit log.
        </Alert>
      </Page>
    );
  }
  return (
    <Page title="Audit log">
      <AuditTable />
    </Page>
  );
}

function AuditTable() {
  const audit = useAudit();
  if (audit.isPending) return <FullPageLoader />;
  if (audit.isError) return <ErrorAlert error={audit.error} title="The audit log could not be loaded" />;
  const entries = audit.data.pages.flatMap((p) => p.items);
  return (
    <>
      <Text size="sm" c="dimmed">
        Who changed what, newest first ({entries.length} {entries.length === 1 ? 'entry' : 'entries'} shown).
      </Text>
      <WideTable label="Audit log" minWidth={720}>
        <Table aria-label="Audit log" striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Target</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={e.at}>{when.format(new Date(e.at))}</time>
                </Table.Td>
                <Table.Td>{e.actorName ?? 'System'}</Table.Td>
                <Table.Td>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.targetLink ? (
                    <Anchor href={e.targetLink} size="sm">
                      {e.targetName}
                    </Anchor>
                  ) : (
                    (e.targetName ?? '')
                  )}
                </Table.Td>
                <Table.Td>
                  {e.details ? (
                    <Text size="xs" ff="monospace">
                      {Object.entries(e.details)
                        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
                        .join(', ')}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </WideTable>
      {audit.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            Show older entries
          </Button>
        </Group>
      ) : null}
    </>
  );
}
