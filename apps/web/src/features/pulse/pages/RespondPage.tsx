import { useState } from 'react';
import { Alert, Button, Container, Fieldset, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TRespondForm, TSubmitResponseRequest } from '@tandem/contracts';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { usePageTitle } from '../../../components/usePageTitle';
import { ApiError, errorMessage } from '../../../lib/api';
import { useResponseForm, useSubmitResponse } from '../api/respond';

/** Why a link does not open, in the respondent's terms. */
export function linkProblem(e: unknown): { title: string; text: string } {
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 400) return { title: 'Please check your answers', text: errorMessage(e) };
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
        <TokenResponse token={token} form={form.data} />
      )}
    </Container>
  );
}

function TokenResponse({ token, form }: { token: string; form: TRespondForm }) {
  const submit = useSubmitResponse();
  return (
    <ResponseForm form={form} pending={submit.isPending} error={submit.error} success={submit.isSuccess} onSubmit={(body) => submit.mutate({ token, body })} />
  );
}

const SIDE_LABEL: Record<string, string> = { it: 'IT', business: 'The business' };
const LEVEL_LABEL: Record<string, string> = { leader: 'I lead people (leader)', employee: 'I do not lead people (employee)' };

/**
 * The survey form, for a link or for a signed-in member. For an unlinked link (`form.segment`) it
 * first asks the respondent's own side and level (required) and department and location
 * (optional, from the organisation's values).
 */
export function ResponseForm({
  form,
  pending,
  error,
  success,
  onSubmit,
}: {
  form: TRespondForm;
  pending: boolean;
  error: unknown;
  success: boolean;
  onSubmit: (body: TSubmitResponseRequest) => void;
}) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const seg = form.segment;
  const [side, setSide] = useState<string | null>(seg?.side.length === 1 ? seg.side[0]! : null);
  const [level, setLevel] = useState<string | null>(seg?.level.length === 1 ? seg.level[0]! : null);
  const [department, setDepartment] = useState<string | null>(seg?.department.length === 1 ? seg.department[0]! : null);
  const [location, setLocation] = useState<string | null>(seg?.location.length === 1 ? seg.location[0]! : null);
  const segmentMissing = seg ? [...(side ? [] : ['side']), ...(level ? [] : ['level'])] : [];

  if (success) {
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
        const gaps = [...segmentMissing, ...form.questions.filter((q) => !values[q.id]).map((q) => q.id)];
        setMissing(gaps);
        if (gaps.length) {
          document.getElementById(segmentMissing.includes(gaps[0]!) ? `seg-${gaps[0]}` : `q-${gaps[0]}`)?.focus();
          return;
        }
        onSubmit({
          answers: form.questions.map((q) => ({
            questionId: q.id,
            value: Number(values[q.id]),
            ...(comments[q.id]?.trim() ? { comment: comments[q.id]!.trim() } : {}),
          })),
          ...(seg
            ? {
                side: side as 'it' | 'business',
                level: level as 'leader' | 'employee',
                ...(department ? { department } : {}),
                ...(location ? { location } : {}),
              }
            : {}),
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
        {seg ? (
          <Fieldset legend="About you" variant="filled">
            <Text size="sm" mb="xs">
              This link is not tied to anyone, so results can only be grouped by what you state here. It is stored with your answers and nothing else; groups smaller than {form.minGroupSize} are never shown.
            </Text>
            <Stack gap="sm">
              <Radio.Group
                id="seg-side"
                tabIndex={-1}
                label="Where do you work?"
                withAsterisk
                value={side}
                onChange={setSide}
                error={missing.includes('side') ? 'Choose where you work' : undefined}
              >
                <Stack gap={10} mt={4}>
                  {seg.side.map((v) => (
                    <Radio key={v} value={v} label={SIDE_LABEL[v] ?? v} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
              <Radio.Group
                id="seg-level"
                tabIndex={-1}
                label="Your role"
                withAsterisk
                value={level}
                onChange={setLevel}
                error={missing.includes('level') ? 'Choose your role' : undefined}
              >
                <Stack gap={10} mt={4}>
                  {seg.level.map((v) => (
                    <Radio key={v} value={v} label={LEVEL_LABEL[v] ?? v} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
              {seg.department.length ? (
                <Select label="Department (optional)" data={seg.department} value={department} onChange={setDepartment} clearable searchable placeholder="Not stated" />
              ) : null}
              {seg.location.length ? (
                <Select label="Location (optional)" data={seg.location} value={location} onChange={setLocation} clearable searchable placeholder="Not stated" />
              ) : null}
            </Stack>
          </Fieldset>
        ) : null}
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
            {segmentMissing.length && missing.some((m) => segmentMissing.includes(m)) ? 'Please say where you work and your role, and answer every statement.' : `Please answer every statement (${missing.length} left).`}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" role="alert" title={linkProblem(error).title}>
            {linkProblem(error).text}
          </Alert>
        ) : null}
        <Button type="submit" size="md" loading={pending} fullWidth>
          Send my answers
        </Button>
      </Stack>
    </form>
  );
}
