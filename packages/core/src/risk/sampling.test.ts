import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import { normalCdf } from '../stats/normal';
import { logGamma, PoissonSampler, POISSON_TABLE_LIMIT, sampleBeta, sampleGamma, sampleNormal } from './sampling';

function moments(xs: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let v = 0;
  for (const x of xs) v += (x - mean) ** 2;
  return { mean, variance: v / (xs.length - 1) };
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, 0.5723649429247001], // ln √π
    [3, Math.log(2)],
    [10, Math.log(362880)],
    [21, 42.335616460753485], // ln 20!
    [171, 706.5730622457874], // ln 170!
  ])('lnΓ(%d) = %d', (x, want) => {
    expect(logGamma(x)).toBeCloseTo(want, 10);
  });
});

describe('sampleNormal (ziggurat)', () => {
  const n = 200_000;
  const rng = createRng('ziggurat');
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = sampleNormal(rng);

  it('has mean 0 and variance 1 within 5 standard errors', () => {
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('passes a Kolmogorov-Smirnov test against Φ (0.1% level)', () => {
    const sorted = Float64Array.from(xs).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = normalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it.each([
    [1, 2 * (1 - normalCdf(1))],
    [2.5, 2 * (1 - normalCdf(2.5))],
    [3.442619855899, 2 * (1 - normalCdf(3.442619855899))], // the tail beyond the base layer
  ])('P(|Z| > %d) matches within 5 standard errors', (z, p) => {
    const k = xs.filter((x) => Math.abs(x) > z).length;
    expect(Math.abs(k / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1 / n);
  });
});

describe('PoissonSampler', () => {
  it.each([0.05, 1, 4, 9.5, 12, 150, POISSON_TABLE_LIMIT - 0.5, POISSON_TABLE_LIMIT + 0.5, 50_000])(
    'lambda %d: mean and variance within 5 standard errors',
    (lambda) => {
      const n = 100_000;
      const rng = createRng(`poisson-${lambda}`);
      const sampler = new PoissonSampler(lambda);
      const xs = new Float64Array(n);
      for (let i = 0; i < n; i++) xs[i] = sampler.sample(rng);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      const { mean, variance } = moments(xs);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    },
  );

  it.each([3, 30, 2_000])('lambda %d: chi-square goodness of fit of the pmf', (lambda) => {
    const n = 100_000;
    const rng = createRng(`chi-${lambda}`);
    const sampler = new PoissonSampler(lambda);
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = sampler.sample(rng);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const pmf = (k: number): number => Math.exp(-lambda + k * Math.log(lambda) - logGamma(k + 1));
    // Cells with expected count >= 5; the rest pooled into one cell.
    let chi = 0;
    let df = -1;
    let restObs = n;
    let restExp = n;
    for (let k = 0; k < lambda * 3 + 50; k++) {
      const e = n * pmf(k);
      if (e < 5) continue;
      const o = counts.get(k) ?? 0;
      chi += (o - e) ** 2 / e;
      df++;
      restObs -= o;
      restExp -= e;
    }
    chi += (restObs - restExp) ** 2 / restExp;
    df++;
    // Wilson-Hilferty 99.9% point of chi-square(df): df (1 - 2/(9df) + 3.09 sqrt(2/(9df)))^3.
    const crit = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
    expect(chi).toBeLessThan(crit);
  });

  it('rate 0 always gives 0; the table ends at exactly 1', () => {
    const rng = createRng(1);
    expect(new PoissonSampler(0).sample(rng)).toBe(0);
    const s = new PoissonSampler(2);
    expect(s.cdf[s.cdf.length - 1]).toBe(1);
  });

  it('a uniform just below 1 still lands inside the table', () => {
    const top = { next: () => 1 - 2 ** -53 };
    for (const lambda of [0.5, 3, 64, 700]) {
      const s = new PoissonSampler(lambda);
      const k = s.sample(top);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeGreaterThan(lambda);
    }
  });
});

describe('sampleGamma / sampleBeta (Marsaglia-Tsang)', () => {
  it.each([0.3, 1, 2.5, 20])('Gamma(%d): mean and variance = shape within 5 standard errors', (shape) => {
    const n = 100_000;
    const rng = createRng(`gamma-${shape}`);
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = sampleGamma(shape, rng);
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
    // Var of the sample variance: (mu4 - sigma^4)/n, mu4 = 3 shape^2 + 6 shape for a Gamma.
    expect(Math.abs(variance - shape)).toBeLessThan(5 * Math.sqrt((2 * shape * shape + 6 * shape) / n));
  });

  it('property: Beta draws lie in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), fc.integer(), (a, b, seed) => {
        const rng = createRng(seed);
        for (let i = 0; i < 20; i++) {
          const x = sampleBeta(a, b, rng);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
