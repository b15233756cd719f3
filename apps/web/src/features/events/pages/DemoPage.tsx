import { Alert, Anchor, Badge, Box, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { QRCodeSVG } from 'qrcode.react';
import type { TDemo } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { useRequests } from '../../requests';
import { useRoadmapQuery } from '../../strategy';
import { useCheckIn, useDemo, useEventsMe } from '../api/events';
import { pct, SIDE_LABEL, utc } from '../components/labels';

const RSVP_LABEL = { accepted: 'Coming', declined: 'Not coming', tentative: 'Maybe' } as const;

/** One sprint demo: what was shown, who was invited and came, and (for leaders) the check-in QR code for the screen. */
export function DemoPage({ id }: { id: string }) {
  const demo = useDemo(id);
  const me = useEventsMe();
  if (demo.isPending) return <FullPageLoader />;
  if (demo.isError) return <ErrorAlert error={demo.error} title="The demo could not be loaded" />;
  const d = demo.data;
  const present = d.invitees.filter((i) => i.checkedIn);
  const business = present.filter((i) => i.side === 'business').length;
  const answered = present.filter((i) => i.sawValue !== null);
  return (
    <Page title={d.title}>
      <Text size="sm" c="dimmed">
        {d.team ? `${d.team}, ` : ''}
        {utc(d.startsAt)}, {d.durationMinutes} minutes.{' '}
        <Anchor underline="always" component={Link} to="/demos" size="sm">
          All demos
        </Anchor>
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack>
          <Paper withBorder p="md" component="section" aria-label="Attendance">
            <Title order={2} size="h4" mb="xs">
              Attendance
            </Title>
            <Text size="sm" data-testid="demo-attendance">
              {present.length} checked in of {d.invitees.length} invited; business share {pct(present.length ? business / present.length : null)}.
            </Text>
            <Text size="sm">
              Did you see value in what was shown? {answered.length ? `${answered.filter((a) => a.sawValue).length} of ${answered.length} said yes.` : 'No answer yet.'}
            </Text>
          </Paper>
          <Items d={d} />
        </Stack>
        {d.checkInPath ? <CheckInCode path={d.checkInPath} title={d.title} /> : null}
      </SimpleGrid>
      <Invitees d={d} leader={me.data?.actsForOthers ?? false} />
    </Page>
  );
}

function Items({ d }: { d: TDemo }) {
  const roadmap = useRoadmapQuery();
  const titles = new Map([...(roadmap.data?.initiatives ?? []), ...(roadmap.data?.enablers ?? [])].map((x) => [x.id, x.title]));
  return (
    <Paper withBorder p="md" component="section" aria-label="Items shown">
      <Title order={2} size="h4" mb="xs">
        Items shown
      </Title>
      {d.items.length === 0 ? (
        <Text size="sm">No items recorded.</Text>
      ) : (
        <List size="sm">
          {d.items.map((i) => (
            <List.Item key={`${i.type}:${i.id}`}>
              {i.type === 'request' ? (
                <>
                  Request: <RequestTitle id={i.id} />
                </>
              ) : (
                <>
                  {i.type === 'initiative' ? 'Initiative' : 'Enabler'}: {titles.get(i.id) ?? '…'}
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** A request shown, by title when it is among the newest 500 (one shared list query), with its link. */
function RequestTitle({ id }: { id: string }) {
  const requests = useRequests({ limit: 500 });
  const title = requests.data?.items.find((r) => r.id === id)?.title;
  return (
    <Anchor underline="always" component={Link} to={`/requests/${id}`} size="sm">
      {title ?? 'open the request'}
    </Anchor>
  );
}

/** The link and QR code to show on screen at the session: people scan it and check in as themselves. */
function CheckInCode({ path, title }: { path: string; title: string }) {
  const url = `${window.location.origin}${path}`;
  return (
    <Paper withBorder p="md" component="section" aria-label="Check-in code">
      <Title order={2} size="h4" mb="xs">
        Check-in code for the screen
      </Title>
      <Text size="sm" mb="xs">
        Show this at the session; people scan it with their phone and check in as themselves. It works from 15 minutes before the start to two hours after the end.
      </Text>
      <Box w={196} p={8} bg="white">
        <QRCodeSVG value={url} size={180} marginSize={0} role="img" title={`QR code of the check-in link for ${title}`} aria-label={`QR code of the check-in link for ${title}`} />
      </Box>
      <Text size="sm" mt="xs">
        Or open:{' '}
        <Anchor underline="always" href={path} size="sm" data-testid="check-in-link">
          <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
        </Anchor>
      </Text>
    </Paper>
  );
}

function Invitees({ d, leader }: { d: TDemo; leader: boolean }) {
  const checkIn = useCheckIn();
  return (
    <Paper withBorder p="md" component="section" aria-label="Invitees">
      <Title order={2} size="h4" mb="xs">
        Invitees and attendance
      </Title>
      {checkIn.error ? (
        <Alert color="red" variant="light" role="alert" mb="xs">
          {errorMessage(checkIn.error)}
        </Alert>
      ) : null}
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Invitees (scrolls)">
        <Table striped aria-label="Invitees">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Side</Table.Th>
              <Table.Th scope="col">Answer</Table.Th>
              <Table.Th scope="col">Checked in</Table.Th>
              <Table.Th scope="col">Saw value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.invitees.map((i) => (
              <Table.Tr key={i.personId}>
                <Table.Td>
                  {i.name}
                  {i.invited ? '' : ' (walked in)'}
                </Table.Td>
                <Table.Td>{SIDE_LABEL[i.side]}</Table.Td>
                <Table.Td>{i.rsvp ? RSVP_LABEL[i.rsvp] : 'No answer'}</Table.Td>
                <Table.Td>
                  {i.checkedIn ? (
                    <Badge variant="light" color="teal">
                      Checked in
                    </Badge>
                  ) : leader ? (
                    <Button size="xs" variant="light" loading={checkIn.isPending && checkIn.variables?.personId === i.personId} onClick={() => checkIn.mutate({ id: d.id, personId: i.personId })} aria-label={`Check in ${i.name}`}>
                      Check in
                    </Button>
                  ) : (
                    'Not yet'
                  )}
                </Table.Td>
                <Table.Td>{i.sawValue === null ? '–' : i.sawValue ? 'Yes' : 'No'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      <Group mt="xs">
        <Text size="xs" c="dimmed">
          Leaders can check anyone in from here; everyone else checks in with the code on screen.
        </Text>
      </Group>
    </Paper>
  );
}
