import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { krippendorffAlpha, type AlphaLevel } from './krippendorff';

// K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section E:
// 4 observers x 12 units, with missing values.
const reliabilityData: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

describe('krippendorffAlpha', () => {
  it.each([
    // Same paper, section E, to the three decimals published.
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as [AlphaLevel, number][])('worked example with missing data, %s: %s', (level, expected) => {
    expect(krippendorffAlpha(reliabilityData, level)).toBeCloseTo(expected, 3);
  });

  it('binary data, two observers (same paper, section A): 0.095', () => {
    const data = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.095, 3);
  });

  it('nominal data, two observers, no missing values (same paper, section C): 0.692', () => {
    const code = { a: 1, b: 2, c: 3, d: 4, e: 5 } as const;
    const data = ['aabbdcccedda', 'babbbccceddd'].map((row) => [...row].map((c) => code[c as keyof typeof code]));
    expect(krippendorffAlpha(data, 'nominal')).toBeCloseTo(0.692, 3);
  });

  it.each(['nominal', 'ordinal', 'interval', 'ratio'] as AlphaLevel[])('is 1 under perfect agreement (%s)', (level) => {
    expect(krippendorffAlpha([[1, 2, 3, null], [1, 2, 3, 4], [1, null, 3, 4]], level)).toBeCloseTo(1, 14);
  });

  it.each([
    ['empty data', () => krippendorffAlpha([], 'nominal'), /^data:/],
    ['ragged rows', () => krippendorffAlpha([[1, 2], [1]], 'nominal'), /^data:/],
    ['NaN value', () => krippendorffAlpha([[1, NaN], [1, 2]], 'nominal'), /^data:/],
    ['no pairable unit', () => krippendorffAlpha([[1, null], [null, 2]], 'nominal'), /^data:/],
    ['no variation', () => krippendorffAlpha([[1, 1], [1, 1]], 'interval'), /^data:/],
    ['negative ratio value', () => krippendorffAlpha([[1, -1], [1, 2]], 'ratio'), /^data:/],
    ['unknown level', () => krippendorffAlpha([[1, 2], [1, 2]], 'fuzzy' as AlphaLevel), /^level:/],
  ])('rejects %s', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('is at most 1, ignores unpairable units and does not depend on the order of observers or units', () => {
    const cell = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
    const matrix = fc
      .tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 12 }))
      .chain(([observers, units]) => fc.array(fc.array(cell, { minLength: units, maxLength: units }), { minLength: observers, maxLength: observers }));
    fc.assert(
      fc.property(matrix, fc.constantFrom<AlphaLevel>('nominal', 'ordinal', 'interval', 'ratio'), (data, level) => {
        let alpha: number;
        try {
          alpha = krippendorffAlpha(data, level);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          return;
        }
        expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        const reversed = [...data].reverse().map((row) => [...row].reverse());
        expect(krippendorffAlpha(reversed, level)).toBeCloseTo(alpha, 12);
        const withLonelyUnit = data.map((row, r) => [...row, r === 0 ? 3 : null]);
        expect(krippendorffAlpha(withLonelyUnit, level)).toBeCloseTo(alpha, 12);
      }),
    );
  });
});
