import { Alert, Button, CopyButton, Group, List, Text } from '@mantine/core';
import type { TPulseInvitations } from '@tandem/contracts';

function downloadCsv(links: string[]) {
  const lines = ['link', ...links.map((l) => `"${l.replace(/"/g, '""')}"`)];
  const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'pulse-unlinked-links.csv';
  a.click();
  URL.revokeObjectURL(url);
}

/** What issuing just did: mailed counts, or the unlinked links, shown once (the server keeps only their hashes). */
export function InvitationLinks({ result }: { result: TPulseInvitations }) {
  if ('mailed' in result) {
    return (
      <Alert color="teal" variant="light" role="status" title="Invitations sent">
        {result.issued === 0
          ? 'Everyone in the audience already has a link.'
          : `${result.mailed} personal links were mailed. They are not shown here, so nobody else can answer in someone’s name.`}
      </Alert>
    );
  }
  return (
    <Alert color="teal" variant="light" role="status" title={`${result.links.length} unlinked links issued`}>
      <Text size="sm" mb="xs">
        These links are tied to no one: hand one to each person. Each works once and asks for the respondent’s side and level. Copy, download or print them now: they are not shown again.
      </Text>
      <Group mb="xs">
        <Button variant="default" onClick={() => downloadCsv(result.links)}>
          Download links as CSV
        </Button>
        <CopyButton value={result.links.join('\n')} timeout={2000}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy all'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={() => window.print()}>
          Print
        </Button>
      </Group>
      <List size="xs" data-testid="unlinked-links" styles={{ item: { wordBreak: 'break-all', fontFamily: 'monospace' } }}>
        {result.links.map((l) => (
          <List.Item key={l}>{l}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
