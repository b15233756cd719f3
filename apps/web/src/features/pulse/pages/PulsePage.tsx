import { useState } from 'react';
import { Alert, Anchor, Button, Group, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { errorMessage } from '../../../lib/api';
import { hasRole, useCurrentMe, usePeople } from '../../org';
import { useChangePulseStatus, type PulseAction } from '../api/change-pulse-status';
import { useDeletePulse, useSetArchived, useSetInTrend, useStopRepeating } from '../api/manage-pulse';
import { usePulse } from '../api/get-pulses';
import { DEFAULT_BREAKDOWN, resultsCsvUrl, usePulseResults, usePulseTrend } from '../api/get-results';
import type { TPulse, TPulseInvitations } from '@tandem/contracts';
import { ActionsPanel } from '../components/ActionsPanel';
import { InvitationLinks } from '../components/InvitationLinks';
import { IssuedLinksPanel } from '../components/IssuedLinksPanel';
import { IssueLinksDialog } from '../components/IssueLinksDialog';
import { ParticipationCaution } from '../components/ParticipationCaution';
import { ProgressPanel } from '../components/ProgressPanel';
import { ResultsView } from '../components/ResultsView';
import { StatusBadge } from '../components/StatusBadge';
import { TrendChart } from '../components/TrendChart';

export function PulsePage({ id }: { id: string }) {
  const me = useCurrentMe();
  const leader = hasRole(me.current?.role, 'leader');
  const pulse = usePulse(id);
  const [by, setBy] = useState<string[]>([...DEFAULT_BREAKDOWN]);
  const byParam = by.join(',');
  const results = usePulseResults(id, leader ? byParam : '');
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<TPulseInvitations | null>(null);
  // The directory only sizes the audience when issuing links, which a closed pulse no longer does.
  const people = usePeople(false, leader && pulse.data !== undefined && pulse.data.status !== 'closed');
  const status = useChangePulseStatus();
  const trend = usePulseTrend(leader);
  const [trendQuestion, setTrendQuestion] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PulseAction | 'delete' | 'archive' | null>(null);
  const remove = useDeletePulse();
  const archive = useSetArchived();
  const inTrend = useSetInTrend();
  const stopRepeat = useStopRepeating();
  const navigate = useNavigate();

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
              <Button variant="default" onClick={() => setConfirming('close')}>
                Close pulse
              </Button>
            ) : null}
            {p.status === 'closed' && !p.published ? (
              <Button variant="default" onClick={() => setConfirming('publish')}>
                Publish to everyone
              </Button>
            ) : null}
            {p.repeat ? (
              <Button variant="default" loading={stopRepeat.isPending} onClick={() => stopRepeat.mutate(p.id)}>
                Stop repeating
              </Button>
            ) : null}
            {p.status === 'draft' ? (
              <Button variant="default" color="red" onClick={() => setConfirming('delete')}>
                Delete draft
              </Button>
            ) : null}
            {p.status === 'closed' ? (
              p.archived ? (
                <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate({ id: p.id, archived: false })}>
                  Restore from archive
                </Button>
              ) : (
                <Button variant="default" onClick={() => setConfirming('archive')}>
                  Archive
                </Button>
              )
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
          {p.repeat ? ` · repeats every ${p.repeat.every}${p.repeat.autoOpen ? ', opening by itself' : ', as a draft to review'}` : ''}
        </Text>
      </Group>
      {p.archived ? (
        <Alert color="gray" variant="light" role="note" title="Archived">
          This pulse is archived: it is listed apart and left out of the trend. Its results stay readable.
        </Alert>
      ) : null}
      {leader && p.status === 'closed' && !p.archived ? (
        <Switch
          label="Count this pulse in the trend"
          description="Leave a pulse out when too few people answered for its numbers to compare with the others."
          checked={p.inTrend}
          disabled={inTrend.isPending}
          onChange={(e) => inTrend.mutate({ id: p.id, inTrend: e.currentTarget.checked })}
        />
      ) : null}
      {[status, remove, archive, inTrend, stopRepeat].map((m, i) => (m.isError ? <Alert key={i} color="red" role="alert">{errorMessage(m.error)}</Alert> : null))}
      {leader ? (
        <PulseConfirmations
          pulse={p}
          action={confirming}
          loading={status.isPending || remove.isPending || archive.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={(action) => {
            const done = { onSettled: () => setConfirming(null) };
            if (action === 'delete') remove.mutate(p.id, { onSuccess: () => navigate({ to: '/pulses' }), ...done });
            else if (action === 'archive') archive.mutate({ id: p.id, archived: true }, done);
            else status.mutate({ id: p.id, action }, done);
          }}
        />
      ) : null}
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
      {p.status !== 'closed' ? (
        <ProgressPanel pulse={p} />
      ) : results.isPending ? (
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
          <ParticipationCaution results={results.data} {...(leader && !p.archived ? { inTrend: p.inTrend } : {})} />
          <ResultsView results={results.data} {...(leader ? { by, onByChange: setBy } : {})} />
          {leader ? <ActionsPanel results={results.data} /> : null}
        </>
      )}

      {/* Not before a closed pulse's results: the trend would stand in their place for a moment and be drawn at once (decision 164). */}
      {leader && trend.data && trend.data.questions.length > 0 && (p.status !== 'closed' || !results.isPending) ? (
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

/** What each irreversible step does and what cannot be undone, asked before it happens (decision 131). */
const CONFIRM: Record<PulseAction | 'delete' | 'archive', { title: string; label: string; text: (p: TPulse) => string }> = {
  open: {
    title: 'Open this pulse?',
    label: 'Open pulse',
    text: (p) => `People in the audience can answer “${p.title}” from now on. The statements, the audience and the minimum group size can no longer change. A pulse cannot go back to draft.`,
  },
  close: {
    title: 'Close this pulse?',
    label: 'Close pulse',
    text: (p) => `Nobody can answer “${p.title}” any more: every link stops working, and results appear for groups of at least ${p.minGroupSize} people. A closed pulse cannot be opened again.`,
  },
  publish: {
    title: 'Publish the results to everyone?',
    label: 'Publish',
    text: (p) => `Every member of the organisation will see the organisation-wide results of “${p.title}” (never a breakdown). Publishing cannot be undone.`,
  },
  delete: {
    title: 'Delete this draft?',
    label: 'Delete draft',
    text: (p) => `“${p.title}” and its statement list are deleted. No link was issued and nobody answered. This cannot be undone.`,
  },
  archive: {
    title: 'Archive this pulse?',
    label: 'Archive',
    text: (p) => `“${p.title}” is listed apart and left out of the trend. Its results stay readable, and you can restore it later.`,
  },
};

function PulseConfirmations({
  pulse,
  action,
  loading,
  onCancel,
  onConfirm,
}: {
  pulse: TPulse;
  action: PulseAction | 'delete' | 'archive' | null;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (action: PulseAction | 'delete' | 'archive') => void;
}) {
  const c = action ? CONFIRM[action] : null;
  return (
    <ConfirmDialog opened={c !== null} title={c?.title ?? ''} confirmLabel={c?.label ?? ''} loading={loading} onCancel={onCancel} onConfirm={() => action && onConfirm(action)}>
      {c?.text(pulse)}
    </ConfirmDialog>
  );
}
