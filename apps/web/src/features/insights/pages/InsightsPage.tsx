import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { TInsights } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormError } from '../../../components/FormError';
import { FullPageLoader } from '../../../components/FullPageLoader';
import { Page } from '../../../components/Page';
import { fieldErrors } from '../../../lib/api';
import { useDigestSettings, useInsights, useSaveDigest } from '../api/insights';
import { Sparkline } from '../components/Sparkline';
import { Tile } from '../components/Tile';

const num = (n: number) => Math.round(n).toLocaleString('en-GB');
const pct = (n: number) => `${Math.round(n * 100)}%`;
const pts = (n: number) => `${n >= 0 ? '+' : ''}${Math.round(n * 100)} pts`;

const METHOD = {
  gap: 'Leaders’ minus employees’ share of favourable answers (top two boxes), averaged over the questions both groups can see in each closed pulse. Groups below the pulse’s minimum size are never shown. The widest gap of the latest pulse comes with its Newcombe 95% interval.',
  health: 'Roadmap health 0–100: the mean of four scores (aggressive goals, enablers for initiatives, specific goals, IT included in time), as on the Health check page; the trend is the daily snapshots.',
  agreement: 'Kendall tau-b between the Business ranking and the IT ranking of the latest closed priorities round (1 = same order, 0 = unrelated, −1 = reversed); open = disagreements in the queue not yet decided.',
  leadTime: '85th percentile of lead time (created → done, whole days) of requests done in the last 365 days; ageing = open requests older than 85% of those lead times.',
  deferred: 'Σ (1 − (1 − p)^t) × impact over the deferred IT needs: the chance each has failed at least once after t years deferred, times its impact.',
  value: 'Money realised this year against money planned this year (revenue, cost saved, risk reduced), from the Value module; the share is what came from initiatives with an IT enabler.',
};

/** The leadership one-screen: each module's headline number with its trend, its method and a link into it. */
export function InsightsPage() {
  const q = useInsights();
  return (
    <Page title="Insights">
      {q.isPending ? <FullPageLoader /> : q.isError ? <ErrorAlert error={q.error} title="The one-screen could not be loaded" /> : <Tiles i={q.data} />}
      <DigestForm />
    </Page>
  );
}

