import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TRoundtable } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { usePeople } from '../../org';
import { useRequests } from '../../requests';
import { useRoadmapQuery } from '../../strategy';
import { useActionDone, useAddInsight, useCreateAction, useEditRoundtable, useEventsMe, useRoundtable, useRoundtableAttendance } from '../api/events';
import { SIDE_LABEL } from '../components/labels';

type Insight = TRoundtable['insights'][number];
type LinkType = 'goal' | 'initiative' | 'request';
const LINK_LABEL: Record<LinkType, string> = { goal: 'Goal', initiative: 'Initiative', request: 'Request' };

/** One round-table: who came, the questions and notes, the insights and what came of each. */
export function RoundtablePage({ id }: { id: string }) {
  const rt = useRoundtable(id);
  const me = useEventsMe();
  if (rt.isPending || me.isPending) return <FullPageLoader />;
  if (rt.isError) return <ErrorAlert error={rt.error} title="The round-table could not be loaded" />;
  const r = rt.data;
  const leader = me.data?.actsForOthers ?? false;
  return (
    <Page title={r.title}>
      <Text size="sm" c="dimmed">
        {r.date}.{' '}
        <Anchor underline="always" component={Link} to="/roundtables" size="sm">
          All round-tables
        </Anchor>
      </Text>
      <Paper withBorder p="md" component="section" aria-label="What came of it">
        <Title order={2} size="h4" mb="xs">
          What came of it
        </Title>
        <Text size="sm" data-testid="roundtable-outcome">
          {r.insights.length} insights, {r.actions.total} turned into actions, {r.actions.done} of them done.
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <QuestionsAndNotes r={r} leader={leader} />
        <Attendance r={r} leader={leader} />
      </SimpleGrid>
      <Insights r={r} leader={leader} />
    </Page>
  );
}

/** The questions and notes; leaders edit them after the meeting, when the notes are written up. */
function QuestionsAndNotes({ r, leader }: { r: TRoundtable; leader: boolean }) {
  const edit = useEditRoundtable();
  const [draft, setDraft] = useState<{ questions: string; notes: string } | null>(null);
  return (
    <Paper withBorder p="md" component="section" aria-label="Questions and notes">
      {draft ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            const questions = draft.questions
              .split('\n')
              .map((q) => q.trim())
              .filter(Boolean);
            edit.mutate({ id: r.id, questions, notes: draft.notes }, { onSuccess: () => setDraft(null) });
          }}
        >
          <Textarea label="Questions (one a line)" value={draft.questions} onChange={(e) => setDraft({ ...draft, questions: e.currentTarget.value })} autosize minRows={2} />
          <Textarea label="Notes" value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} autosize minRows={4} mt="sm" />
          <FormError error={edit.error} fields={[]} />
          <Group mt="sm" gap="xs">
            <Button type="submit" size="xs" loading={edit.isPending}>
              Save notes
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setDraft(null)}>
              Cancel
            </Button>
          </Group>
        </form>
      ) : (
        <>
          <Title order={2} size="h4" mb="xs">
            Questions
          </Title>
          {r.questions.length ? (
            <List size="sm" type="ordered">
              {r.questions.map((q) => (
                <List.Item key={q}>{q}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">No questions recorded.</Text>
          )}
          <Title order={3} size="h5" mt="sm" mb={4}>
            Notes
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="roundtable-notes">
            {r.notes || 'No notes.'}
          </Text>
          {leader ? (
            <Button size="xs" variant="light" mt="sm" onClick={() => setDraft({ questions: r.questions.join('\n'), notes: r.notes })}>
              Edit questions and notes
            </Button>
          ) : null}
        </>
      )}
    </Paper>
  );
}

function Attendance({ r, leader }: { r: TRoundtable; leader: boolean }) {
  const mark = useRoundtableAttendance();
  const came = r.invitees.filter((i) => i.attended).length;
  return (
    <Paper withBorder p="md" component="section" aria-label="Attendance">
      <Title order={2} size="h4" mb="xs">
        Attendance ({came} of {r.invitees.length})
      </Title>
      <Stack gap={4}>
        {r.invitees.map((i) =>
          leader ? (
            <Checkbox key={i.personId} label={`${i.name} (${SIDE_LABEL[i.side]})`} checked={i.attended} onChange={(e) => mark.mutate({ id: r.id, personId: i.personId, attended: e.currentTarget.checked })} />
          ) : (
            <Text key={i.personId} size="sm">
              {i.name} ({SIDE_LABEL[i.side]}): {i.attended ? 'came' : 'did not come'}
            </Text>
          ),
        )}
      </Stack>
      {mark.error ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(mark.error)}
        </Alert>
      ) : null}
    </Paper>
  );
}

function Insights({ r, leader }: { r: TRoundtable; leader: boolean }) {
  const add = useAddInsight();
  const [text, setText] = useState('');
  const people = usePeople(false);
  const names = new Map((people.data?.people ?? []).map((p) => [p.id, p.name]));
  return (
    <Paper withBorder p="md" component="section" aria-label="Insights and actions">
      <Title order={2} size="h4" mb="xs">
        Insights and actions
      </Title>
      {leader ? (
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            add.mutate({ id: r.id, text }, { onSuccess: () => setText('') });
          }}
        >
          <Group align="flex-end">
            <Textarea label="A new insight" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} style={{ flex: 1 }} required />
            <Button type="submit" loading={add.isPending}>
              Record insight
            </Button>
          </Group>
          <FormError error={add.error} fields={[]} />
        </form>
      ) : null}
      <Stack mt="sm">
        {r.insights.length === 0 ? <Text size="sm">No insights recorded yet.</Text> : null}
        {r.insights.map((i) => (
          <InsightRow key={i.id} roundtableId={r.id} insight={i} leader={leader} ownerName={i.action ? names.get(i.action.ownerId) : undefined} />
        ))}
      </Stack>
    </Paper>
  );
}

