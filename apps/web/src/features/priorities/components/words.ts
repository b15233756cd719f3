/**
 * Plain words for the agreement figures. Kendall's τ_b: |τ| < 0.1 none, < 0.3 weak, < 0.5
 * moderate, else strong (a common reading for rank correlations). Krippendorff's α: ≥ 0.8
 * reliable, ≥ 0.667 tentative, else not (Krippendorff 2004, ch. 12).
 */
export function tauWords(tau: number | null): string {
  if (tau === null) return 'Business and IT agreement cannot be measured yet (too few items scored by both sides)';
  const a = Math.abs(tau);
  const strength = a < 0.1 ? 'hardly agree' : a < 0.3 ? 'agree weakly' : a < 0.5 ? 'agree moderately' : 'agree strongly';
  if (tau < -0.1) return `Business and IT rank in opposite directions: τ = ${tau.toFixed(2)}`;
  return `Business and IT ${strength}: τ = ${tau.toFixed(2)}`;
}

export function alphaWords(side: 'Business' | 'IT', alpha: number | null): string {
  if (alpha === null) return `${side}'s own agreement cannot be measured (fewer than two scorers)`;
  const how = alpha >= 0.8 ? 'agrees with itself' : alpha >= 0.667 ? 'agrees with itself tentatively' : 'does not agree with itself';
  return `${side} ${how}: α = ${alpha.toFixed(2)}`;
}

export const fmt = (n: number | null, digits = 2) => (n === null ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(digits));
