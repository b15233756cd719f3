import { Alert, Button, CopyButton, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TPulseInvitations } from '@tandem/contracts';
import { ScrollRegion } from './ScrollRegion';

/** Quotes a CSV cell and neutralises spreadsheet formulas (OWASP CSV injection). */
const cell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

function downloadCsv(invitations: TPulseInvitations['invitations']) {
  const lines = ['name,email,link', ...invitations.map((i) => [i.name, i.email, i.url ?? ''].map(cell).join(','))];
  const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'pulse-links.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** The links just created. They are shown once: the server keeps only their hashes. */
export function InvitationLinks({ result }: { result: TPulseInvitations }) {
  if (result.created === 0) {
    return (
      <Alert color="gray" variant="light" role="status">
        Everyone in the audience already has a link.
      </Alert>
    );
  }
  if (result.emailed > 0) {
    return (
      <Alert color="teal" variant="light" role="status" title="Invitations sent">
        {result.emailed} personal links were emailed. They are not shown here, so nobody else can answer in someone’s name.
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status" title={`${result.created} personal links created`}>
      <Text size="sm" mb="xs">
        Mail is not configured: send each person their own link. Each works once; copy them now or download them, they are not shown again.
      </Text>
      <Group mb="xs">
        <Button variant="default" onClick={() => downloadCsv(result.invitations)}>
          Download links as CSV
        </Button>
      </Group>
      <ScrollRegion label="Personal survey links" minWidth={520}>
        <Table aria-label="Personal survey links" data-testid="pulse-links">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Link</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Copy</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.invitations.map((i) => (
              <Table.Tr key={i.personId}>
                <Table.Td>
                  {i.name}
                  <Text size="xs" c="dimmed">
                    {i.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" data-testid="pulse-link" style={{ wordBreak: 'break-all' }}>
                    {i.url}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <CopyButton value={i.url ?? ''} timeout={2000}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={`Copy the link for ${i.name}`}>
                        {copied ? 'Copied' : 'Copy'}
                      </Button>
                    )}
                  </CopyButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Alert>
  );
}