function Tiles({ i }: { i: TInsights }) {
  const empty = i.guidance.length === 7;
  return (
    <Stack>
      {empty ? (
        <Alert color="blue" variant="light" title="Nothing to show yet">
          The one-screen fills in as the modules are used. To start:
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {i.gap ? (
          <Tile
            testId="tile-gap"
            title="Perception gap, leaders vs employees"
            value={i.gap.trend.at(-1)?.value == null ? 'hidden' : pts(i.gap.trend.at(-1)!.value!)}
            method={METHOD.gap}
            link={
              <Anchor component={Link} to={`/pulses/${i.gap.pulseId}`} size="sm">
                Open {i.gap.title}
              </Anchor>
            }
          >
            {i.gap.byLevel[0] ? (
              <Text size="xs">
                Widest: {pct(i.gap.byLevel[0].favourableA)} vs {pct(i.gap.byLevel[0].favourableB)} (95% interval {pts(i.gap.byLevel[0].ci[0])} to {pts(i.gap.byLevel[0].ci[1])})
              </Text>
            ) : null}
            {i.gap.bySide[0] ? <Text size="xs">IT vs Business, widest: {pts(i.gap.bySide[0].difference)}</Text> : null}
            <Sparkline points={i.gap.trend} label="the perception gap" format={pts} />
          </Tile>
        ) : null}
        {i.health ? (
          <Tile
            testId="tile-health"
            title="Roadmap health"
            value={`${i.health.overall}/100`}
            method={METHOD.health}
            link={
              <Anchor component={Link} to="/roadmap/health" size="sm">
                Open the health check
              </Anchor>
            }
          >
            <Text size="xs">
              Aggressive {i.health.scores.aggressive} · enablers {i.health.scores.enablers} · specific {i.health.scores.specific} · IT included {i.health.scores.includesIt}; {i.health.findings} findings
            </Text>
            <Sparkline points={i.health.trend.map((s) => ({ label: s.day, value: s.overall }))} label="roadmap health" format={(n) => `${n}/100`} />
          </Tile>
        ) : null}
        {i.agreement ? (
          <Tile
            testId="tile-agreement"
            title="Business–IT agreement on priorities"
            value={i.agreement.kendallTauB === null ? '—' : `τ ${i.agreement.kendallTauB.toFixed(2)}`}
            method={METHOD.agreement}
            link={
              <Anchor component={Link} to={`/priorities/${i.agreement.roundId}`} size="sm">
                Open {i.agreement.name}
              </Anchor>
            }
          >
            <Text size="xs">{i.agreement.openDisagreements} open disagreements</Text>
            <Sparkline points={i.agreement.trend} label="agreement" format={(n) => n.toFixed(2)} />
          </Tile>
        ) : null}
        {i.leadTime ? (
          <Tile
            testId="tile-lead-time"
            title="Lead time P85"
            value={i.leadTime.p85 === null ? '—' : `${i.leadTime.p85} days`}
            method={METHOD.leadTime}
            link={
              <Anchor component={Link} to="/requests/flow" size="sm">
                Open the flow
              </Anchor>
            }
          >
            <Text size="xs">{i.leadTime.ageingCount} ageing requests</Text>
            <Sparkline points={i.leadTime.trend} label="lead time P85" format={(n) => `${n} days`} />
          </Tile>
        ) : null}
        {i.deferredExposure !== null ? (
          <Tile
            testId="tile-deferred"
            title="Deferred-needs exposure"
            value={num(i.deferredExposure)}
            method={METHOD.deferred}
            link={
              <Anchor component={Link} to="/requests/deferred-needs" size="sm">
                Open the ledger
              </Anchor>
            }
          />
        ) : null}
        {i.value ? (
          <Tile
            testId="tile-value"
            title={`Value ${i.value.year}`}
            value={`${num(i.value.realised)} of ${num(i.value.planned)}`}
            method={METHOD.value}
            link={
              <Anchor component={Link} to="/value" size="sm">
                Open value
              </Anchor>
            }
          >
            <Text size="xs">
              {i.value.currency} realised of planned{i.value.itEnabledShare === null ? '' : `; ${pct(i.value.itEnabledShare)} from IT-enabled initiatives`}
            </Text>
          </Tile>
        ) : null}
        {i.participation ? (
          <Tile
            testId="tile-participation"
            title="Cross-over participation"
            value={`${pct(i.participation.business)} / ${pct(i.participation.it)}`}
            method={`Share of Business / IT people who took part in a cross-over activity (coffee, open hour, open mic, sit-in, hackweek, demo, round-table) from ${i.participation.from} to ${i.participation.to}.`}
          />
        ) : null}
      </SimpleGrid>
      {i.guidance.length ? (
        <Paper withBorder p="md" component="section" aria-label="Not in use yet">
          <Title order={2} size="h4" mb="xs">
            Not in use yet
          </Title>
          <List size="sm">
            {i.guidance.map((g) => (
              <List.Item key={g.tile}>{g.text}</List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
      <Paper withBorder p="md" component="section" aria-label="What changed since last month">
        <Title order={2} size="h4" mb="xs">
          What changed since last month
        </Title>
        {i.changes.length ? (
          <List size="sm" data-testid="changes">
            {i.changes.map((c) => (
              <List.Item key={c.tile + c.text}>{c.text}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">No movement to report: a month of history is needed.</Text>
        )}
      </Paper>
    </Stack>
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((label, i) => ({ value: String(i), label }));

function DigestForm() {
  const d = useDigestSettings();
  const save = useSaveDigest();
  const [draft, setDraft] = useState<{ weekday: string; hour: number | string; timeZone: string } | null>(null);
  if (!d.data) return null;
  const v = draft ?? { weekday: String(d.data.weekday % 7), hour: d.data.hour, timeZone: d.data.enabled ? d.data.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone };
  const errors = fieldErrors(save.error);
  const submit = (enabled: boolean) => save.mutate({ enabled, weekday: Number(v.weekday), hour: Number(v.hour), timeZone: v.timeZone }, { onSuccess: () => setDraft(null) });
  return (
    <Paper withBorder p="md" component="section" aria-label="Weekly digest">
      <Title order={2} size="h4" mb="xs">
        Weekly digest
      </Title>
      <Text size="sm" mb="sm" data-testid="digest-status">
        {d.data.enabled ? `You get the one-screen by mail every ${WEEKDAYS[d.data.weekday % 7]!.label} at ${d.data.hour}:00 (${d.data.timeZone}).` : 'You do not get the weekly digest.'}
      </Text>
      <Group align="flex-end">
        <NativeSelect label="Weekday" data={WEEKDAYS} value={v.weekday} onChange={(e) => setDraft({ ...v, weekday: e.currentTarget.value })} w={150} />
        <NumberInput label="Hour (0–23)" value={v.hour} onChange={(x) => setDraft({ ...v, hour: x })} min={0} max={23} w={120} error={errors['body.hour']} />
        <TextInput label="Time zone" value={v.timeZone} onChange={(e) => setDraft({ ...v, timeZone: e.currentTarget.value })} w={220} error={errors['body.timeZone']} />
        <Switch label="Send me the digest" checked={d.data.enabled} onChange={(e) => submit(e.currentTarget.checked)} />
        {d.data.enabled ? <Button variant="default" onClick={() => submit(true)}>Save</Button> : null}
      </Group>
      <FormError error={save.error} fields={['body.hour', 'body.timeZone']} />
    </Paper>
  );
}
