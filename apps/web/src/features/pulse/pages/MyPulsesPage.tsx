import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { useMyPulseForm, useMyPulses, useSubmitMyResponse } from '../api/my-pulses';
import { linkProblem, ResponseForm } from './RespondPage';

/**
 * "My pulses": the open pulses the signed-in member was invited to. They answer here without a
 * link; the answer is stored without their identity (decision 024). Only their own answered state
 * is shown, never anyone else's.
 */
export function MyPulsesPage() {
  const mine = useMyPulses();
  const [openId, setOpenId] = useState<string | null>(null);
  const form = useMyPulseForm(openId);
  const submit = useSubmitMyResponse();

  if (mine.isPending) return <FullPageLoader />;
  if (mine.isError) return <ErrorAlert error={mine.error} title="Your pulses could not be loaded" />;
  if (openId) {
    return (
      <Page title="Answer a pulse">
        <Group>
          <Button
            variant="default"
            onClick={() => {
              setOpenId(null);
              submit.reset();
            }}
          >
            Back to my pulses
          </Button>
        </Group>
        {form.isPending ? (
          <FullPageLoader />
        ) : form.isError ? (
          <Alert color="gray" variant="light" title={linkProblem(form.error).title} role="status">
            {linkProblem(form.error).text}
          </Alert>
        ) : (
          <ResponseForm form={form.data} pending={submit.isPending} error={submit.error} success={submit.isSuccess} onSubmit={(body) => submit.mutate({ id: openId, body })} />
        )}
      </Page>
    );
  }
  return (
    <Page title="My pulses">
      <Text size="sm">Pulses you are invited to answer. Your answers are stored without your name; no one, including leaders, can see whether you answered.</Text>
      {mine.data.pulses.length === 0 ? (
        <Alert color="gray" variant="light" role="status">
          No open pulse is waiting for you.
        </Alert>
      ) : (
        <Stack gap="sm" data-testid="my-pulses">
          {mine.data.pulses.map((p) => (
            <Card key={p.id} withBorder padding="md">
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Text fw={600}>{p.title}</Text>
                  {p.closesAt ? <Text size="sm">Open until {new Date(p.closesAt).toLocaleDateString()}</Text> : null}
                </div>
                {p.answered ? (
                  <Badge color="teal" variant="light">
                    You answered
                  </Badge>
                ) : (
                  <Button onClick={() => setOpenId(p.id)} aria-label={`Answer ${p.title}`}>
                    Answer
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Page>
  );
}
