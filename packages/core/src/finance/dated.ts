import { assertFinite, assertRate } from './validate';
import { pickRate, rateRoots } from './roots';

/** A cash flow on a calendar day. */
export interface DatedFlow {
  /** ISO calendar date `YYYY-MM-DD` (a day, no time or zone). */
  date: string;
  amount: number;
}

/**
 * Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (proleptic Gregorian), parsed by hand: no
 * Date object, no time zone.
 * Throws RangeError naming `name` for a malformed or impossible date (2023-02-29).
 * @example isoDayNumber('1970-01-02') === 1
 */
export function isoDayNumber(date: string, name = 'date'): number {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  if (!m) throw new RangeError(`${name}: must be an ISO date YYYY-MM-DD, got ${String(date)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays) throw new RangeError(`${name}: not a calendar date: ${date}`);
  // Days from civil (proleptic Gregorian), H. Hinnant's algorithm.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Validates and converts to (amount, years since the first flow's date). */
function toTimes(flows: readonly DatedFlow[]): { amounts: number[]; times: number[] } {
  if (!Array.isArray(flows) || flows.length === 0) throw new RangeError('flows: must be a non-empty array');
  const amounts: number[] = [];
  const times: number[] = [];
  let d0 = 0;
  flows.forEach((flow, i) => {
    const day = isoDayNumber(flow?.date, `flows[${i}].date`);
    assertFinite(flow.amount, `flows[${i}].amount`);
    if (i === 0) d0 = day;
    if (day < d0) throw new RangeError(`flows[${i}].date: precedes the first date ${flows[0]!.date} (Excel XNPV/XIRR convention)`);
    amounts.push(flow.amount);
    times.push((day - d0) / 365);
  });
  return { amounts, times };
}

/**
 * Net present value of dated cash flows, as Excel XNPV:
 * XNPV(r) = Σᵢ amountᵢ / (1 + r)^((dᵢ − d₀) / 365), d₀ the date of the FIRST flow (not the
 * earliest: a later flow dated before it is a RangeError, as Excel's #NUM!). Actual days over
 * 365, leap years included.
 * Source: Microsoft Excel XNPV documentation.
 * @example xnpv(0.09, [{date:'2008-01-01',amount:-10000}, {date:'2008-03-01',amount:2750},
 *   {date:'2008-10-30',amount:4250}, {date:'2009-02-15',amount:3250},
 *   {date:'2009-04-01',amount:2750}]) ≈ 2086.65
 */
export function xnpv(rate: number, flows: DatedFlow[]): number {
  assertRate(rate, 'rate');
  const { amounts, times } = toTimes(flows);
  let acc = 0;
  for (let i = 0; i < amounts.length; i++) acc += amounts[i]! / Math.pow(1 + rate, times[i]!);
  return acc;
}

/**
 * Internal rate of return of dated cash flows: r > −1 with XNPV(r) = 0 (Excel XIRR's equation).
 *
 * Excel iterates Newton from a guess of 10%; here every real root is found (see `roots.ts`) and,
 * when there are several, the same rule as {@link irr} picks one (smallest non-negative root,
 * else the negative root closest to zero). `null` when there is no root (e.g. all flows of one sign).
 * Source: Microsoft Excel XIRR documentation.
 * @example the XNPV example's flows give xirr ≈ 0.373362535
 */
export function xirr(flows: DatedFlow[]): number | null {
  const { amounts, times } = toTimes(flows);
  return pickRate(rateRoots(amounts, times));
}