function InsightRow({ roundtableId, insight, leader, ownerName }: { roundtableId: string; insight: Insight; leader: boolean; ownerName?: string }) {
  const done = useActionDone();
  const [open, setOpen] = useState(false);
  const a = insight.action;
  return (
    <Paper withBorder p="sm" component="article" aria-label={insight.text}>
      <Text size="sm" fw={600}>
        {insight.text}
      </Text>
      {a ? (
        <Group gap="xs" mt={4}>
          <Badge variant="light" color={a.done ? 'teal' : 'blue'}>
            {a.done ? 'Done' : 'Open'}
          </Badge>
          <Text size="sm">
            Action: {ownerName ?? 'owner'}, due {a.dueDate}
            {a.done && a.doneAt ? `, done ${a.doneAt.slice(0, 10)}` : ''}
          </Text>
          {a.link ? <LinkedItem type={a.link.type} id={a.link.id} /> : null}
          {leader ? (
            <Button size="xs" variant="default" loading={done.isPending} onClick={() => done.mutate({ id: roundtableId, insightId: insight.id, done: !a.done })} aria-label={`${a.done ? 'Reopen' : 'Mark done'}: ${insight.text}`}>
              {a.done ? 'Reopen' : 'Mark done'}
            </Button>
          ) : null}
        </Group>
      ) : leader ? (
        open ? (
          <ActionForm roundtableId={roundtableId} insight={insight} onDone={() => setOpen(false)} />
        ) : (
          <Button size="xs" variant="light" mt={4} onClick={() => setOpen(true)} aria-label={`Turn into an action: ${insight.text}`}>
            Turn into an action
          </Button>
        )
      ) : (
        <Text size="sm" c="dimmed">
          No action yet.
        </Text>
      )}
      {done.error ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(done.error)}
        </Alert>
      ) : null}
    </Paper>
  );
}

function LinkedItem({ type, id }: { type: LinkType; id: string }) {
  const roadmap = useRoadmapQuery();
  if (type === 'request') {
    return (
      <Anchor underline="always" component={Link} to={`/requests/${id}`} size="sm">
        linked request
      </Anchor>
    );
  }
  const title = (type === 'goal' ? roadmap.data?.goals : roadmap.data?.initiatives)?.find((x) => x.id === id)?.title;
  return (
    <Anchor underline="always" component={Link} to="/roadmap" size="sm">
      {LINK_LABEL[type]}: {title ?? 'on the roadmap'}
    </Anchor>
  );
}

function ActionForm({ roundtableId, insight, onDone }: { roundtableId: string; insight: Insight; onDone: () => void }) {
  const create = useCreateAction();
  const people = usePeople(false);
  const roadmap = useRoadmapQuery();
  const [ownerId, setOwner] = useState<string | null>(null);
  const [dueDate, setDue] = useState('');
  const [linkType, setLinkType] = useState<LinkType | null>(null);
  const [linkId, setLinkId] = useState<string | null>(null);
  const errors = fieldErrors(create.error);
  const linkOptions =
    linkType === 'goal'
      ? (roadmap.data?.goals ?? []).map((g) => ({ value: g.id, label: g.title }))
      : linkType === 'initiative'
        ? (roadmap.data?.initiatives ?? []).map((i) => ({ value: i.id, label: i.title }))
        : [];
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!ownerId) return;
        create.mutate({ id: roundtableId, insightId: insight.id, ownerId, dueDate, link: linkType && linkId ? { type: linkType, id: linkId } : undefined }, { onSuccess: onDone });
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="xs">
        <Select label="Owner" required searchable data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.name }))} value={ownerId} onChange={setOwner} error={errors.ownerId} />
        <TextInput type="date" label="Due" required value={dueDate} onChange={(e) => setDue(e.currentTarget.value)} error={errors.dueDate} />
        <Select
          label="Link to (optional)"
          clearable
          data={(['goal', 'initiative', 'request'] as const).map((t) => ({ value: t, label: LINK_LABEL[t] }))}
          value={linkType}
          onChange={(v) => {
            setLinkType(v as LinkType | null);
            setLinkId(null);
          }}
        />
        {linkType === 'request' ? (
          <RequestSelect value={linkId} onChange={setLinkId} error={errors.link} />
        ) : (
          <Select label="Item" searchable disabled={!linkType} data={linkOptions} value={linkId} onChange={setLinkId} error={errors.link} />
        )}
      </SimpleGrid>
      <FormError error={create.error} fields={['ownerId', 'dueDate', 'link']} />
      <Group mt="xs" gap="xs">
        <Button type="submit" size="xs" loading={create.isPending} disabled={!ownerId}>
          Create action
        </Button>
        <Button size="xs" variant="subtle" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}

/** Mounted only when a request link is chosen: the requests are read then. */
function RequestSelect({ value, onChange, error }: { value: string | null; onChange: (v: string | null) => void; error?: string }) {
  const requests = useRequests({ limit: 500 });
  return <Select label="Item" searchable data={(requests.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))} value={value} onChange={onChange} error={error} />;
}
