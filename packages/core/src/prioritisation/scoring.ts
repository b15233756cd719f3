/**
 * Prioritisation scores: WSJF (SAFe), RICE (Intercom), CD3 and the total cost of delay of a
 * sequence (Black Swan Farming / Reinertsen).
 */

function finiteNonNegative(name: string, x: number): void {
  if (!Number.isFinite(x) || x < 0) throw new RangeError(`${name}: must be a finite number >= 0, got ${x}`);
}

function finitePositive(name: string, x: number): void {
  if (!Number.isFinite(x) || x <= 0) throw new RangeError(`${name}: must be a finite number > 0, got ${x}`);
}

/** The inputs of {@link wsjf}, each usually on the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20. */
export interface WsjfInput {
  businessValue: number;
  timeCriticality: number;
  /** Risk reduction and/or opportunity enablement. */
  riskReduction: number;
  jobSize: number;
}

/**
 * Weighted Shortest Job First (SAFe): (user/business value + time criticality + risk
 * reduction/opportunity enablement) / job size, unrounded. Example: (8 + 5 + 13) / 5 = 5.2.
 *
 * Source: Scaled Agile Framework, "WSJF" (cost of delay over job duration, Reinertsen).
 * @throws RangeError when a component is negative or not finite, or jobSize <= 0.
 */
export function wsjf(x: WsjfInput): number {
  finiteNonNegative('businessValue', x.businessValue);
  finiteNonNegative('timeCriticality', x.timeCriticality);
  finiteNonNegative('riskReduction', x.riskReduction);
  finitePositive('jobSize', x.jobSize);
  return (x.businessValue + x.timeCriticality + x.riskReduction) / x.jobSize;
}

/** The inputs of {@link rice}. */
export interface RiceInput {
  /** People or events per period. */
  reach: number;
  /** Intercom's scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
  impact: number;
  /** A fraction in [0, 1]: 1 = 100% (high), 0.8 = 80% (medium), 0.5 = 50% (low). */
  confidence: number;
  /** Person-months (or any unit used consistently), > 0. */
  effort: number;
}

/**
 * RICE score (Intercom, Sean McBride 2016): reach × impact × confidence / effort.
 * Confidence is a FRACTION in [0, 1] (80% is 0.8), never a percentage: a value such as 80
 * is rejected rather than silently scoring 100 times too high.
 *
 * @throws RangeError when reach or impact is negative or not finite, confidence is outside
 *   [0, 1], or effort <= 0.
 */
export function rice(x: RiceInput): number {
  finiteNonNegative('reach', x.reach);
  finiteNonNegative('impact', x.impact);
  if (!(x.confidence >= 0 && x.confidence <= 1)) {
    throw new RangeError(`confidence: must be a fraction in [0, 1] (80% is 0.8), got ${x.confidence}`);
  }
  finitePositive('effort', x.effort);
  return (x.reach * x.impact * x.confidence) / x.effort;
}

/**
 * CD3, Cost of Delay Divided by Duration: cost of delay per week / duration in weeks. Doing
 * work in descending CD3 order minimises the total cost of delay (see {@link totalDelayCost}).
 * Example: A 10/week over 2 weeks = 5, B 30/week over 4 weeks = 7.5.
 *
 * Source: Black Swan Farming (Joshua Arnold), "CD3"; D. Reinertsen, The Principles of Product
 * Development Flow (2009), weighted shortest job first.
 * @throws RangeError when the cost is negative or not finite, or the duration <= 0.
 */
export function cd3(costOfDelayPerWeek: number, durationWeeks: number): number {
  finiteNonNegative('costOfDelayPerWeek', costOfDelayPerWeek);
  finitePositive('durationWeeks', durationWeeks);
  return costOfDelayPerWeek / durationWeeks;
}

/** One item of a sequence for {@link totalDelayCost}. */
export interface DelayItem {
  costOfDelayPerWeek: number;
  durationWeeks: number;
}

/**
 * Total cost of delay of doing the items one after the other in the given order:
 * Σ costOfDelayPerWeek_i × completion time_i, where completion time_i is the sum of the
 * durations up to and including item i (each item costs its rate until it is delivered).
 * Example (Black Swan Farming): A 10/week 2 weeks, B 30/week 4 weeks: B then A costs
 * 30 × 4 + 10 × 6 = 180; A then B costs 10 × 2 + 30 × 6 = 200.
 *
 * @throws RangeError (naming the index) on a negative or non-finite cost or duration.
 */
export function totalDelayCost(sequence: readonly DelayItem[]): number {
  let clock = 0;
  let total = 0;
  sequence.forEach((item, i) => {
    finiteNonNegative(`sequence[${i}].costOfDelayPerWeek`, item.costOfDelayPerWeek);
    finiteNonNegative(`sequence[${i}].durationWeeks`, item.durationWeeks);
    clock += item.durationWeeks;
    total += item.costOfDelayPerWeek * clock;
  });
  return total;
}
