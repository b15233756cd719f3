/**
 * Business cases in money: cash-flow lines given as three-point ranges, a seeded Monte Carlo
 * over PERT distributions of every line, and the figures a CFO asks for (NPV, IRR, payback,
 * their percentiles, the odds of a loss, and a tornado of what moves NPV most).
 */
import { createRng } from '../rng';
import { pert } from '../risk/pert';
import { discountedPayback, irr, mirr, npv } from '../finance/cashflow';
import { quantileSorted } from './quantile';

/** One cash-flow line of one year, as a three-point range (low ≤ likely ≤ high, all ≥ 0). */
export interface CaseLine {
  label: string;
  /** Costs are given as positive amounts and count negative in the cash flow. */
  type: 'cost' | 'benefit';
  /** 0 = now (not discounted); year n is discounted by (1 + rate)^n. */
  year: number;
  low: number;
  likely: number;
  high: number;
}

export interface BusinessCaseInput {
  /** Annual discount rate as a fraction, in [−1, 1] exclusive of −1 (−100%). */
  discountRate: number;
  /** Horizon in years after year 0, 1–15: the cash flow has years + 1 entries. */
  years: number;
  lines: readonly CaseLine[];
  /** Monte Carlo draws (1–100,000). */
  iterations: number;
  /** The seed of the generator: the same case and seed give the same numbers everywhere. */
  seed: number;
}

