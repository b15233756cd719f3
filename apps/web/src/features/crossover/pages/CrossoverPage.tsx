import { useState } from 'react';
import { Alert, Button, Code, Group, Tabs, Text } from '@mantine/core';
import { Page } from '../../../components/Page';
import { hasRole, useCurrentMe } from '../../org';
import { useCalendarFeed, useCrossoverMe, useRevokeCalendarFeed } from '../api/crossover';
import { CoffeeTab } from '../components/CoffeeTab';
import { OpenHoursTab } from '../components/OpenHoursTab';
import { OpenMicTab } from '../components/OpenMicTab';
import { SitInsTab } from '../components/SitInsTab';

/** Cross-over programmes: coffee pairs, leaders' open hours, the daily open mic and sit-ins. */
export function CrossoverPage() {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const person = useCrossoverMe();
  const myPersonId = person.data?.personId ?? null;
  return (
    <Page title="Cross-over">
      <Text size="sm" c="dimmed" maw={760}>
        Putting IT and Business in the same room: coffee across sides, an hour with a leader, a daily open mic, and a seat in leadership meetings.
      </Text>
      <CalendarFeed />
      <Tabs defaultValue="coffee" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="coffee">Coffee pairs</Tabs.Tab>
          <Tabs.Tab value="open-hours">Open hours</Tabs.Tab>
          <Tabs.Tab value="open-mic">Open mic</Tabs.Tab>
          <Tabs.Tab value="sit-ins">Sit-ins</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="coffee" pt="md">
          <CoffeeTab leader={leader} myPersonId={myPersonId} />
        </Tabs.Panel>
        <Tabs.Panel value="open-hours" pt="md">
          <OpenHoursTab leader={leader} />
        </Tabs.Panel>
        <Tabs.Panel value="open-mic" pt="md">
          <OpenMicTab leader={leader} />
        </Tabs.Panel>
        <Tabs.Panel value="sit-ins" pt="md">
          <SitInsTab leader={leader} myPersonId={myPersonId} />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}

function CalendarFeed() {
  const create = useCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => create.mutate(undefined, { onSuccess: (r) => setUrl(r.url) })}>
        Calendar feed URL (new)
      </Button>
      <Button size="xs" variant="subtle" onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}>
        Revoke feed
      </Button>
      {url ? (
        <Alert color="blue" variant="light" p="xs">
          Subscribe in your calendar (shown once; keep it secret): <Code style={{ wordBreak: 'break-all' }}>{url}</Code>
        </Alert>
      ) : null}
    </Group>
  );
}
