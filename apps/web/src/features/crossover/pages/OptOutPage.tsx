import { useState } from 'react';
import { Alert, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TOptOutAnswer } from '@tandem/contracts';
import { errorMessage } from '../../../lib/api';
import { optOutByLink } from '../api/crossover';

/**
 * The opt-out link of a coffee mail, without signing in (decision 076): the person opts out, or
 * pauses until a day instead. Nothing happens on arrival (a mail scanner only loads the page);
 * the buttons post to the server, which acts for the link's own member.
 */
export function OptOutPage({ token }: { token: string }) {
  const [done, setDone] = useState<TOptOutAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const send = (pausedUntil?: string) => {
    setError(null);
    setBusy(true);
    optOutByLink(token, pausedUntil).then(
      (r) => setDone(r),
      (e: unknown) => setError(errorMessage(e)),
    ).finally(() => setBusy(false));
  };
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="lg" maw={520} w="100%">
        <Stack>
          <Title order={1} size="h3">
            Coffee pairs: opt out or pause
          </Title>
          {done ? (
            <Alert color="green" role="status">
              {done.optedOut ? `You are opted out of "${done.programmeName}". You will not be paired again unless you opt in.` : `"${done.programmeName}" is paused for you until ${done.pausedUntil}.`}
            </Alert>
          ) : null}
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Text size="sm">Opting out removes you from this programme&apos;s rounds. Away for a while? Pause instead and stay in.</Text>
          <Button color="red" onClick={() => send()} loading={busy} w="fit-content">
            Opt me out
          </Button>
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              if (until) send(until);
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput type="date" label="Pause until (the last day away)" value={until} onChange={(e) => setUntil(e.currentTarget.value)} required />
              <Button type="submit" variant="default" loading={busy}>
                Pause instead
              </Button>
            </Group>
          </form>
        </Stack>
      </Paper>
    </Center>
  );
}
