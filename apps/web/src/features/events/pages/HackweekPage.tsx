import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Paper, Select, SimpleGrid, Stack, Stepper, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { HACKWEEK_PHASES, type TEventsMe, type THackweekDetail, type THackweekIdea, type TVoteCategory } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage, fieldErrors } from '../../../lib/api';
import { useRequests } from '../../requests';
import { useCreateInitiative, useRoadmapQuery } from '../../strategy';
import { useEventsMe, useHackweek, useJoinTeam, usePitchIdea, useResults, useSetDemoSlot, useSetOutcome, useSetPhase, useVote } from '../api/events';
import { ActAs } from '../components/ActAs';
import { CATEGORY_LABEL, OUTCOME_LABEL, PHASE_LABEL, SIDE_LABEL, utc } from '../components/labels';

/** One hackweek from idea to outcome: phases, ideas, teams by side, votes, results, outcomes and the report. */
export function HackweekPage({ id }: { id: string }) {
  const hw = useHackweek(id);
  const me = useEventsMe();
  const [actAs, setActAs] = useState<string | null>(null);
  if (hw.isPending || me.isPending) return <FullPageLoader />;
  if (hw.isError) return <ErrorAlert error={hw.error} title="The hackweek could not be loaded" />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  const h = hw.data;
  const personId = actAs ?? me.data.personId;
  return (
    <Page title={h.title}>
      <Text size="sm" c="dimmed">
        {h.theme ? `${h.theme}. ` : ''}
        {h.startDate} to {h.endDate}; teams of at most {h.maxTeamSize}.{' '}
        <Anchor underline="always" component={Link} to="/hackweeks" size="sm">
          All hackweeks
        </Anchor>
      </Text>
      <Phases h={h} leader={me.data.actsForOthers} />
      {h.phase !== 'outcomes' ? <ActAs me={me.data} value={actAs} onChange={setActAs} /> : null}
      {h.phase === 'ideas' || h.phase === 'teams' ? <PitchForm hackweekId={h.id} personId={personId} /> : null}
      <Ideas h={h} me={me.data} personId={personId} />
      <DemoSchedule h={h} />
      <Results h={h} />
      <Report h={h} />
    </Page>
  );
}

function Phases({ h, leader }: { h: THackweekDetail; leader: boolean }) {
  const setPhase = useSetPhase();
  const at = HACKWEEK_PHASES.indexOf(h.phase);
  const next = HACKWEEK_PHASES[at + 1];
  return (
    <Paper withBorder p="md" component="section" aria-label="Phases">
      <Title order={2} size="h4" mb="sm">
        Phases
      </Title>
      <Stepper active={h.phase === 'outcomes' ? HACKWEEK_PHASES.length : at} allowNextStepsSelect={false} size="sm" wrap>
        {HACKWEEK_PHASES.map((p) => (
          <Stepper.Step key={p} label={PHASE_LABEL[p]} aria-current={p === h.phase ? 'step' : undefined} />
        ))}
      </Stepper>
      <Text size="sm" mt="sm" data-testid="phase">
        Now: <b>{PHASE_LABEL[h.phase]}</b>
        {h.votingClosed ? ' (voting closed)' : ''}. Phases move forward only.
      </Text>
      {leader && next ? (
        <Button mt="sm" loading={setPhase.isPending} onClick={() => setPhase.mutate({ id: h.id, phase: next })}>
          {h.phase === 'voting' ? 'Close voting and move to outcomes' : `Move to ${PHASE_LABEL[next].toLowerCase()}`}
        </Button>
      ) : null}
      {setPhase.error ? (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(setPhase.error)}
        </Alert>
      ) : null}
    </Paper>
  );
}

