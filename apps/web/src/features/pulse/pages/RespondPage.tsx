import { useState } from 'react';
import { Alert, Button, Container, Fieldset, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TRespondForm } from '@tandem/contracts';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { usePageTitle } from '../../../components/usePageTitle';
import { ApiError, errorMessage } from '../../../lib/api';
import { useResponseForm, useSubmitResponse } from '../api/respond';

/** Why a link does not open, in the respondent's terms. */
function linkProblem(e: unknown): { title: string; text: string } {
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 409) return { title: 'Already answered', text: 'This link has been used. Each personal link works once. Thank you for taking part.' };
  if (status === 410) return { title: 'This pulse has closed', text: 'Responses are no longer collected. Thank you all the same.' };
  if (status === 404) return { title: 'This link is not valid', text: 'Check that you opened the whole link from your invitation.' };
  return { title: 'Something went wrong', text: errorMessage(e) };
}

/** The public survey page: no sign-in, one column, large touch targets, every answer labelled. */
export function RespondPage({ token }: { token: string }) {
  const form = useResponseForm(token);
  usePageTitle(form.data ? form.data.title : 'Alignment Pulse');
  return (
    <Container size={640} px="md" py="lg" component="main">
      {form.isPending ? (
        <FullPageLoader />
      ) : form.isError ? (
        <Alert color="gray" variant="light" title={linkProblem(form.error).title} role="status">
          {linkProblem(form.error).text}
        </Alert>
      ) : (
        <ResponseForm token={token} form={form.data} />
      )}
    </Container>
  );
}

function ResponseForm({ token, form }: { token: string; form: TRespondForm }) {
  const submit = useSubmitResponse();
  const [values, setValues] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);

  if (submit.isSuccess) {
    return (
      <Alert color="teal" variant="light" title="Thank you" role="status">
        Your answers are in. They are stored without your name, your link or the time, and no result is shown for groups smaller than {form.minGroupSize}.
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const gaps = form.questions.filter((q) => !values[q.id]).map((q) => q.id);
        setMissing(gaps);
        if (gaps.length) {
          document.getElementById(`q-${gaps[0]}`)?.focus();
          return;
        }
        submit.mutate({
          token,
          body: {
            answers: form.questions.map((q) => ({
              questionId: q.id,
              value: Number(values[q.id]),
              ...(comments[q.id]?.trim() ? { comment: comments[q.id]!.trim() } : {}),
            })),
          },
        });
      }}
    >
      <Stack gap="lg">
        <div>
          <Text size="sm" c="dimmed">
            {form.organisation}
          </Text>
          <Title order={1} size="h2">
            {form.title}
          </Title>
          <Text size="sm" mt="xs">
            How far do you agree with each statement? It takes about two minutes. Your answers are anonymous: no name, link or time is stored with them, and no result is shown for fewer than{' '}
            {form.minGroupSize} people.
            {form.closesAt ? ` Open until ${new Date(form.closesAt).toLocaleDateString()}.` : ''}
          </Text>
        </div>
        {form.questions.map((q, i) => (
          <Fieldset key={q.id} legend={`${i + 1}. ${q.text}`} variant="filled">
            <Radio.Group
              id={`q-${q.id}`}
              tabIndex={-1}
              value={values[q.id] ?? null}
              onChange={(v) => setValues((s) => ({ ...s, [q.id]: v }))}
              aria-label={q.text}
              error={missing.includes(q.id) ? 'Choose an answer' : undefined}
            >
              <Stack gap={10} mt={4}>
                {form.scale.map((s) => (
                  <Radio key={s.value} value={String(s.value)} label={s.label} size="md" />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              mt="sm"
              label="Comment (optional)"
              description={`Shown only when at least the comment minimum of people answered, without your group.`}
              autosize
              minRows={1}
              maxLength={2000}
              value={comments[q.id] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setComments((s) => ({ ...s, [q.id]: v }));
              }}
            />
          </Fieldset>
        ))}
        {missing.length ? (
          <Alert color="red" role="alert">
            Please answer every statement ({missing.length} left).
          </Alert>
        ) : null}
        {submit.isError ? (
          <Alert color="red" role="alert" title={linkProblem(submit.error).title}>
            {linkProblem(submit.error).text}
          </Alert>
        ) : null}
        <Button type="submit" size="md" loading={submit.isPending} fullWidth>
          Send my answers
        </Button>
      </Stack>
    </form>
  );
}
