import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createRng, xoshiro128StarStar } from './rng';

describe('xoshiro128StarStar', () => {
  // Test vectors generated with the C reference implementation (prng.di.unimi.it/xoshiro128starstar.c),
  // as published in edorfaus/xoshiro-6502 test-rom/testdata.asm (VerifyValuesXoshiro128, "starstar" column).
  it('reproduces the reference implementation', () => {
    const g = xoshiro128StarStar([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([
      0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70,
    ]);
  });

  it('state {1, 2, 3, 4}: first output is rotl(2 * 5, 7) * 9 = 11520', () => {
    const g = xoshiro128StarStar([1, 2, 3, 4]);
    expect(g.nextUint32()).toBe(11520);
    expect(g.nextUint32()).toBe(0);
  });

  it('next() is nextUint32() / 2^32', () => {
    const a = xoshiro128StarStar([5, 6, 7, 8]);
    const b = xoshiro128StarStar([5, 6, 7, 8]);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.nextUint32() / 2 ** 32);
  });

  it.each([
    [[0, 0, 0, 0]],
    [[1, 2, 3, -1]],
    [[1, 2, 3, 2 ** 32]],
    [[1, 2, 3, 0.5]],
  ])('rejects state %j', (state) => {
    expect(() => xoshiro128StarStar(state as [number, number, number, number])).toThrow(RangeError);
  });
});

describe('createRng', () => {
  it.each([0, 1, -1, 42, 2 ** 40, Number.MAX_SAFE_INTEGER, 0.5, '', 'tandem', 'é✓'])('seed %j: reproducible, in [0, 1)', (seed) => {
    const a = createRng(seed);
    const b = createRng(seed);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it.each([
    [1, 2],
    [0, -1],
    [2 ** 32, 0],
    ['a', 'b'],
    ['1', 1],
  ])('seeds %j and %j give different streams', (s1, s2) => {
    const a = createRng(s1);
    const b = createRng(s2);
    const xs = Array.from({ length: 8 }, () => a.next());
    const ys = Array.from({ length: 8 }, () => b.next());
    expect(xs).not.toEqual(ys);
  });

  it.each([[NaN], [Infinity], [-Infinity], [2 ** 53]])('rejects seed %d', (seed) => {
    expect(() => createRng(seed)).toThrow(RangeError);
  });

  it('property: same seed -> identical sequence', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string(), fc.maxSafeInteger()), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
      }),
    );
  });

  it('is uniform: chi-square over 64 cells, 128,000 draws (99.9% point of chi-square(63) is 103.4)', () => {
    const rng = createRng('uniformity');
    const cells = new Array<number>(64).fill(0);
    const n = 128_000;
    for (let i = 0; i < n; i++) cells[Math.floor(rng.next() * 64)]!++;
    const e = n / 64;
    const chi = cells.reduce((s, o) => s + (o - e) ** 2 / e, 0);
    expect(chi).toBeLessThan(103.4);
  });

  it('has uncorrelated neighbours (lag-1 correlation within 5 standard errors)', () => {
    const rng = createRng(2024);
    const n = 100_000;
    let prev = rng.next();
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      sxy += (prev - 0.5) * (x - 0.5);
      prev = x;
    }
    const r = sxy / n / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(5 / Math.sqrt(n));
  });
});
