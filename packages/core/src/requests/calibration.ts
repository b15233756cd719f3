/**
 * Resolving the calibration log (issue #11): a forecast is judged against the work it was about.
 * Pure: the caller passes what happened.
 */

/**
 * The day a forecast set of requests was finished: the last done day once every request of the
 * set is settled (done, or rejected: rejected work is not delivered, and waits for nothing), null
 * while any is still open or when none of them was delivered. Requests deleted since the forecast
 * are gone from `items` and so wait for nothing either.
 * @example finishedOn([{ doneOn: '2026-03-02', rejected: false }, { doneOn: null, rejected: true }]) === '2026-03-02'
 */
export function finishedOn(items: readonly { doneOn: string | null; rejected: boolean }[]): string | null {
  let last: string | null = null;
  for (const r of items) {
    if (r.rejected) continue;
    if (!r.doneOn) return null;
    if (last === null || r.doneOn > last) last = r.doneOn;
  }
  return last;
}

export type CalibrationVerdict = 'not_enough_data' | 'calibrated' | 'overconfident' | 'underconfident';

/**
 * Is an 85% forecast method calibrated? With `resolved` forecasts of which `within` came true,
 * the hit rate within/resolved should land near 0.85: "calibrated" when at least `minResolved`
 * resolved and the rate is within `tolerance` of 0.85, "overconfident" below (reality fell outside
 * more often than promised), "underconfident" above (the 85% dates were needlessly late).
 */
export function calibrationVerdict(resolved: number, within: number, minResolved = 10, tolerance = 0.1): { hitRate: number | null; verdict: CalibrationVerdict } {
  const hitRate = resolved > 0 ? within / resolved : null;
  if (hitRate === null || resolved < minResolved) return { hitRate, verdict: 'not_enough_data' };
  if (Math.abs(hitRate - 0.85) <= tolerance + 1e-12) return { hitRate, verdict: 'calibrated' };
  return { hitRate, verdict: hitRate < 0.85 ? 'overconfident' : 'underconfident' };
}
