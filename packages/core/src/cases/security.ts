/**
 * Security cases priced with FAIR: a loss scenario (frequency range, 90% magnitude interval),
 * the controls that reduce it, the annualised loss expectancy before and after, ROSI, the loss
 * exceedance curves and the probability that the controls pay for themselves.
 */
import { createRng, type Rng } from '../rng';
import { pert } from '../risk/pert';
import { lognormalFrom90CI, lossExceedanceCurve, Z95, type ExceedancePoint } from '../risk/fair';
import { PoissonSampler, sampleNormal } from '../risk/sampling';

export interface SecurityControl {
  label: string;
  /** Cost per year (> = 0). */
  costPerYear: number;
  /** Fraction 0–1 by which the control cuts the loss event frequency. */
  frequencyReduction: number;
  /** Fraction 0–1 by which the control cuts the loss per event. */
  magnitudeReduction: number;
}

export interface SecurityScenario {
  /** Loss events per year (a Poisson rate) as a three-point range. */
  frequency: { low: number; likely: number; high: number };
  /** Loss per event: low = 5th, high = 95th percentile of a lognormal (riskquant's convention). */
  magnitude: { low: number; high: number };
  controls: readonly SecurityControl[];
}

export interface SecurityCaseInput extends SecurityScenario {
  iterations: number;
  seed: number;
}

export interface SecurityCaseResults {
  /** Exact: E[frequency] × E[loss per event] (PERT mean × lognormal mean). */
  aleBefore: number;
  /** Exact, with frequency × Π(1 − fᵢ) and magnitude × Π(1 − mᵢ). */
  aleAfter: number;
  controlCost: number;
  /** (ALE before − ALE after − control cost) / control cost; null without control cost. */
  rosi: number | null;
  /** Share of simulated years in which the loss avoided exceeds the control cost; null without controls. */
  probabilityControlsPay: number | null;
  exceedance: { before: ExceedancePoint[]; after: ExceedancePoint[] };
  /** Monte Carlo means, to show the simulation agrees with the closed form. */
  simulated: { aleBefore: number; aleAfter: number };
  iterations: number;
  seed: number;
}

export const MAX_FREQUENCY = 1000;

/** Throws RangeError('<path>: <reason>') on the first invalid field. */
export function checkSecurityScenario(s: SecurityScenario): void {
  const f = s.frequency;
  for (const k of ['low', 'likely', 'high'] as const) {
    if (!Number.isFinite(f[k]) || f[k] < 0 || f[k] > MAX_FREQUENCY) {
      throw new RangeError(`frequency.${k}: must be a rate from 0 to ${MAX_FREQUENCY} events per year, got ${f[k]}`);
    }
  }
  if (f.low > f.likely) throw new RangeError(`frequency.low: must not exceed likely (${f.likely}), got ${f.low}`);
  if (f.likely > f.high) throw new RangeError(`frequency.high: must not be below likely (${f.likely}), got ${f.high}`);
  const m = s.magnitude;
  if (!Number.isFinite(m.low) || m.low <= 0) throw new RangeError(`magnitude.low: must be an amount > 0, got ${m.low}`);
  if (!Number.isFinite(m.high) || m.high <= m.low) throw new RangeError(`magnitude.high: must be greater than low (${m.low}), got ${m.high}`);
  s.controls.forEach((c, i) => {
    if (!Number.isFinite(c.costPerYear) || c.costPerYear < 0) throw new RangeError(`controls[${i}].costPerYear: must be an amount >= 0, got ${c.costPerYear}`);
    for (const k of ['frequencyReduction', 'magnitudeReduction'] as const) {
      if (!Number.isFinite(c[k]) || c[k] < 0 || c[k] > 1) throw new RangeError(`controls[${i}].${k}: must be a fraction from 0 to 1, got ${c[k]}`);
    }
  });
}

/** PERT mean (low + 4 likely + high) / 6 (Vose, lambda 4); the value itself when certain. */
export function expectedFrequency(f: { low: number; likely: number; high: number }): number {
  return f.low === f.high ? f.likely : (f.low + 4 * f.likely + f.high) / 6;
}

/** The factors the controls leave: frequency × Π(1 − fᵢ), magnitude × Π(1 − mᵢ) (independent layers). */
export function controlFactors(controls: readonly SecurityControl[]): { frequency: number; magnitude: number; cost: number } {
  let frequency = 1;
  let magnitude = 1;
  let cost = 0;
  for (const c of controls) {
    frequency *= 1 - c.frequencyReduction;
    magnitude *= 1 - c.magnitudeReduction;
    cost += c.costPerYear;
  }
  return { frequency, magnitude, cost };
}

/**
 * ALE before and after the controls, exactly: with N ~ Poisson(λ), λ ~ PERT and independent
 * lognormal losses X, E[annual loss] = E[λ] E[X] (Wald), E[X] = exp(mu + sigma² / 2).
 * Source: Netflix riskquant for a fixed rate (0.1, [1, 10] → 0.4040012826945718).
 */
export function securityAle(s: SecurityScenario): { aleBefore: number; aleAfter: number; controlCost: number } {
  checkSecurityScenario(s);
  const before = expectedFrequency(s.frequency) * lognormalFrom90CI(s.magnitude.low, s.magnitude.high).mean;
  const k = controlFactors(s.controls);
  return { aleBefore: before, aleAfter: before * k.frequency * k.magnitude, controlCost: k.cost };
}

