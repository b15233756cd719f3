import { useEffect, useState } from 'react';
import { Alert, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../../../lib/api';
import { answerMet } from '../api/crossover';

/**
 * "Did you meet?" from the mail, without signing in: the link carries the answer (?met=yes|no),
 * which is sent once on arrival; the buttons change it.
 */
export function MetPage({ token, initial }: { token: string; initial: 'yes' | 'no' | undefined }) {
  const [state, setState] = useState<{ met: boolean; programme: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = (met: boolean) => {
    setError(null);
    answerMet(token, met).then(
      (r) => setState({ met: r.met, programme: r.programmeName }),
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  useEffect(() => {
    if (initial) send(initial === 'yes');
    // Once per arrival: the answer in the link is sent a single time.
  }, []);
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder p="lg" maw={480} w="100%">
        <Stack>
          <Title order={1} size="h3">
            Did you meet?
          </Title>
          {state ? (
            <Alert color="green" role="status">
              Thank you: {state.met ? 'you met' : 'you did not meet'} ({state.programme}).
            </Alert>
          ) : null}
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Text size="sm">Your answer helps see whether the coffee pairs work. You can change it here.</Text>
          <Group>
            <Button onClick={() => send(true)}>We met</Button>
            <Button variant="default" onClick={() => send(false)}>
              We did not meet
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
