import { simulateBusinessCase, simulateSecurityCase } from '@tandem/core';
import type { TBusinessResults, TCaseLine, TControl, TSecurityResults } from '@tandem/contracts';
import { AppError } from '../../lib/errors';

/** The inputs of one version, as the maths needs them. */
export type CaseInputs =
  | { kind: 'business'; discountRate: number; years: number; lines: TCaseLine[]; seed: number; iterations: number }
  | {
      kind: 'security';
      frequency: { low: number; likely: number; high: number };
      magnitude: { low: number; high: number };
      controls: TControl[];
      seed: number;
      iterations: number;
    };

/**
 * Runs the core maths for one version. A RangeError from core ('lines[2].low: ...') becomes a
 * 400 naming the body field, so rules that span fields (checked on the merged case after a
 * PATCH) answer like the schema does.
 */
export function computeResults(input: CaseInputs): TBusinessResults | TSecurityResults {
  try {
    if (input.kind === 'business') {
      const r = simulateBusinessCase(input);
      const notes = [
        `Monte Carlo: ${r.iterations.toLocaleString('en-GB')} draws, seed ${r.seed}; each line a PERT (Vose, lambda 4) over its low, most likely and high values.`,
        'NPV discounts year n by (1 + rate)^n; year 0 is not discounted. P10 is the value 10% of the draws fall below.',
      ];
      if (!r.hasBenefits) notes.push('This case has no benefit lines: its NPV is the present value of its costs alone, so it is negative.');
      return { kind: 'business', ...r, notes };
    }
    const r = simulateSecurityCase(input);
    const notes = [
      'ALE before and after the controls is exact: expected events per year (PERT mean) × expected loss per event (lognormal mean).',
      `Loss exceedance curves and the chance the controls pay: ${r.iterations.toLocaleString('en-GB')} simulated years, seed ${r.seed}.`,
    ];
    if (input.controls.length === 0) notes.push('No controls yet: ALE after equals ALE before and there is no ROSI.');
    return { kind: 'security', ...r, notes };
  } catch (e) {
    if (e instanceof RangeError) {
      const m = /^([\w.[\]]+): (.*)$/.exec(e.message);
      const path = m ? `body.${m[1]!.replace(/\[(\d+)\]/g, '.$1')}` : 'body';
      throw new AppError('validation', `Invalid ${path}: ${m ? m[2] : e.message}`, [{ path, message: m ? m[2] : e.message }]);
    }
    throw e;
  }
}

/** The headline columns stored on the case row (sorting, totals). */
export function headline(r: TBusinessResults | TSecurityResults) {
  return r.kind === 'business'
    ? { npvP50: r.npv.p50, probabilityPositive: r.probabilityPositive, aleBefore: null, aleAfter: null, rosi: null }
    : { npvP50: null, probabilityPositive: null, aleBefore: r.aleBefore, aleAfter: r.aleAfter, rosi: r.rosi };
}
