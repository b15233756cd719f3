import { assertFlows, assertRate } from './validate';
import { pickRate, rateRoots } from './roots';

/**
 * Net present value of evenly spaced cash flows, the first at t = 0 (numpy-financial
 * convention; Excel's NPV instead discounts the first value by one period).
 *
 * NPV(r) = Σₜ flows[t] / (1 + r)^t, t = 0 … n−1.
 * Requires rate > −1 and a non-empty array of finite flows (RangeError otherwise).
 * Source: numpy_financial.npv; Gitman, Principles of Managerial Finance (2003) p. 346.
 * @example npv(0.05, [-15000, 1500, 2500, 3500, 4500, 6000]) ≈ 122.894854951
 */
export function npv(rate: number, flows: number[]): number {
  assertRate(rate, 'rate');
  assertFlows(flows, 'flows');
  // Horner in the discount factor v = 1/(1+r): Σ fₜ vᵗ.
  const v = 1 / (1 + rate);
  let acc = 0;
  for (let t = flows.length - 1; t >= 0; t--) acc = acc * v + flows[t]!;
  return acc;
}

/**
 * Internal rate of return: a rate r > −1 with NPV(r) = 0 (flows[0] at t = 0).
 *
 * All real roots above −1 are found (no starting guess; see `roots.ts`), then one is picked as
 * numpy_financial.irr does: the smallest non-negative root if there is one, otherwise the
 * negative root closest to zero. (This is "smallest in magnitude" except when the roots straddle
 * zero, where numpy-financial keeps only the non-negative ones.) Returns `null` when there is no
 * root: all flows of one sign, or no real root (e.g. [1, -2, 2]). Only rates strictly above −1
 * count: trailing zero flows give numpy-financial a spurious root at exactly −1, which it returns
 * when it is the only real one; here that case is `null`. A double root (NPV touching zero
 * without crossing) is found only where NPV evaluates to exactly 0.
 * Source: numpy_financial.irr (v1.0); Gitman (2003) p. 348.
 * @example irr([-100, 39, 59, 55, 20]) ≈ 0.28095; irr([-100, 100, 0, -7]) ≈ -0.0833
 */
export function irr(flows: number[]): number | null {
  assertFlows(flows, 'flows');
  return pickRate(rateRoots(flows, flows.map((_, t) => t)));
}

/**
 * Modified internal rate of return, as numpy_financial.mirr (and Excel MIRR):
 * MIRR = (FV of positive flows at reinvestRate / PV of negative flows at financeRate)^(1/(n−1))
 *        × (1 + reinvestRate) − 1,
 * computed as (|NPV(reinvest, positives)| / |NPV(finance, negatives)|)^(1/(n−1))·(1 + reinvest) − 1.
 * Returns `null` (numpy-financial: NaN) unless there is at least one positive and one negative flow.
 * Source: numpy_financial.mirr.
 * @example mirr([-120000, 39000, 30000, 21000, 37000, 46000], 0.10, 0.12) ≈ 0.126094
 */
export function mirr(flows: number[], financeRate: number, reinvestRate: number): number | null {
  assertFlows(flows, 'flows');
  assertRate(financeRate, 'financeRate');
  assertRate(reinvestRate, 'reinvestRate');
  const positives = flows.map((v) => (v > 0 ? v : 0));
  const negatives = flows.map((v) => (v < 0 ? v : 0));
  if (!flows.some((v) => v > 0) || !flows.some((v) => v < 0)) return null;
  const numer = Math.abs(npv(reinvestRate, positives));
  const denom = Math.abs(npv(financeRate, negatives));
  return Math.pow(numer / denom, 1 / (flows.length - 1)) * (1 + reinvestRate) - 1;
}

/**
 * Discounted payback period in periods (years for annual flows): the first time the cumulative
 * discounted flow Cₜ = Σ_{s≤t} flows[s] / (1 + rate)^s becomes ≥ 0, interpolated linearly inside
 * the period in which it crosses: payback = (t − 1) + (−C_{t−1}) / (flows[t] / (1 + rate)^t).
 *
 * 0 when flows[0] ≥ 0; `null` when the cumulative never turns non-negative. The first crossing
 * counts even if later outflows push the cumulative negative again.
 * Source: standard textbook definition (e.g. Brealey, Myers & Allen, Principles of Corporate
 * Finance, ch. 5); the interpolation convention is Tandem's (REFERENCES.md).
 * @example discountedPayback(0, [-100, 60, 60]) === 1 + 40 / 60
 */
export function discountedPayback(rate: number, flows: number[]): number | null {
  assertRate(rate, 'rate');
  assertFlows(flows, 'flows');
  const v = 1 / (1 + rate);
  let factor = 1;
  let cumulative = flows[0]!;
  if (cumulative >= 0) return 0;
  for (let t = 1; t < flows.length; t++) {
    factor *= v;
    const discounted = flows[t]! * factor;
    const next = cumulative + discounted;
    if (next >= 0) {
      // discounted > 0 here since cumulative < 0 <= next.
      const fraction = Math.min(1, -cumulative / discounted);
      return t - 1 + fraction;
    }
    cumulative = next;
  }
  return null;
}