function PitchForm({ hackweekId, personId }: { hackweekId: string; personId: string | null }) {
  const pitch = usePitchIdea();
  const roadmap = useRoadmapQuery();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [goalId, setGoal] = useState<string | null>(null);
  const [initiativeId, setInitiative] = useState<string | null>(null);
  const errors = fieldErrors(pitch.error);
  return (
    <Paper withBorder p="md" component="section" aria-label="Pitch an idea">
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!personId) return;
          pitch.mutate(
            { id: hackweekId, title, pitch: text, personId, goalId: goalId ?? undefined, initiativeId: initiativeId ?? undefined },
            {
              onSuccess: () => {
                setTitle('');
                setText('');
                setGoal(null);
                setInitiative(null);
              },
            },
          );
        }}
      >
        <Title order={2} size="h4" mb="xs">
          Pitch an idea
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Anyone can pitch, from IT or the business: a problem worth solving is as welcome as a solution.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Idea" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required error={errors.title} />
          <Textarea label="Pitch" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={1} error={errors.pitch} />
          <Select label="Goal it serves (optional)" clearable searchable data={(roadmap.data?.goals ?? []).map((g) => ({ value: g.id, label: g.title }))} value={goalId} onChange={setGoal} error={errors.goalId} />
          <Select
            label="Initiative it serves (optional)"
            clearable
            searchable
            data={(roadmap.data?.initiatives ?? []).map((i) => ({ value: i.id, label: i.title }))}
            value={initiativeId}
            onChange={setInitiative}
            error={errors.initiativeId}
          />
        </SimpleGrid>
        <FormError error={pitch.error} fields={['title', 'pitch', 'goalId', 'initiativeId']} />
        <Button type="submit" mt="sm" loading={pitch.isPending} disabled={!personId}>
          Pitch idea
        </Button>
      </form>
    </Paper>
  );
}

