import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isoDayNumber, xirr, xnpv, type DatedFlow } from './dated';
import { npv } from './cashflow';

// Microsoft Excel XNPV / XIRR documentation example.
const excel: DatedFlow[] = [
  { date: '2008-01-01', amount: -10000 },
  { date: '2008-03-01', amount: 2750 },
  { date: '2008-10-30', amount: 4250 },
  { date: '2009-02-15', amount: 3250 },
  { date: '2009-04-01', amount: 2750 },
];

describe('xnpv', () => {
  it('matches the Excel XNPV documentation: 2086.65 at 9%', () => {
    expect(xnpv(0.09, excel)).toBeCloseTo(2086.65, 2);
  });

  it('equals npv for flows exactly 365 days apart', () => {
    const flows = [-1000, 300, 400, 500];
    const dated = flows.map((amount, i) => ({ date: ['2001-01-01', '2002-01-01', '2003-01-01', '2004-01-01'][i]!, amount }));
    expect(xnpv(0.07, dated)).toBeCloseTo(npv(0.07, flows), 9);
  });

  it.each([
    ['empty', [] as DatedFlow[], /^flows:/],
    ['bad date', [{ date: '2008-13-01', amount: 1 }], /^flows\[0\]\.date:/],
    ['impossible day', [{ date: '2023-02-29', amount: 1 }], /^flows\[0\]\.date:/],
    ['NaN amount', [{ date: '2008-01-01', amount: NaN }], /^flows\[0\]\.amount:/],
    ['date before the first', [{ date: '2008-01-02', amount: -1 }, { date: '2008-01-01', amount: 1 }], /^flows\[1\]\.date:/],
  ])('rejects %s', (_label, flows, message) => {
    expect(() => xnpv(0.1, flows)).toThrow(RangeError);
    expect(() => xnpv(0.1, flows)).toThrow(message);
  });
});

describe('xirr', () => {
  it('matches the Excel XIRR documentation: 0.373362535', () => {
    // Excel shows 0.373362535; the exact root is 0.3733625335... Excel's Newton iteration stops at
    // a tolerance of 1e-8 (0.000001%), so it agrees with the exact root to about 1e-8 only.
    expect(Math.abs(xirr(excel)! - 0.373362535)).toBeLessThan(2e-9);
    expect(Math.abs(xnpv(xirr(excel)!, excel))).toBeLessThan(1e-8);
  });

  it('is null when all flows have one sign', () => {
    expect(xirr([{ date: '2020-01-01', amount: 1 }, { date: '2021-01-01', amount: 2 }])).toBeNull();
  });

  it('merges flows on the same day', () => {
    const r = xirr([
      { date: '2020-01-01', amount: -60 },
      { date: '2020-01-01', amount: -40 },
      { date: '2020-12-31', amount: 110 },
    ]);
    expect(r!).toBeCloseTo(0.1, 12);
  });

  it('XNPV at the XIRR is zero (relative to the discounted flows)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 6 }), (flows) => {
        const dated = flows.map((amount, i) => ({ date: `20${String(10 + i).padStart(2, '0')}-03-01`, amount }));
        const r = xirr(dated);
        if (r === null) return;
        const scale = dated.reduce((s, f) => s + Math.abs(f.amount) / Math.pow(1 + r, (isoDayNumber(f.date) - isoDayNumber(dated[0]!.date)) / 365), 0);
        expect(Math.abs(xnpv(r, dated))).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });
});

describe('isoDayNumber', () => {
  it.each([['2023-02-29'], ['1900-02-29'], ['2020-00-10'], ['2020-04-31'], ['2020-1-01'], ['20200101'], ['2020-01-01T00:00']])('rejects %s', (date) => {
    expect(() => isoDayNumber(date)).toThrow(/^date:/);
  });

  it('counts consecutive days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 700000 }), (d) => {
        // Build the ISO date of day d with Date.UTC arithmetic (years 1..3886 here) and parse it back.
        const ms = d * 86400000;
        const dt = new Date(ms);
        const iso = `${String(dt.getUTCFullYear()).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
        expect(isoDayNumber(iso)).toBe(d);
      }),
    );
  });

  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['2000-03-01', 11017],
    ['1969-12-31', -1],
    ['2008-03-01', 13939],
    ['2000-02-29', 11016],
    ['0001-01-01', -719162],
    ['2400-12-31', 157419],
  ])('%s -> %s', (date, day) => {
    expect(isoDayNumber(date)).toBe(day);
  });
});
