import { Alert, Anchor, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TBusinessResults, TCase, TSecurityResults } from '@tandem/contracts';
import { Page } from '../../../components/Page';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { hasRole, useCurrentMe } from '../../org';
import { onePagerUrl, useCase, useCaseResults, useCaseVersions } from '../api/get-case';
import { useUpdateCase } from '../api/save-case';
import { BusinessCaseForm } from '../components/BusinessCaseForm';
import { ExceedanceChart } from '../components/ExceedanceChart';
import { Figure } from '../components/Figure';
import { NpvChart } from '../components/NpvChart';
import { SecurityCaseForm } from '../components/SecurityCaseForm';
import { TornadoChart } from '../components/TornadoChart';
import { VersionsTable } from '../components/VersionsTable';
import { money, pct, yearsText } from '../labels';

/** One case: its odds, what drives them, its versions, the one-pager; leaders edit it in versions. */
export function CasePage({ id }: { id: string }) {
  const c = useCase(id);
  const r = useCaseResults(id);
  const versions = useCaseVersions(id);
  const me = useCurrentMe();
  const canEdit = hasRole(me.current?.role, 'leader');
  if (c.error || r.error) return <ErrorAlert error={c.error ?? r.error} />;
  if (!c.data || !r.data) return <Loader aria-label="Loading the case" />;
  const kase = c.data;
  return (
    <Page title={kase.title}>
      <Group gap="md">
        <Text size="sm">{kase.kind === 'business' ? 'Business case' : 'Security case (FAIR)'} · version {kase.version}</Text>
        {kase.initiative ? <Text size="sm">Initiative: {kase.initiative.title}</Text> : null}
        {kase.goals.length ? <Text size="sm">Goal: {kase.goals.map((g) => g.title).join('; ')}</Text> : null}
        <Anchor href={onePagerUrl(id, 'pdf')} target="_blank" rel="noopener">
          One-pager (PDF)
        </Anchor>
        <Anchor href={onePagerUrl(id, 'html')} target="_blank" rel="noopener">
          One-pager (web page)
        </Anchor>
      </Group>
      {r.data.kind === 'business' ? <BusinessView kase={kase} r={r.data} canEdit={canEdit} /> : <SecurityView kase={kase} r={r.data} canEdit={canEdit} />}
      <Stack gap="xs">
        <Title order={2} size="h4">
          Versions
        </Title>
        {versions.data ? <VersionsTable versions={versions.data.items} currency={kase.currency} /> : <Loader size="sm" aria-label="Loading versions" />}
      </Stack>
    </Page>
  );
}

function BusinessView({ kase, r, canEdit }: { kase: TCase; r: TBusinessResults; canEdit: boolean }) {
  const update = useUpdateCase();
  const m = (x: number) => money(x, kase.currency);
  return (
    <>
      {!r.hasBenefits ? (
        <Alert color="yellow" title="No benefits yet">
          This case has no benefit lines: its NPV is the present value of its costs alone, so it is negative.
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Figure label="NPV range (P10 to P90)" value={`${m(r.npv.p10)} to ${m(r.npv.p90)}`} method={`80% of ${r.iterations.toLocaleString('en-GB')} simulated outcomes fall in this range.`} testId="npv-range" />
        <Figure label="Chance NPV > 0" value={pct(r.probabilityPositive, 1)} method="Share of simulated outcomes with a positive NPV." testId="probability-positive" />
        <Figure label="Median NPV (most likely inputs)" value={`${m(r.npv.p50)} (${m(r.npv.deterministic)})`} method={`P50 of the draws; in brackets every line at most likely, at ${pct(kase.discountRate, 1)}.`} />
        <Figure label="Mean NPV" value={m(r.npv.mean)} method="Average over all draws." />
        <Figure label="IRR, median (P10 to P90)" value={r.irr.p50 === null ? 'not defined' : `${pct(r.irr.p50, 1)} (${pct(r.irr.p10, 1)} to ${pct(r.irr.p90, 1)})`} method={`Over the ${pct(r.irr.probabilityDefined)} of draws that have an IRR (numpy-financial's root rule); most likely ${pct(r.irr.deterministic, 1)}.`} />
        <Figure label="MIRR (most likely inputs)" value={pct(r.mirr.deterministic, 1)} method="Financed and reinvested at the discount rate." />
        <Figure label="Discounted payback, median" value={yearsText(r.payback.p50)} method={`Most likely inputs: ${yearsText(r.payback.deterministic)}. Not within the horizon in ${pct(r.payback.probabilityNotWithinHorizon)} of draws.`} />
        <Figure label="Payback P10 to P90" value={`${yearsText(r.payback.p10)} to ${yearsText(r.payback.p90)}`} method="Interpolated within the year in which the discounted cash turns positive." />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            NPV distribution
          </Title>
          <NpvChart results={r} currency={kase.currency} />
        </Stack>
        <Stack gap="xs">
          <Title order={2} size="h4">
            What moves NPV most
          </Title>
          <TornadoChart results={r} currency={kase.currency} />
        </Stack>
      </SimpleGrid>
      {canEdit ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Change the ranges (saves a new version)
          </Title>
          <BusinessCaseForm
            key={kase.version}
            withNote
            initial={{ title: kase.title, initiativeId: kase.initiative?.id ?? null, discountRate: kase.discountRate ?? 0, years: kase.years ?? 1, question: kase.question, assumptions: kase.assumptions, lines: kase.lines }}
            submitLabel="Save new version"
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate({ id: kase.id, body: { discountRate: v.discountRate, years: v.years, lines: v.lines, note: v.note } })}
          />
        </Stack>
      ) : null}
    </>
  );
}

function SecurityView({ kase, r, canEdit }: { kase: TCase; r: TSecurityResults; canEdit: boolean }) {
  const update = useUpdateCase();
  const m = (x: number) => money(x, kase.currency);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
        <Figure label="ALE before controls" value={m(r.aleBefore)} method="Expected events a year (PERT mean) × expected loss per event (lognormal mean): exact." testId="ale-before" />
        <Figure label="ALE after controls" value={m(r.aleAfter)} method="The same with frequency and loss cut by each control in turn." testId="ale-after" />
        <Figure label="Controls cost a year" value={m(r.controlCost)} method="Sum of the controls' yearly costs." />
        <Figure label="ROSI" value={r.rosi === null ? 'no controls' : pct(r.rosi, 1)} method="(ALE before − ALE after − cost) / cost." testId="rosi" />
        <Figure label="Chance the controls pay in a year" value={r.probabilityControlsPay === null ? 'no controls' : pct(r.probabilityControlsPay, 1)} method={`Share of ${r.iterations.toLocaleString('en-GB')} simulated years whose avoided loss exceeds the cost.`} />
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Loss exceedance before and after the controls
        </Title>
        <ExceedanceChart before={r.exceedance.before} after={r.exceedance.after} currency={kase.currency} />
      </Stack>
      {canEdit ? (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Change the scenario or its controls (saves a new version)
          </Title>
          <SecurityCaseForm
            key={kase.version}
            withNote
            initial={{ title: kase.title, asset: kase.asset, threat: kase.threat, frequency: kase.frequency!, magnitude: kase.magnitude!, controls: kase.controls }}
            submitLabel="Save new version"
            pending={update.isPending}
            error={update.error}
            onSubmit={(v) => update.mutate({ id: kase.id, body: { frequency: v.frequency, magnitude: v.magnitude, controls: v.controls, note: v.note } })}
          />
        </Stack>
      ) : null}
    </>
  );
}