/**
 * Simulates `years` independent years of one scenario, before and after its controls, with
 * common random numbers: per year λ ~ PERT(frequency) (or fixed), N ~ Poisson(λ), each event a
 * lognormal loss X; after the controls each event survives with probability Π(1 − fᵢ) (Poisson
 * thinning, so the after-count is Poisson(λ Π(1 − fᵢ))) and costs X Π(1 − mᵢ).
 * Adds into `before` and `after` (so scenarios can be summed into a portfolio).
 */
export function simulateSecurityYears(s: SecurityScenario, rng: Rng, before: Float64Array, after: Float64Array): void {
  checkSecurityScenario(s);
  const years = before.length;
  const f = s.frequency;
  const freq = f.low === f.high ? null : pert(f.low, f.likely, f.high);
  const mu = (Math.log(s.magnitude.low) + Math.log(s.magnitude.high)) / 2;
  const sigma = (Math.log(s.magnitude.high) - Math.log(s.magnitude.low)) / (2 * Z95);
  const k = controlFactors(s.controls);
  for (let y = 0; y < years; y++) {
    const lambda = freq ? freq.sample(rng) : f.likely;
    const n = poisson(lambda, rng);
    let b = 0;
    let a = 0;
    for (let e = 0; e < n; e++) {
      const x = Math.exp(mu + sigma * sampleNormal(rng));
      b += x;
      if (rng.next() < k.frequency) a += x * k.magnitude;
    }
    before[y]! += b;
    after[y]! += a;
  }
}

/** Poisson(λ): sequential inversion below 30 (one uniform), the shared sampler above. */
function poisson(lambda: number, rng: Rng): number {
  if (lambda <= 0) return 0;
  if (lambda >= 30) return new PoissonSampler(lambda).sample(rng);
  const u = rng.next();
  let p = Math.exp(-lambda);
  let cdf = p;
  let k = 0;
  while (u >= cdf && k < 200) {
    k++;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

/** Shared log-spaced loss grid for two curves: the default grid of the wider one. */
function exceedancePair(before: Float64Array, after: Float64Array): { before: ExceedancePoint[]; after: ExceedancePoint[] } {
  const b = lossExceedanceCurve(before);
  const grid = b.map((p) => p.loss);
  return { before: b, after: lossExceedanceCurve(after, grid) };
}

/**
 * Runs a security case: exact ALEs, ROSI = (ALE before − ALE after − cost) / cost (ENISA / SANS
 * return on security investment), and a seeded simulation of `iterations` years for the loss
 * exceedance curves (P(annual loss > x), before and after, on one log-spaced grid) and for the
 * probability that the controls pay: the share of years whose avoided loss exceeds their cost.
 */
export function simulateSecurityCase(input: SecurityCaseInput): SecurityCaseResults {
  checkSecurityScenario(input);
  if (!Number.isInteger(input.iterations) || input.iterations < 1 || input.iterations > 100_000) {
    throw new RangeError(`iterations: must be an integer from 1 to 100000, got ${input.iterations}`);
  }
  if (!Number.isSafeInteger(input.seed)) throw new RangeError(`seed: must be an integer, got ${input.seed}`);
  const { aleBefore, aleAfter, controlCost } = securityAle(input);
  const before = new Float64Array(input.iterations);
  const after = new Float64Array(input.iterations);
  simulateSecurityYears(input, createRng(input.seed), before, after);
  let sb = 0;
  let sa = 0;
  let pays = 0;
  for (let i = 0; i < before.length; i++) {
    sb += before[i]!;
    sa += after[i]!;
    if (before[i]! - after[i]! > controlCost) pays++;
  }
  return {
    aleBefore,
    aleAfter,
    controlCost,
    rosi: controlCost > 0 ? (aleBefore - aleAfter - controlCost) / controlCost : null,
    probabilityControlsPay: input.controls.length > 0 ? pays / before.length : null,
    exceedance: exceedancePair(before, after),
    simulated: { aleBefore: sb / before.length, aleAfter: sa / after.length },
    iterations: input.iterations,
    seed: input.seed,
  };
}

export interface PortfolioResults {
  aleBefore: number;
  aleAfter: number;
  controlCost: number;
  exceedance: { before: ExceedancePoint[]; after: ExceedancePoint[] };
  iterations: number;
  seed: number;
}

/**
 * The register's portfolio: ALEs add up exactly; the exceedance curves come from simulating all
 * scenarios (in the given order, one generator) and summing each simulated year across them.
 */
export function simulatePortfolio(scenarios: readonly SecurityScenario[], iterations: number, seed: number): PortfolioResults {
  const before = new Float64Array(iterations);
  const after = new Float64Array(iterations);
  const rng = createRng(seed);
  let aleBefore = 0;
  let aleAfter = 0;
  let controlCost = 0;
  for (const s of scenarios) {
    const a = securityAle(s);
    aleBefore += a.aleBefore;
    aleAfter += a.aleAfter;
    controlCost += a.controlCost;
    simulateSecurityYears(s, rng, before, after);
  }
  return { aleBefore, aleAfter, controlCost, exceedance: exceedancePair(before, after), iterations, seed };
}
