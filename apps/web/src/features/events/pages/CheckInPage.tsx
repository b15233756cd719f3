import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { useCheckIn, useDemo, useDemoFeedback, useEventsMe } from '../api/events';
import { utc } from '../components/labels';

/**
 * Where the QR code on screen leads: made for a phone (one column, large buttons). The token in
 * the link says the person was in the room; they check in as the person their account is linked to.
 */
export function CheckInPage({ id, token }: { id: string; token: string }) {
  const demo = useDemo(id);
  const me = useEventsMe();
  const checkIn = useCheckIn();
  const feedback = useDemoFeedback();
  const [done, setDone] = useState<{ alreadyIn: boolean } | null>(null);
  const [answer, setAnswer] = useState<boolean | null>(null);
  if (demo.isPending || me.isPending) return <FullPageLoader />;
  if (demo.isError) return <ErrorAlert error={demo.error} title="This demo could not be found" />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  const d = demo.data;
  const personId = me.data.personId;
  const mine = d.invitees.find((i) => i.personId === personId);
  const checkedIn = done !== null || !!mine?.checkedIn;
  return (
    <Page title="Check in">
      <Paper withBorder p="md" maw={480}>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {d.title}
          </Title>
          <Text size="sm">
            {d.team ? `${d.team}, ` : ''}
            {utc(d.startsAt)}
          </Text>
          {!personId ? (
            <Alert color="gray" variant="light">
              Your account is not linked to a person of this organisation, so you cannot check in; ask an admin to link it.
            </Alert>
          ) : checkedIn ? (
            <Alert color="teal" variant="light" role="status" title="You are checked in">
              {done?.alreadyIn ? 'You had already checked in. ' : ''}Welcome, {me.data.name}.
            </Alert>
          ) : (
            <Button size="lg" fullWidth loading={checkIn.isPending} onClick={() => checkIn.mutate({ id, personId, token }, { onSuccess: (r) => setDone({ alreadyIn: r.alreadyIn }) })}>
              Check in as {me.data.name}
            </Button>
          )}
          {checkIn.error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(checkIn.error)}
            </Alert>
          ) : null}
          {checkedIn && personId ? (
            <section aria-label="Feedback">
              <Text fw={600} mb="xs">
                Did you see value in what was shown?
              </Text>
              {answer !== null ? (
                <Text role="status">Thank you: you answered “{answer ? 'yes' : 'no'}”.</Text>
              ) : (
                <Group grow>
                  <Button size="lg" variant="light" loading={feedback.isPending && feedback.variables?.sawValue === true} onClick={() => feedback.mutate({ id, personId, sawValue: true }, { onSuccess: () => setAnswer(true) })}>
                    Yes
                  </Button>
                  <Button size="lg" variant="default" loading={feedback.isPending && feedback.variables?.sawValue === false} onClick={() => feedback.mutate({ id, personId, sawValue: false }, { onSuccess: () => setAnswer(false) })}>
                    No
                  </Button>
                </Group>
              )}
              {feedback.error ? (
                <Alert color="red" variant="light" role="alert" mt="xs">
                  {errorMessage(feedback.error)}
                </Alert>
              ) : null}
            </section>
          ) : null}
        </Stack>
      </Paper>
    </Page>
  );
}
