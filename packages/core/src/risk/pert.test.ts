import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng } from '../rng';
import { pert } from './index';

describe('pert (Vose / TensorFlow Probability form)', () => {
  it.each([
    // min, mode, max, lambda, alpha, beta, mean
    [0, 2, 10, 4, 1.8, 4.2, 3],
    [1, 1, 3, 4, 1, 5, 4 / 3],
    [1, 3, 3, 4, 5, 1, 8 / 3],
    [10, 15, 20, 4, 3, 3, 15],
    [0, 25, 100, 2, 1.5, 2.5, 37.5],
    [-5, 0, 5, 8, 5, 5, 0],
  ])('pert(%d, %d, %d, lambda %d): alpha %d, beta %d, mean %d', (min, mode, max, lambda, alpha, beta, mean) => {
    const d = pert(min, mode, max, lambda);
    expect(d.alpha).toBeCloseTo(alpha, 12);
    expect(d.beta).toBeCloseTo(beta, 12);
    expect(d.mean).toBeCloseTo(mean, 12);
    // The Beta mean gives the same number: min + (max - min) alpha / (alpha + beta).
    expect(min + ((max - min) * d.alpha) / (d.alpha + d.beta)).toBeCloseTo(mean, 12);
  });

  it('lambda defaults to 4', () => {
    expect(pert(0, 1, 10).lambda).toBe(4);
    expect(pert(0, 1, 10).mean).toBeCloseTo(14 / 6, 12);
  });

  const pertArb = fc
    .tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.5, max: 10, noNaN: true }),
    )
    .map(([min, width, at, lambda]) => ({ min, max: min + width, mode: Math.min(min + at * width, min + width), lambda }));

  it('property: mean matches (min + lambda mode + max) / (lambda + 2); samples lie in [min, max]', () => {
    fc.assert(
      fc.property(pertArb, fc.integer(), ({ min, mode, max, lambda }, seed) => {
        const d = pert(min, mode, max, lambda);
        expect(d.mean).toBeCloseTo((min + lambda * mode + max) / (lambda + 2), 6);
        const rng = createRng(seed);
        for (let i = 0; i < 50; i++) {
          const x = d.sample(rng);
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(max);
        }
      }),
    );
  });

  it('property: the sample mean is within 5 standard errors of the mean', () => {
    fc.assert(
      fc.property(pertArb, fc.integer(), ({ min, mode, max, lambda }, seed) => {
        const d = pert(min, mode, max, lambda);
        const n = 4_000;
        const xs = d.sampleMany(createRng(seed), n);
        let s = 0;
        for (const x of xs) s += x;
        const a = d.alpha;
        const b = d.beta;
        const sd = (max - min) * Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
        expect(Math.abs(s / n - d.mean)).toBeLessThanOrEqual(5 * (sd / Math.sqrt(n)) + 1e-9 * (Math.abs(d.mean) + max - min));
      }),
      { numRuns: 40 },
    );
  });

  it('same seed -> same draws', () => {
    const d = pert(1, 4, 12);
    expect(Array.from(d.sampleMany(createRng('pert'), 100))).toEqual(Array.from(d.sampleMany(createRng('pert'), 100)));
    const r1 = createRng(9);
    const r2 = createRng(9);
    expect([d.sample(r1), d.sample(r1)]).toEqual([d.sample(r2), d.sample(r2)]);
  });

  it.each([
    [1, 1, 1, 4, /max/],
    [2, 1, 1, 4, /max/],
    [0, -1, 10, 4, /mode/],
    [0, 11, 10, 4, /mode/],
    [0, 5, 10, 0, /lambda/],
    [NaN, 5, 10, 4, /min/],
    [0, 5, Infinity, 4, /max/],
  ])('rejects pert(%d, %d, %d, %d)', (min, mode, max, lambda, msg) => {
    expect(() => pert(min, mode, max, lambda)).toThrow(RangeError);
    expect(() => pert(min, mode, max, lambda)).toThrow(msg);
  });
});
