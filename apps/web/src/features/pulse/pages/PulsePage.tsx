import { useState } from 'react';
import { Alert, Anchor, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { hasRole, useCurrentMe, usePeople } from '../../org';
import { useChangePulseStatus } from '../api/change-pulse-status';
import { usePulse } from '../api/get-pulses';
import { resultsCsvUrl, usePulseResults, usePulseTrend } from '../api/get-results';
import type { TPulseInvitations } from '@tandem/contracts';
import { InvitationLinks } from '../components/InvitationLinks';
import { IssuedLinksPanel } from '../components/IssuedLinksPanel';
import { IssueLinksDialog } from '../components/IssueLinksDialog';
import { ResultsView } from '../components/ResultsView';
import { TrendChart } from '../components/TrendChart';
import { StatusBadge } from './PulsesPage';

export function PulsePage({ id }: { id: string }) {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const pulse = usePulse(id);
  const [by, setBy] = useState<string[]>(['side', 'level']);
  const byParam = by.join(',');
  const results = usePulseResults(id, leader ? byParam : '');
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<TPulseInvitations | null>(null);
  const people = usePeople(false);
  const status = useChangePulseStatus();
  const trend = usePulseTrend(leader);
  const [trendQuestion, setTrendQuestion] = useState<string | null>(null);

  if (pulse.isPending) return <FullPageLoader />;
  if (pulse.isError) return <ErrorAlert error={pulse.error} title="This pulse could not be loaded" />;
  const p = pulse.data;
  const trendQ = trend.data?.questions.find((q) => q.questionId === (trendQuestion ?? p.questions[0]?.id));
  const a = p.audience;
  const same = (x: string, y: string | undefined) => y === undefined || x.toLowerCase() === y.toLowerCase();
  const audienceSize = people.data
    ? people.data.people.filter((x) => (!a.side || x.side === a.side) && (!a.level || x.level === a.level) && same(x.department, a.department) && same(x.location, a.location)).length
    : null;

  return (
    <Page
      title={p.title}
      actions={
        leader ? (
          <>
            {p.status !== 'closed' ? (
              <Button onClick={() => setIssuing(true)}>Issue links</Button>
            ) : null}
            {p.status === 'open' ? (
              <Button variant="default" onClick={() => status.mutate({ id: p.id, action: 'close' })} loading={status.isPending}>
                Close pulse
              </Button>
            ) : null}
            {p.status === 'closed' && !p.published ? (
              <Button variant="default" onClick={() => status.mutate({ id: p.id, action: 'publish' })} loading={status.isPending}>
                Publish to everyone
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <Group gap="sm">
        <StatusBadge pulse={p} />
        <Text size="sm">
          {p.invited} invited · {p.status !== 'closed' ? 'responses counted at close' : p.respondents === null ? `fewer than ${p.minGroupSize} responses (or hidden)` : `${p.respondents} responses`} · minimum group {p.minGroupSize}
          {p.anonymityFrozen ? ' (frozen since opening)' : ''}
        </Text>
      </Group>
      {status.isError ? <Alert color="red">{errorMessage(status.error)}</Alert> : null}
      {issued ? <InvitationLinks result={issued} /> : null}
      {leader ? <IssueLinksDialog key={String(issuing)} pulse={p} audienceSize={audienceSize} opened={issuing} onClose={() => setIssuing(false)} onIssued={setIssued} /> : null}
      {leader ? <IssuedLinksPanel pulse={p} /> : null}

      <Stack gap="xs">
        <Title order={2} size="h3">
          Results
        </Title>
        <Group gap="md">
          <Anchor href={resultsCsvUrl(p.id, leader ? byParam : '')} download>
            Download CSV
          </Anchor>
          <Link to="/pulses/$id/print" params={{ id: p.id }}>
            Printable view
          </Link>
        </Group>
      </Stack>
      {results.isPending ? (
        <FullPageLoader />
      ) : results.isError ? (
        <ErrorAlert error={results.error} title="Results could not be loaded" />
      ) : (
        <>
          {results.data.selfStated ? (
            <Alert color="gray" variant="light" role="note" title="Self-stated segments">
              This pulse issued unlinked links: those respondents stated their own side, level, department and location, so segments include self-stated answers, not only the directory’s.
            </Alert>
          ) : null}
          <ResultsView results={results.data} {...(leader ? { by, onByChange: setBy } : {})} />
        </>
      )}

      {leader && trend.data && trend.data.questions.length > 0 ? (
        <section aria-labelledby="trend-title">
          <Title order={2} size="h3" id="trend-title" mb="xs">
            Trend across closed pulses
          </Title>
          <Select
            label="Statement"
            data={trend.data.questions.map((q) => ({ value: q.questionId, label: q.text }))}
            value={trendQ?.questionId ?? null}
            onChange={setTrendQuestion}
            allowDeselect={false}
            maw={560}
            mb="xs"
          />
          {trendQ ? <TrendChart question={trendQ} /> : null}
        </section>
      ) : null}
    </Page>
  );
}
