/**
 * Reference-class forecasting uplift (Flyvbjerg): the uplift to add to an estimate so that it
 * is not exceeded with probability `certainty`, read from the overrun ratios (actual /
 * estimate) of a reference class of similar past projects.
 *
 * uplift = the `certainty`-quantile of (ratio - 1), with linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of numpy.percentile, R quantile and Excel
 * PERCENTILE.INC): h = (n - 1) × certainty, q = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]).
 *
 * The raw quantile is returned: it is negative when, at that certainty, the reference
 * projects came in under estimate (the caller decides whether to floor it at 0).
 *
 * Source: B. Flyvbjerg, "Curbing optimism bias and strategic misrepresentation in planning:
 * reference class forecasting in practice", European Planning Studies 16(1) (2008) 3-21; HM
 * Treasury Green Book supplementary guidance on optimism bias.
 *
 * @throws RangeError on an empty class, a ratio that is not finite and > 0, or a certainty
 *   outside [0, 1].
 */
export function referenceClassUplift(ratios: readonly number[], certainty: number): number {
  if (!Array.isArray(ratios) || ratios.length === 0) throw new RangeError('ratios: the reference class must not be empty');
  ratios.forEach((r, i) => {
    if (!Number.isFinite(r) || r <= 0) throw new RangeError(`ratios[${i}]: must be a finite actual/estimate ratio > 0, got ${r}`);
  });
  if (!(certainty >= 0 && certainty <= 1)) throw new RangeError(`certainty: must be in [0, 1], got ${certainty}`);
  const x = Float64Array.from(ratios).sort();
  const h = (x.length - 1) * certainty;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, x.length - 1);
  const q = x[lo]! + (h - lo) * (x[hi]! - x[lo]!);
  return q - 1;
}
