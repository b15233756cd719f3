/**
 * FAIR Monte Carlo benchmark: Tandem's simulateAnnualLoss against the same computation in
 * numpy (bench/core/fair_numpy.py, vectorised). Both: 10 scenarios × 100,000 simulated years,
 * median of several timed runs after a warm-up. Prints ONE JSON object.
 *
 * Run: npx tsx bench/core/fair.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annualizedLoss, createRng, simulateAnnualLoss } from '@tandem/core';

const YEARS = 100_000;
const RUNS = 9;
const SEED = 20240601;

// Ten typical register entries; one frequent scenario (rate 12) exercises the PTRS sampler.
const scenarios = [
  { frequency: 0.05, low: 500_000, high: 20_000_000 },
  { frequency: 0.1, low: 100_000, high: 1_000_000 },
  { frequency: 0.2, low: 50_000, high: 2_000_000 },
  { frequency: 0.5, low: 10_000, high: 250_000 },
  { frequency: 1, low: 5_000, high: 80_000 },
  { frequency: 2, low: 1_000, high: 30_000 },
  { frequency: 4, low: 500, high: 10_000 },
  { frequency: 0.3, low: 20_000, high: 400_000 },
  { frequency: 12, low: 100, high: 2_000 },
  { frequency: 0.8, low: 2_000, high: 60_000 },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const rng = createRng(SEED);
simulateAnnualLoss(scenarios, YEARS, rng); // warm-up (JIT)
simulateAnnualLoss(scenarios, YEARS, rng);
const times: number[] = [];
let last: Float64Array = new Float64Array(0);
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  last = simulateAnnualLoss(scenarios, YEARS, rng);
  times.push(performance.now() - t0);
}
const tandemMedianMs = median(times);
let meanAnnualLoss = 0;
for (const x of last) meanAnnualLoss += x;
meanAnnualLoss /= last.length;
const expectedAnnualLoss = scenarios.reduce((s, x) => s + annualizedLoss(x), 0);

let numpyMedianMs: number | null = null;
let numpyVersion: string | null = null;
let numpyMeanAnnualLoss: number | null = null;
let note: string | undefined;
const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (hasNumpy) {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'fair_numpy.py');
  const cfg = JSON.stringify({ scenarios, years: YEARS, runs: RUNS, seed: SEED });
  const res = spawnSync('python3', [script, cfg], { encoding: 'utf8' });
  if (res.status === 0) {
    const out = JSON.parse(res.stdout.trim()) as { medianMs: number; numpy: string; meanAnnualLoss: number };
    numpyMedianMs = out.medianMs;
    numpyVersion = out.numpy;
    numpyMeanAnnualLoss = out.meanAnnualLoss;
  } else {
    note = `numpy script failed: ${res.stderr.trim().split('\n').pop() ?? ''}`;
  }
} else {
  note = 'numpy not available (python3 -c "import numpy" failed); numpy comparison skipped';
}

console.log(
  JSON.stringify({
    name: 'core.fair',
    scenarios: scenarios.length,
    years: YEARS,
    runs: RUNS,
    tandemMedianMs: round(tandemMedianMs),
    numpyMedianMs: numpyMedianMs === null ? null : round(numpyMedianMs),
    ratio: numpyMedianMs === null ? null : round(tandemMedianMs / numpyMedianMs),
    numpy: numpyVersion,
    node: process.version,
    meanAnnualLoss: Math.round(meanAnnualLoss),
    numpyMeanAnnualLoss: numpyMeanAnnualLoss === null ? null : Math.round(numpyMeanAnnualLoss),
    expectedAnnualLoss: Math.round(expectedAnnualLoss),
    ...(note ? { note } : {}),
  }),
);

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
