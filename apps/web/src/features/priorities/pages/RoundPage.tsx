import { useState } from 'react';
import { Alert, Button, Group, List, NativeSelect, Paper, Stack, Tabs, Text, TextInput } from '@mantine/core';
import type { TRound } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { hasRole, useCurrentMe } from '../../org';
import { useChangeRoundDates } from '../api/change-round-dates';
import { useChangeRoundStatus } from '../api/change-round-status';
import { useRound } from '../api/get-rounds';
import { useResults } from '../api/get-results';
import { usePeopleLookup } from '../api/lookups';
import { DisagreementQueue } from '../components/DisagreementQueue';
import { PortfolioView } from '../components/PortfolioView';
import { RankingsView } from '../components/RankingsView';
import { ScoringGrid } from '../components/ScoringGrid';
import { datesWords } from '../components/dates';
import { RoundStatusBadge } from './PrioritiesPage';

/** One round: scoring while open (blind), then both rankings, the queue and the portfolio once closed. */
export function RoundPage({ id }: { id: string }) {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const round = useRound(id);
  const results = useResults(id);
  const status = useChangeRoundStatus();
  if (round.isPending) return <FullPageLoader />;
  if (round.isError) return <ErrorAlert error={round.error} title="This round could not be loaded" />;
  const r = round.data;
  const actions = leader ? (
    <>
      {r.status === 'draft' ? <Button onClick={() => status.mutate({ id, action: 'open' })} loading={status.isPending}>Open the round</Button> : null}
      {r.status === 'open' ? <Button color="red" variant="light" onClick={() => status.mutate({ id, action: 'close' })} loading={status.isPending}>Close the round</Button> : null}
    </>
  ) : null;
  return (
    <Page title={r.name} actions={actions}>
      <Group gap="sm">
        <RoundStatusBadge status={r.status} />
        <Text size="sm">
          {r.model.toUpperCase()} over {r.items.length} items
        </Text>
      </Group>
      <RoundDates round={r} leader={leader} />
      {status.isError ? <Alert color="red">{errorMessage(status.error)}</Alert> : null}
      {r.status === 'draft' ? (
        <Alert color="blue">
          This round is a draft: {leader ? 'open it' : 'a leader opens it'} to start scoring
          {r.opensAt ? (r.items.length ? ', or it opens by itself on its opening day' : '; it has no items yet, so it will not open by itself') : ''}.
        </Alert>
      ) : null}
      {r.status === 'open' ? (
        <Stack gap="md">
          {results.data?.progress ? (
            <Text size="sm">
              Scored so far: {results.data.progress.scorers.length === 0 ? 'nobody yet' : results.data.progress.scorers.map((s) => `${s.name} (${s.side === 'it' ? 'IT' : 'Business'}, ${s.itemsScored} of ${results.data!.progress!.items})`).join('; ')}.
            </Text>
          ) : null}
          {r.me ? <ScoringGrid round={r} /> : <Alert color="yellow">Your account is not linked to a person in the directory, so you cannot score. Ask an admin to add you with your e-mail address.</Alert>}
          {hasRole(me.current?.role, 'admin') ? <ScoreForOthers round={r} /> : null}
        </Stack>
      ) : null}
      {r.status === 'closed' ? (
        results.isPending ? (
          <FullPageLoader />
        ) : results.isError ? (
          <ErrorAlert error={results.error} />
        ) : results.data.results ? (
          <Tabs defaultValue="rankings" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="rankings">Rankings</Tabs.Tab>
              <Tabs.Tab value="queue">Disagreements ({results.data.results.disagreements.length})</Tabs.Tab>
              <Tabs.Tab value="portfolio">Portfolio</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="rankings" pt="md">
              <RankingsView results={results.data.results} />
            </Tabs.Panel>
            <Tabs.Panel value="queue" pt="md">
              <DisagreementQueue roundId={id} results={results.data.results} leader={leader} />
            </Tabs.Panel>
            <Tabs.Panel value="portfolio" pt="md">
              <PortfolioView roundId={id} leader={leader} />
            </Tabs.Panel>
          </Tabs>
        ) : null
      ) : null}
      {r.status !== 'closed' && r.items.length > 0 && !r.me ? (
        <List size="sm">
          {r.items.map((i) => (
            <List.Item key={i.itemId}>{i.title}</List.Item>
          ))}
        </List>
      ) : null}
    </Page>
  );
}

/**
 * The round's opening and closing days, and for a leader the form that moves them while the round
 * is a draft or open. The hourly job opens and closes the round on these days (decision 146).
 */
function RoundDates({ round, leader }: { round: TRound; leader: boolean }) {
  const change = useChangeRoundDates(round.id);
  const [opensAt, setOpensAt] = useState(round.opensAt ?? '');
  const [closesAt, setClosesAt] = useState(round.closesAt ?? '');
  const editable = leader && round.status !== 'closed';
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="round-dates">
        {datesWords(round.opensAt, round.closesAt)}
      </Text>
      {editable ? (
        <form
          aria-label="Round dates"
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ opensAt: opensAt || null, closesAt: closesAt || null });
          }}
        >
          <Group align="flex-end" gap="xs">
            <TextInput type="date" label="Opens on" description="Empty: open by hand" value={opensAt} onChange={(e) => setOpensAt(e.currentTarget.value)} />
            <TextInput type="date" label="Closes after" description="The last day of scoring" value={closesAt} onChange={(e) => setClosesAt(e.currentTarget.value)} />
            <Button type="submit" variant="default" loading={change.isPending}>
              Save dates
            </Button>
          </Group>
          {change.isError ? <Alert color="red" mt="xs">{errorMessage(change.error)}</Alert> : null}
        </form>
      ) : null}
    </Stack>
  );
}

/**
 * An admin enters the scores of another person, for example from a workshop on paper. The scores
 * stay that person's (the server records who entered them), and stay blind like any other.
 */
function ScoreForOthers({ round }: { round: TRound }) {
  const people = usePeopleLookup(true);
  const [personId, setPersonId] = useState('');
  const scorers = (people.data?.people ?? []).filter((p) => p.active && p.id !== round.me?.personId);
  const chosen = scorers.find((p) => p.id === personId);
  return (
    <Paper withBorder p="md" component="section" aria-label="Enter scores for someone else">
      <NativeSelect
        label="Enter scores for someone else"
        description="For scores collected outside Tandem, such as in a workshop"
        value={personId}
        onChange={(e) => setPersonId(e.currentTarget.value)}
        data={[{ value: '', label: people.isPending ? 'Loading people…' : 'Choose a person' }, ...scorers.map((p) => ({ value: p.id, label: `${p.name} (${p.side === 'it' ? 'IT' : 'Business'})` }))]}
        maw={420}
      />
      {chosen ? (
        <Stack mt="md">
          <ScoringGrid key={chosen.id} round={round} personId={chosen.id} />
        </Stack>
      ) : null}
    </Paper>
  );
}
