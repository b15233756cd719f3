/**
 * Cases benchmark. (1) A business case of 20 lines over 10 years, 10,000 draws: Tandem's
 * simulateBusinessCase (NPV, IRR and payback per draw, percentiles, tornado) against the same
 * computation in numpy (bench/cases/business_numpy.py) in the same run; numpy is also timed
 * without IRR, its vectorised best case, since numpy-financial's irr is one np.roots per draw.
 * (2) The one-page PDF: building and rendering it with pdfkit. Medians of several timed runs
 * after a warm-up. Prints ONE JSON object.
 *
 * Run: npx tsx bench/cases/cases.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateBusinessCase, type CaseLine } from '@tandem/core';
import type { TCase } from '@tandem/contracts';
import { buildOnePager, renderPdf } from '../../apps/server/src/features/cases/one-pager';

const DRAWS = 10_000;
const YEARS = 10;
const RATE = 0.08;
const RUNS = 9;
const SEED = 20261202;

// 20 lines: a build cost, 9 yearly running costs and 10 yearly benefits with wide ranges.
const lines: CaseLine[] = [{ label: 'Build', type: 'cost', year: 0, low: 400_000, likely: 500_000, high: 750_000 }];
for (let y = 1; y <= 9; y++) lines.push({ label: 'Run', type: 'cost', year: y, low: 40_000, likely: 50_000, high: 70_000 });
for (let y = 1; y <= 10; y++) lines.push({ label: 'Savings', type: 'benefit', year: y, low: 40_000, likely: 120_000, high: 180_000 });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 100) / 100;

const input = { discountRate: RATE, years: YEARS, lines, iterations: DRAWS, seed: SEED };
simulateBusinessCase(input);
simulateBusinessCase(input);
const times: number[] = [];
let last = simulateBusinessCase(input);
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  last = simulateBusinessCase({ ...input, seed: SEED + i });
  times.push(performance.now() - t0);
}
const tandemMedianMs = median(times);

let numpy: { medianMs: number; vectorisedNoIrrMs: number; numpy: string; p50: number; positive: number; irrP50: number } | null = null;
let note: string | undefined;
if (spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'business_numpy.py');
  const res = spawnSync('python3', [script, JSON.stringify({ lines, years: YEARS, rate: RATE, draws: DRAWS, runs: RUNS, seed: SEED })], { encoding: 'utf8' });
  if (res.status === 0) numpy = JSON.parse(res.stdout.trim());
  else note = `numpy script failed: ${res.stderr.trim().split('\n').pop() ?? ''}`;
} else {
  note = 'numpy not available; numpy comparison skipped';
}

// The one-pager of the same case.
const kase: TCase = {
  id: '00000000-0000-4000-8000-000000000000', kind: 'business', title: 'Benchmark case: 20 lines over 10 years', version: 1, currency: 'EUR',
  initiative: { id: '00000000-0000-4000-8000-000000000001', title: 'Warehouse automation' }, goals: [{ id: '00000000-0000-4000-8000-000000000002', title: 'Cut cost per order' }],
  ownerId: null, seed: SEED, iterations: DRAWS, question: '', recommendation: '', assumptions: '', discountRate: RATE, years: YEARS, lines, asset: '', threat: '',
  frequency: null, magnitude: null, controls: [], createdAt: new Date(0).toISOString(), updatedAt: new Date(0).toISOString(),
};
const results = { kind: 'business' as const, ...last, notes: ['Monte Carlo, seeded.'] };
const now = new Date('2026-12-02T00:00:00Z');
await renderPdf(buildOnePager(kase, results, now));
const pdfTimes: number[] = [];
let bytes = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  bytes = (await renderPdf(buildOnePager(kase, results, now))).length;
  pdfTimes.push(performance.now() - t0);
}

console.log(
  JSON.stringify({
    name: 'cases',
    draws: DRAWS,
    years: YEARS,
    lines: lines.length,
    runs: RUNS,
    tandemMedianMs: round(tandemMedianMs),
    numpyMedianMs: numpy ? round(numpy.medianMs) : null,
    ratio: numpy ? round(tandemMedianMs / numpy.medianMs) : null,
    numpyNoIrrMedianMs: numpy ? round(numpy.vectorisedNoIrrMs) : null,
    ratioNoIrr: numpy ? round(tandemMedianMs / numpy.vectorisedNoIrrMs) : null,
    numpy: numpy?.numpy ?? null,
    node: process.version,
    npvP50: Math.round(last.npv.p50),
    numpyNpvP50: numpy ? Math.round(numpy.p50) : null,
    probabilityPositive: round(last.probabilityPositive),
    numpyProbabilityPositive: numpy ? round(numpy.positive) : null,
    onePagerMedianMs: round(median(pdfTimes)),
    onePagerBytes: bytes,
    ...(note ? { note } : {}),
  }),
);