function Ideas({ h, me, personId }: { h: THackweekDetail; me: TEventsMe; personId: string | null }) {
  const roadmap = useRoadmapQuery();
  const goals = new Map((roadmap.data?.goals ?? []).map((g) => [g.id, g.title]));
  const initiatives = new Map((roadmap.data?.initiatives ?? []).map((i) => [i.id, i.title]));
  return (
    <Stack component="section" aria-label="Ideas and teams">
      <Title order={2} size="h4">
        Ideas and teams ({h.ideas.length})
      </Title>
      {h.ideas.length === 0 ? (
        <Alert color="gray" variant="light">
          No idea pitched yet.
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {h.ideas.map((i) => (
            <IdeaCard key={i.id} h={h} idea={i} me={me} personId={personId} goal={i.goalId ? goals.get(i.goalId) : undefined} initiative={i.initiativeId ? initiatives.get(i.initiativeId) : undefined} outcomeTitle={i.outcomeInitiativeId ? initiatives.get(i.outcomeInitiativeId) : undefined} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

interface IdeaCardProps {
  h: THackweekDetail;
  idea: THackweekIdea;
  me: TEventsMe;
  personId: string | null;
  goal?: string;
  initiative?: string;
  outcomeTitle?: string;
}

function IdeaCard({ h, idea, me, personId, goal, initiative, outcomeTitle }: IdeaCardProps) {
  const join = useJoinTeam();
  const vote = useVote();
  const [voted, setVoted] = useState<string | null>(null);
  const bySide = (side: 'it' | 'business') => idea.members.filter((m) => m.side === side).map((m) => m.name);
  const full = idea.members.length >= h.maxTeamSize;
  const castVote = (category: TVoteCategory) => {
    if (!personId) return;
    setVoted(null);
    vote.mutate({ id: h.id, ideaId: idea.id, personId, category }, { onSuccess: () => setVoted(`Your ${category} vote for “${idea.title}” is counted.`) });
  };
  return (
    <Paper withBorder p="md" component="article" aria-label={idea.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={3} size="h5">
          {idea.title}
        </Title>
        <Group gap={4}>
          {idea.crossSide ? (
            <Badge variant="light" color="teal">
              Cross-side team
            </Badge>
          ) : null}
          {idea.outcome ? (
            <Badge variant="light" color="blue">
              {OUTCOME_LABEL[idea.outcome]}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Pitched by {idea.pitcherName} ({SIDE_LABEL[idea.pitcherSide]})
        {goal ? `; serves the goal “${goal}”` : ''}
        {initiative ? `; serves the initiative “${initiative}”` : ''}
      </Text>
      {idea.pitch ? (
        <Text size="sm" mt={4}>
          {idea.pitch}
        </Text>
      ) : null}
      <Text size="sm" fw={600} mt="xs">
        Team ({idea.members.length} of {h.maxTeamSize})
      </Text>
      <SimpleGrid cols={2} spacing="xs">
        <Text size="sm">IT: {bySide('it').join(', ') || '–'}</Text>
        <Text size="sm">Business: {bySide('business').join(', ') || '–'}</Text>
      </SimpleGrid>
      {idea.demoSlot ? (
        <Text size="sm" mt={4}>
          Demo slot: {utc(idea.demoSlot)}
        </Text>
      ) : null}
      {me.actsForOthers && idea.members.length > 0 && HACKWEEK_PHASES.indexOf(h.phase) <= HACKWEEK_PHASES.indexOf('demos') ? <SlotControl h={h} idea={idea} /> : null}
      {(h.phase === 'ideas' || h.phase === 'teams') && personId ? (
        <Button mt="xs" size="xs" variant="light" loading={join.isPending} disabled={full} onClick={() => join.mutate({ id: h.id, ideaId: idea.id, personId })} aria-label={`Join ${idea.title}`}>
          {full ? 'Team full' : 'Join team'}
        </Button>
      ) : null}
      {join.error ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(join.error)}
        </Alert>
      ) : null}
      {h.phase === 'voting' && personId ? (
        <Group gap="xs" mt="xs">
          {(['impact', 'creativity'] as const).map((c) => (
            <Button key={c} size="xs" variant="light" loading={vote.isPending && vote.variables?.category === c} onClick={() => castVote(c)} aria-label={`${CATEGORY_LABEL[c]} vote for ${idea.title}`}>
              Vote: {CATEGORY_LABEL[c].toLowerCase()}
            </Button>
          ))}
        </Group>
      ) : null}
      {vote.error ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(vote.error)}
        </Alert>
      ) : voted ? (
        <Text size="sm" role="status" mt="xs">
          {voted}
        </Text>
      ) : null}
      {idea.outcomeInitiativeId ? (
        <Text size="sm" mt="xs">
          Initiative:{' '}
          <Anchor underline="always" component={Link} to="/roadmap" size="sm">
            {outcomeTitle ?? 'on the roadmap'}
          </Anchor>
        </Text>
      ) : null}
      {idea.outcomeRequestId ? (
        <Text size="sm" mt="xs">
          Request:{' '}
          <Anchor underline="always" component={Link} to={`/requests/${idea.outcomeRequestId}`} size="sm">
            open the request
          </Anchor>
        </Text>
      ) : null}
      {h.phase === 'outcomes' && me.actsForOthers ? <OutcomeControls hackweekId={h.id} idea={idea} /> : null}
    </Paper>
  );
}

/** A leader sets a team's demo slot (UTC); the server refuses a slot outside the week or one already taken. */
function SlotControl({ h, idea }: { h: THackweekDetail; idea: THackweekIdea }) {
  const set = useSetDemoSlot();
  const [value, setValue] = useState(idea.demoSlot?.slice(0, 16) ?? `${h.endDate}T14:00`);
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        set.mutate({ id: h.id, ideaId: idea.id, startsAt: value ? `${value}:00.000Z` : null });
      }}
    >
      <Group align="flex-end" gap="xs" mt="xs">
        <TextInput type="datetime-local" size="xs" label={`Demo slot of “${idea.title}” (UTC)`} value={value} onChange={(e) => setValue(e.currentTarget.value)} />
        <Button type="submit" size="xs" variant="default" loading={set.isPending}>
          Save slot
        </Button>
      </Group>
      {set.error ? (
        <Alert color="red" variant="light" role="alert" mt="xs">
          {errorMessage(set.error)}
        </Alert>
      ) : null}
    </form>
  );
}

/** Each team's demo slot in time order. */
function DemoSchedule({ h }: { h: THackweekDetail }) {
  const slotted = h.ideas.filter((i) => i.demoSlot !== null).sort((a, b) => a.demoSlot!.localeCompare(b.demoSlot!));
  if (slotted.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Demo schedule">
      <Title order={2} size="h4" mb="xs">
        Demo schedule
      </Title>
      <List size="sm" data-testid="demo-schedule">
        {slotted.map((i) => (
          <List.Item key={i.id}>
            {utc(i.demoSlot!)}: {i.title} ({i.members.length} in the team)
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

/** An idea's outcome: a new initiative made from it, a link to a request, shipped or parked. */
function OutcomeControls({ hackweekId, idea }: { hackweekId: string; idea: THackweekIdea }) {
  const setOutcome = useSetOutcome();
  const createInitiative = useCreateInitiative();
  const [pickRequest, setPickRequest] = useState(false);
  const busy = setOutcome.isPending || createInitiative.isPending;
  const toInitiative = () =>
    createInitiative.mutate(
      { title: idea.title, description: `From the hackweek: ${idea.pitch || idea.title}`, goalIds: idea.goalId ? [idea.goalId] : [], status: 'proposed' },
      { onSuccess: (ini) => setOutcome.mutate({ id: hackweekId, ideaId: idea.id, outcome: 'became_initiative', initiativeId: ini.id }) },
    );
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="xs">
        <Button size="xs" loading={busy} onClick={toInitiative} aria-label={`Turn ${idea.title} into an initiative`}>
          Turn into an initiative
        </Button>
        <Button size="xs" variant="default" disabled={busy} onClick={() => setOutcome.mutate({ id: hackweekId, ideaId: idea.id, outcome: 'shipped' })} aria-label={`Mark ${idea.title} shipped`}>
          Shipped
        </Button>
        <Button size="xs" variant="default" disabled={busy} onClick={() => setOutcome.mutate({ id: hackweekId, ideaId: idea.id, outcome: 'parked' })} aria-label={`Park ${idea.title}`}>
          Park
        </Button>
        <Button size="xs" variant="subtle" onClick={() => setPickRequest((v) => !v)} aria-expanded={pickRequest}>
          Link to a request…
        </Button>
      </Group>
      {pickRequest ? <RequestPicker idea={idea} busy={busy} onLink={(requestId) => setOutcome.mutate({ id: hackweekId, ideaId: idea.id, outcome: 'became_request', requestId })} /> : null}
      {setOutcome.error || createInitiative.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(setOutcome.error ?? createInitiative.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Mounted only when asked for: the requests are read when a leader wants to link one. */
function RequestPicker({ idea, busy, onLink }: { idea: THackweekIdea; busy: boolean; onLink: (requestId: string) => void }) {
  const requests = useRequests({ limit: 500 });
  const [requestId, setRequestId] = useState<string | null>(null);
  return (
    <Group align="flex-end" gap="xs">
      <Select
        label={`Request that “${idea.title}” became`}
        searchable
        data={(requests.data?.items ?? []).map((r) => ({ value: r.id, label: r.title }))}
        value={requestId}
        onChange={setRequestId}
        nothingFoundMessage="No such request"
        w={280}
      />
      <Button size="xs" disabled={!requestId || busy} onClick={() => requestId && onLink(requestId)}>
        Link request
      </Button>
    </Group>
  );
}

function Results({ h }: { h: THackweekDetail }) {
  const results = useResults(h.id);
  return (
    <Paper withBorder p="md" component="section" aria-label="Results">
      <Title order={2} size="h4" mb="xs">
        Results
      </Title>
      {!results.data ? (
        results.error ? (
          <ErrorAlert error={results.error} />
        ) : (
          <Text size="sm">Loading…</Text>
        )
      ) : results.data.open ? (
        <Text size="sm">Results stay hidden until voting closes, so that nobody votes for the favourite. One vote per person per category, never for your own team.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {results.data.categories.map((c) => (
            <Table key={c.category} striped aria-label={`Results: ${CATEGORY_LABEL[c.category]}`}>
              <Table.Caption>{CATEGORY_LABEL[c.category]} (ties share a rank)</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Rank</Table.Th>
                  <Table.Th scope="col">Idea</Table.Th>
                  <Table.Th scope="col">Votes</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.ranking.map((r) => (
                  <Table.Tr key={r.ideaId}>
                    <Table.Td>{r.rank}</Table.Td>
                    <Table.Td>{r.title}</Table.Td>
                    <Table.Td>{r.votes}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

function Report({ h }: { h: THackweekDetail }) {
  const r = h.report;
  const decided = Object.values(r.outcomes).reduce((a, b) => a + b, 0);
  return (
    <Paper withBorder p="md" component="section" aria-label="Report">
      <Title order={2} size="h4" mb="xs">
        Report
      </Title>
      <List size="sm" data-testid="hackweek-report">
        <List.Item>
          {r.ideas} ideas, {r.ideasFromBusiness} from the business
        </List.Item>
        <List.Item>
          {r.teams} teams, {r.crossSideTeams} of them cross-side (IT and business together)
        </List.Item>
        <List.Item>
          Outcomes ({decided} of {r.ideas} decided):{' '}
          {decided === 0
            ? 'none yet'
            : Object.entries(r.outcomes)
                .map(([k, n]) => `${OUTCOME_LABEL[k as keyof typeof OUTCOME_LABEL] ?? k} ${n}`)
                .join(', ')}
        </List.Item>
        <List.Item>
          {r.alive.reached ? 'Six months later' : `Today (the six-month mark is ${r.alive.sixMonthsOn})`}:{' '}
          {r.alive.tracked === 0 ? 'no idea became an initiative or a request yet' : `${r.alive.stillAlive} of ${r.alive.tracked} initiatives and requests it became are still alive (not cancelled or rejected)`}
        </List.Item>
      </List>
    </Paper>
  );
}