export interface TornadoBar {
  label: string;
  type: 'cost' | 'benefit';
  /** NPV with every line of this label at its low value, the rest at most likely. */
  low: number;
  /** NPV with every line of this label at its high value, the rest at most likely. */
  high: number;
  /** |high − low|: the bars are sorted by it, widest first. */
  swing: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface BusinessCaseResults {
  npv: { p10: number; p50: number; p90: number; mean: number; deterministic: number };
  /** Share of draws with NPV > 0. */
  probabilityPositive: number;
  /** Percentiles over the draws that have an IRR (`probabilityDefined` of them); null when none has. */
  irr: { p10: number | null; p50: number | null; p90: number | null; deterministic: number | null; probabilityDefined: number };
  /** MIRR of the most-likely cash flow, financing and reinvesting at the discount rate. */
  mirr: { deterministic: number | null };
  /**
   * Discounted payback in years. A draw that does not pay back within the horizon ranks after
   * every draw that does; a percentile that falls among those is null ("not within the horizon").
   */
  payback: { p10: number | null; p50: number | null; p90: number | null; deterministic: number | null; probabilityNotWithinHorizon: number };
  tornado: TornadoBar[];
  /** The NPV draws in 40 equal bins from the smallest to the largest. */
  histogram: HistogramBin[];
  /** The most-likely cash flow by year (benefits minus costs), year 0 first. */
  cashFlow: number[];
  iterations: number;
  seed: number;
  hasBenefits: boolean;
}

export const MAX_CASE_YEARS = 15;
export const MAX_ITERATIONS = 100_000;
export const DEFAULT_ITERATIONS = 10_000;
const HISTOGRAM_BINS = 40;

/**
 * Checks a business case input; throws RangeError('<path>: <reason>') on the first problem.
 * Rules: discount rate in (−1, 1]; years an integer 1–15; each line's year an integer in
 * [0, years], 0 ≤ low ≤ likely ≤ high, all finite; iterations an integer 1–100,000.
 */
export function checkBusinessCase(input: BusinessCaseInput): void {
  const { discountRate, years, lines, iterations, seed } = input;
  if (!Number.isFinite(discountRate) || discountRate <= -1 || discountRate > 1) {
    throw new RangeError(`discountRate: must be above -1 (-100%) and at most 1 (100%), got ${discountRate}`);
  }
  if (!Number.isInteger(years) || years < 1 || years > MAX_CASE_YEARS) throw new RangeError(`years: must be an integer from 1 to ${MAX_CASE_YEARS}, got ${years}`);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations: must be an integer from 1 to ${MAX_ITERATIONS}, got ${iterations}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed: must be an integer, got ${seed}`);
  lines.forEach((l, i) => {
    if (!Number.isInteger(l.year) || l.year < 0 || l.year > years) throw new RangeError(`lines[${i}].year: must be an integer from 0 to ${years}, got ${l.year}`);
    for (const k of ['low', 'likely', 'high'] as const) {
      if (!Number.isFinite(l[k]) || l[k] < 0) throw new RangeError(`lines[${i}].${k}: must be a finite amount >= 0, got ${l[k]}`);
    }
    if (l.low > l.likely) throw new RangeError(`lines[${i}].low: must not exceed likely (${l.likely}), got ${l.low}`);
    if (l.likely > l.high) throw new RangeError(`lines[${i}].high: must not be below likely (${l.likely}), got ${l.high}`);
  });
}

/** The cash flow (years + 1 entries, costs negative) with each line at the value `pick` gives. */
export function caseCashFlow(years: number, lines: readonly CaseLine[], pick: (l: CaseLine, i: number) => number): number[] {
  const flows = new Array<number>(years + 1).fill(0);
  lines.forEach((l, i) => {
    flows[l.year]! += (l.type === 'cost' ? -1 : 1) * pick(l, i);
  });
  return flows;
}

/**
 * Runs the business case.
 *
 * Each line is a PERT in the Vose form with lambda = 4 (mean = (low + 4 likely + high) / 6) on
 * [low, high] with mode likely, or a constant when low = high. Lines are drawn in input order,
 * all draws of one line at a time, from xoshiro128** seeded with `seed`; so the result depends only on
 * the input. Per draw: NPV = Σₜ CFₜ / (1 + r)^t (numpy-financial convention: year 0 undiscounted),
 * IRR by numpy-financial's root rule, discounted payback interpolated within the year.
 * Percentiles use linear interpolation (numpy's default): P10 is the value 10% of draws fall below.
 * Deterministic figures use the most-likely values. The tornado swings each label (all its years
 * together) from low to high with every other line at most likely; NPV is linear in each line,
 * so these bars are exact.
 */
export function simulateBusinessCase(input: BusinessCaseInput): BusinessCaseResults {
  checkBusinessCase(input);
  const { discountRate: rate, years, lines, iterations, seed } = input;
  const T = years + 1;
  const rng = createRng(seed);
  const flows = new Float64Array(iterations * T);
  for (const l of lines) {
    const sign = l.type === 'cost' ? -1 : 1;
    if (l.low === l.high) {
      const v = sign * l.likely;
      if (v !== 0) for (let i = 0; i < iterations; i++) flows[i * T + l.year]! += v;
      continue;
    }
    const d = pert(l.low, l.likely, l.high);
    for (let i = 0; i < iterations; i++) flows[i * T + l.year]! += sign * d.sample(rng);
  }

  const v = 1 / (1 + rate);
  const npvs = new Float64Array(iterations);
  const irrs: number[] = [];
  const paybacks = new Float64Array(iterations);
  const buf = new Array<number>(T).fill(0);
  let positive = 0;
  let sum = 0;
  for (let i = 0; i < iterations; i++) {
    const base = i * T;
    let acc = 0;
    for (let t = T - 1; t >= 0; t--) acc = acc * v + flows[base + t]!;
    npvs[i] = acc;
    sum += acc;
    if (acc > 0) positive++;
    for (let t = 0; t < T; t++) buf[t] = flows[base + t]!;
    const r = irrOf(buf);
    if (r !== null) irrs.push(r);
    const p = discountedPayback(rate, buf);
    paybacks[i] = p === null ? Infinity : p;
  }

  const likelyFlows = caseCashFlow(years, lines, (l) => l.likely);
  const deterministicNpv = npv(rate, likelyFlows);
  const sortedNpv = Float64Array.from(npvs).sort();
  const sortedIrr = Float64Array.from(irrs).sort();
  const sortedPayback = Float64Array.from(paybacks).sort();
  const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
  const notWithin = paybacks.reduce((n, p) => n + (p === Infinity ? 1 : 0), 0);

  return {
    npv: {
      p10: quantileSorted(sortedNpv, 0.1),
      p50: quantileSorted(sortedNpv, 0.5),
      p90: quantileSorted(sortedNpv, 0.9),
      mean: sum / iterations,
      deterministic: deterministicNpv,
    },
    probabilityPositive: positive / iterations,
    irr: {
      p10: sortedIrr.length ? quantileSorted(sortedIrr, 0.1) : null,
      p50: sortedIrr.length ? quantileSorted(sortedIrr, 0.5) : null,
      p90: sortedIrr.length ? quantileSorted(sortedIrr, 0.9) : null,
      deterministic: irr(likelyFlows),
      probabilityDefined: sortedIrr.length / iterations,
    },
    mirr: { deterministic: mirr(likelyFlows, rate, rate) },
    payback: {
      p10: finiteOrNull(quantileSorted(sortedPayback, 0.1)),
      p50: finiteOrNull(quantileSorted(sortedPayback, 0.5)),
      p90: finiteOrNull(quantileSorted(sortedPayback, 0.9)),
      deterministic: discountedPayback(rate, likelyFlows),
      probabilityNotWithinHorizon: notWithin / iterations,
    },
    tornado: tornado(rate, lines, deterministicNpv),
    histogram: histogram(sortedNpv),
    cashFlow: likelyFlows,
    iterations,
    seed,
    hasBenefits: lines.some((l) => l.type === 'benefit' && l.high > 0),
  };
}

/**
 * IRR by numpy-financial's rule, fast for the common case. When the non-zero flows change sign
 * exactly once, Descartes' rule of signs gives exactly one root v = 1 / (1 + r) > 0 of
 * Σ CFₜ vᵗ, so that root is the IRR whatever the picking rule; it is found by Newton's method
 * kept inside a sign bracket (to about 1e-15 relative). Anything else goes to the general
 * `irr`, which isolates every root. Both agree to 1e-10 (see the property test).
 */
export function irrOf(flows: number[]): number | null {
  const n = flows.length;
  let s = 0;
  while (s < n && flows[s] === 0) s++;
  let e = n - 1;
  while (e > s && flows[e] === 0) e--;
  if (e <= s) return irr(flows);
  let changes = 0;
  let prev = flows[s]! < 0;
  for (let t = s + 1; t <= e; t++) {
    const x = flows[t]!;
    if (x === 0) continue;
    if (x < 0 !== prev) {
      changes++;
      prev = x < 0;
    }
  }
  if (changes !== 1) return irr(flows);
  const startNegative = flows[s]! < 0;
  // g(v) = Σ_{t=s..e} CFₜ v^(t−s): g(0) has the sign of CF_s, large v the sign of CF_e.
  let lo = 0;
  let hi = 1;
  const g = (x: number): number => {
    let acc = 0;
    for (let t = e; t >= s; t--) acc = acc * x + flows[t]!;
    return acc;
  };
  while ((g(hi) < 0) === startNegative) {
    hi *= 2;
    if (hi > 4e15) return irr(flows);
  }
  let v = 1 / 1.1;
  if (v >= hi) v = hi / 2;
  for (let k = 0; k < 200; k++) {
    let f = 0;
    let d = 0;
    for (let t = e; t >= s; t--) {
      d = d * v + f;
      f = f * v + flows[t]!;
    }
    if (f === 0) break;
    if ((f < 0) === startNegative) lo = v;
    else hi = v;
    let next = v - f / d;
    if (!(next > lo && next < hi)) next = lo + (hi - lo) / 2;
    if (Math.abs(next - v) <= 1e-15 * v) {
      v = next;
      break;
    }
    v = next;
  }
  if (v < 1e-300) return irr(flows);
  return 1 / v - 1;
}

/**
 * Tornado bars: for each (label, type), NPV with all its lines at low and at high, the rest at
 * most likely. NPV is linear in every line, so NPV_low = NPV_likely + sign Σ (low − likely) vᵗ.
 */
export function tornado(rate: number, lines: readonly CaseLine[], likelyNpv: number): TornadoBar[] {
  const v = 1 / (1 + rate);
  const groups = new Map<string, TornadoBar>();
  for (const l of lines) {
    const key = `${l.type}\u0000${l.label}`;
    const sign = l.type === 'cost' ? -1 : 1;
    const f = Math.pow(v, l.year);
    const g = groups.get(key) ?? { label: l.label, type: l.type, low: likelyNpv, high: likelyNpv, swing: 0 };
    g.low += sign * (l.low - l.likely) * f;
    g.high += sign * (l.high - l.likely) * f;
    groups.set(key, g);
  }
  const bars = [...groups.values()].map((g) => ({ ...g, swing: Math.abs(g.high - g.low) }));
  // Widest first; ties keep input order (Array.prototype.sort is stable).
  return bars.filter((b) => b.swing > 0).sort((a, b) => b.swing - a.swing);
}

function histogram(sorted: Float64Array): HistogramBin[] {
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  if (min === max) return [{ from: min, to: max, count: n }];
  const width = (max - min) / HISTOGRAM_BINS;
  const bins: HistogramBin[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) bins.push({ from: min + b * width, to: b === HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width, count: 0 });
  for (let i = 0; i < n; i++) {
    const b = Math.min(HISTOGRAM_BINS - 1, Math.floor((sorted[i]! - min) / width));
    bins[b]!.count++;
  }
  return bins;
}
