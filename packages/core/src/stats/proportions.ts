import { normalCdf, normalQuantile } from './normal';

function checkCount(successes: number, n: number, sName: string, nName: string): void {
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw new RangeError(`${nName}: must be a finite number > 0, got ${String(n)}`);
  if (typeof successes !== 'number' || !Number.isFinite(successes) || successes < 0) {
    throw new RangeError(`${sName}: must be a finite number >= 0, got ${String(successes)}`);
  }
  if (successes > n) throw new RangeError(`${sName}: must not exceed ${nName} (${successes} > ${n})`);
}

/** z_{1−α/2} for a two-sided interval of the given confidence. */
function twoSidedZ(confidence: number): number {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`confidence: must be strictly between 0 and 1, got ${String(confidence)}`);
  }
  return normalQuantile(1 - (1 - confidence) / 2);
}

function wilsonZ(successes: number, n: number, z: number): [number, number] {
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const center = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // Clamps only absorb rounding: mathematically 0 ≤ lower ≤ p ≤ upper ≤ 1, with equality at the ends.
  const lower = successes === 0 ? 0 : Math.min(p, Math.max(0, center - half));
  const upper = successes === n ? 1 : Math.max(p, Math.min(1, center + half));
  return [lower, upper];
}

/**
 * Wilson score interval for a binomial proportion p̂ = successes / n:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(1 − (1 − confidence)/2).
 *
 * Invariants: 0 ≤ lower ≤ p̂ ≤ upper ≤ 1; lower = 0 when successes = 0, upper = 1 when
 * successes = n. Counts may be non-integer (weighted data); n > 0 and 0 ≤ successes ≤ n, else RangeError.
 * Source: E. B. Wilson, JASA 22 (1927) 209-212; Newcombe, Stat. Med. 17 (1998) 857-872, method 3.
 * @example wilsonInterval(100, 200) ≈ [0.4313609, 0.5686391]
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): [number, number] {
  checkCount(successes, n, 'successes', 'n');
  return wilsonZ(successes, n, twoSidedZ(confidence));
}

/**
 * Confidence interval for the difference of two independent proportions p₁ − p₂ by Newcombe's
 * hybrid score method (method 10), built from the Wilson intervals (l₁, u₁), (l₂, u₂):
 * lower = p₁ − p₂ − √((p₁ − l₁)² + (u₂ − p₂)²), upper = p₁ − p₂ + √((u₁ − p₁)² + (p₂ − l₂)²).
 *
 * Invariants: −1 ≤ lower ≤ p₁ − p₂ ≤ upper ≤ 1.
 * Source: R. G. Newcombe, "Interval estimation for the difference between independent
 * proportions", Stat. Med. 17 (1998) 873-890, method 10.
 * @example newcombeInterval(56, 70, 48, 80) ≈ [0.0524, 0.3339]
 */
export function newcombeInterval(s1: number, n1: number, s2: number, n2: number, confidence = 0.95): [number, number] {
  checkCount(s1, n1, 's1', 'n1');
  checkCount(s2, n2, 's2', 'n2');
  const z = twoSidedZ(confidence);
  const p1 = s1 / n1;
  const p2 = s2 / n2;
  const [l1, u1] = wilsonZ(s1, n1, z);
  const [l2, u2] = wilsonZ(s2, n2, z);
  const d = p1 - p2;
  const lower = d - Math.hypot(p1 - l1, u2 - p2);
  const upper = d + Math.hypot(u1 - p1, p2 - l2);
  return [Math.max(-1, Math.min(d, lower)), Math.min(1, Math.max(d, upper))];
}

/**
 * Two-sided pooled z-test for H₀: p₁ = p₂.
 * P = (s₁ + s₂)/(n₁ + n₂), z = (p₁ − p₂) / √(P(1 − P)(1/n₁ + 1/n₂)), p = 2·Φ(−|z|).
 *
 * When P is 0 or 1 (no variation at all) the statistic is 0/0; this returns { z: 0, p: 1 }
 * (no evidence of a difference) rather than NaN.
 * Source: e.g. Agresti, Categorical Data Analysis (3rd ed., 2013) §3.1; equals the Pearson
 * chi-square test of the 2×2 table without continuity correction (z² = χ²).
 * @example twoProportionZTest(56, 70, 48, 80) ≈ { z: 2.65017, p: 0.0080451 }
 */
export function twoProportionZTest(s1: number, n1: number, s2: number, n2: number): { z: number; p: number } {
  checkCount(s1, n1, 's1', 'n1');
  checkCount(s2, n2, 's2', 'n2');
  const pooled = (s1 + s2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, p: 1 };
  const z = (s1 / n1 - s2 / n2) / se;
  return { z, p: Math.min(1, 2 * normalCdf(-Math.abs(z))) };
}
