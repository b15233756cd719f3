import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, NumberInput, Paper, Select, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { findPulseTemplate } from '@tandem/core';
import type { TCreatePulseRequest } from '@tandem/contracts';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { useAudienceMatch } from '../api/audience';
import { useCreatePulse } from '../api/create-pulse';

const TEMPLATE = findPulseTemplate('tech-priorities-alignment')!;
const STEPS = ['Basics', 'Statements', 'Audience', 'Schedule', 'Review'] as const;
/** Which step each server field error belongs to, so a refused pulse shows the step to fix. */
const STEP_OF: Record<string, number> = { title: 0, questions: 1, audience: 2, 'audience.department': 2, 'audience.location': 2, minGroupSize: 2, minCommentGroupSize: 2, opensAt: 3, closesAt: 3, repeat: 3 };
const REPEAT = [
  { value: 'none', label: 'Does not repeat' },
  { value: 'month', label: 'Every month' },
  { value: 'quarter', label: 'Every quarter' },
];

/**
 * "New pulse" as a short step-by-step form (issue 17): basics, statements (with the template's
 * statements previewed), audience (with the live "matches N people" count), schedule (dates and
 * repeat) and a review of everything before it is created as a draft. Plain words throughout:
 * "minimum group size", never "k".
 */
export function NewPulseForm({ onCancel }: { onCancel: () => void }) {
  const create = useCreatePulse();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState(true);
  const [extra, setExtra] = useState('');
  const [k, setK] = useState<number | string>(5);
  const [kComments, setKComments] = useState<number | string>(10);
  const [side, setSide] = useState<string | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [location, setLocation] = useState<string | null>(null);
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [repeat, setRepeat] = useState<string>('none');
  const [autoOpen, setAutoOpen] = useState(false);
  const [tried, setTried] = useState(false);
  const audience = {
    ...(side ? { side: side as 'it' | 'business' } : {}),
    ...(level ? { level: level as 'leader' | 'employee' } : {}),
    ...(department ? { department } : {}),
    ...(location ? { location } : {}),
  };
  const match = useAudienceMatch(audience);
  const questions = extra
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  const statements = [...(template ? TEMPLATE.statements : []), ...questions];
  const errors = fieldErrors(create.error);

  // What stops each step, said in words before the server is asked.
  const problems: (string | null)[] = [
    title.trim() ? null : 'Give the pulse a title.',
    statements.length > 0 ? null : 'Start from the template or write at least one statement.',
    Number(k) >= 3 ? (Number(kComments) >= Number(k) ? null : 'The minimum group for comments must be at least the minimum group size.') : 'The minimum group size is never below 3.',
    closesOn && opensOn && closesOn <= opensOn
      ? `The closing date ${closesOn} is not after the opening date ${opensOn}.`
      : repeat !== 'none' && !closesOn
        ? 'A repeating pulse needs a closing date, so that each one closes by itself.'
        : null,
    null,
  ];
  const next = () => {
    setTried(true);
    if (problems[step] === null) {
      setTried(false);
      setStep((s) => Math.min(s + 1, STEPS.length - 1));
    }
  };
  const body: TCreatePulseRequest = {
    title: title.trim(),
    ...(template ? { template: 'tech-priorities-alignment' as const } : {}),
    ...(questions.length ? { questions: questions.map((text) => ({ text })) } : {}),
    minGroupSize: Number(k),
    minCommentGroupSize: Number(kComments),
    audience,
    ...(opensOn ? { opensAt: new Date(`${opensOn}T08:00:00Z`).toISOString() } : {}),
    ...(closesOn ? { closesAt: new Date(`${closesOn}T23:59:59Z`).toISOString() } : {}),
    ...(repeat !== 'none' ? { repeat: { every: repeat as 'month' | 'quarter', autoOpen } } : {}),
  };
  const audienceWords = [side ? (side === 'it' ? 'IT' : 'Business') : null, level ? (level === 'leader' ? 'leaders' : 'employees') : null, department, location].filter(Boolean).join(', ') || 'all active people';

  return (
    <Paper withBorder p="md" maw={820}>
      <form
        aria-labelledby="new-pulse-title"
        onSubmit={(e) => {
          e.preventDefault();
          if (step < STEPS.length - 1) return next();
          create.mutate(body, {
            onSuccess: (p) => navigate({ to: '/pulses/$id', params: { id: p.id } }),
            onError: (err) => {
              const first = Object.keys(fieldErrors(err))[0];
              if (first !== undefined && STEP_OF[first] !== undefined) setStep(STEP_OF[first]!);
            },
          });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-pulse-title">
            New pulse
          </Title>
          <Stepper active={step} onStepClick={(s) => (s < step ? setStep(s) : undefined)} size="sm" allowNextStepsSelect={false}>
            {STEPS.map((label) => (
              <Stepper.Step key={label} label={label} />
            ))}
          </Stepper>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="pulse-step">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </Text>

          {step === 0 ? (
            <>
              <TextInput label="Title" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title ?? (tried && problems[0]) ?? undefined} />
              <Checkbox label={`Start from the template “${TEMPLATE.title}” (${TEMPLATE.statements.length} statements)`} checked={template} onChange={(e) => setTemplate(e.currentTarget.checked)} />
              {template ? (
                <div>
                  <Text size="sm" fw={500}>
                    The template asks, on a 5-point scale from strongly disagree to strongly agree:
                  </Text>
                  <List size="sm" type="ordered" data-testid="template-preview">
                    {TEMPLATE.statements.map((s) => (
                      <List.Item key={s}>{s}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
            </>
          ) : null}

          {step === 1 ? (
            <Textarea
              label="More statements"
              description="One per line, answered on the same 5-point agreement scale. The same statement keeps its history across pulses."
              autosize
              minRows={3}
              value={extra}
              onChange={(e) => setExtra(e.currentTarget.value)}
              error={errors.questions ?? (tried && problems[1]) ?? undefined}
            />
          ) : null}

          {step === 2 ? (
            <>
              <Text size="sm" fw={500}>
                Who is asked: all active people, or only those matching every filter
              </Text>
              <Group grow align="flex-start">
                <Select label="Side" placeholder="Both" clearable data={[{ value: 'it', label: 'IT' }, { value: 'business', label: 'Business' }]} value={side} onChange={setSide} />
                <Select label="Level" placeholder="Both" clearable data={[{ value: 'leader', label: 'Leaders' }, { value: 'employee', label: 'Employees' }]} value={level} onChange={setLevel} />
              </Group>
              <Group grow align="flex-start">
                <Select label="Department" placeholder="Any" clearable searchable data={match.data?.departments ?? []} value={department} onChange={setDepartment} error={errors['audience.department']} />
                <Select label="Location" placeholder="Any" clearable searchable data={match.data?.locations ?? []} value={location} onChange={setLocation} error={errors['audience.location']} />
              </Group>
              <Text size="sm" aria-live="polite" data-testid="audience-match" c={match.data?.matches === 0 ? 'red.8' : undefined}>
                {match.data === undefined
                  ? 'Counting the people this audience matches…'
                  : match.data.matches === 0
                    ? 'Matches nobody: a pulse whose audience matches no one cannot be opened.'
                    : `Matches ${match.data.matches} ${match.data.matches === 1 ? 'person' : 'people'} in the directory.`}
              </Text>
              <NumberInput
                label="Minimum group size"
                description="No number is shown for fewer people than this, directly or by combining published numbers; never below 3."
                min={3}
                value={k}
                onChange={setK}
                error={errors.minGroupSize ?? (tried && problems[2]) ?? undefined}
              />
              <NumberInput label="Minimum group for comments" description="Comments appear only when at least this many people answered." min={3} value={kComments} onChange={setKComments} error={errors.minCommentGroupSize} />
            </>
          ) : null}

          {step === 3 ? (
            <>
              <Group grow align="flex-start">
                <TextInput type="date" label="Opens on (optional)" description="Leave empty to open it yourself by issuing links." value={opensOn} onChange={(e) => setOpensOn(e.currentTarget.value)} error={errors.opensAt} />
                <TextInput type="date" label="Closes on" description="Optional unless it repeats: it closes by itself at the end of that day." value={closesOn} onChange={(e) => setClosesOn(e.currentTarget.value)} error={errors.closesAt ?? (tried && problems[3]) ?? undefined} />
              </Group>
              <Select label="Repeat" data={REPEAT} value={repeat} onChange={(v) => setRepeat(v ?? 'none')} allowDeselect={false} maw={320} />
              {repeat !== 'none' ? (
                <Checkbox
                  label="Open each next pulse by itself on its date (links go out as issuing sends them); otherwise it waits as a draft for you to review"
                  checked={autoOpen}
                  onChange={(e) => setAutoOpen(e.currentTarget.checked)}
                />
              ) : null}
            </>
          ) : null}

          {step === 4 ? (
            <div data-testid="pulse-review">
              <Text size="sm">
                <strong>{title.trim()}</strong>: {statements.length} statements, asked of {audienceWords}
                {match.data ? ` (${match.data.matches} ${match.data.matches === 1 ? 'person' : 'people'} today)` : ''}.
              </Text>
              <Text size="sm">
                Minimum group size {String(k)}; comments from {String(kComments)} people.
              </Text>
              <Text size="sm">
                {opensOn ? `Opens on ${opensOn}` : 'Opens when you issue links'}
                {closesOn ? `, closes at the end of ${closesOn}` : ', closes when you close it'}.
                {repeat !== 'none' ? ` Repeats every ${repeat}${autoOpen ? ', each next pulse opening by itself' : ', each next pulse waiting as a draft'}.` : ' Does not repeat.'}
              </Text>
              <Text size="sm" c="dimmed">
                It is created as a draft: nothing is sent until links are issued.
              </Text>
            </div>
          ) : null}

          {tried && problems[step] ? (
            <Alert color="red" role="alert">
              {problems[step]}
            </Alert>
          ) : null}
          {create.isError && Object.keys(errors).length === 0 ? <Alert color="red">{errorMessage(create.error)}</Alert> : null}
          <Group>
            {step > 0 ? (
              <Button variant="default" onClick={() => setStep((s) => s - 1)}>
                Back
              </Button>
            ) : null}
            {/* Distinct keys: reusing one DOM button would turn the clicked Next into a submit before its default action runs. */}
            {step < STEPS.length - 1 ? (
              <Button key="next" onClick={next}>
                Next
              </Button>
            ) : (
              <Button key="create" type="submit" loading={create.isPending}>
                Create pulse
              </Button>
            )}
            <Button variant="subtle" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
