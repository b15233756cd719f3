import type { Rng } from '../rng';
import { sampleBeta } from './sampling';

/** A (modified) PERT distribution on [min, max]. */
export interface Pert {
  min: number;
  mode: number;
  max: number;
  lambda: number;
  /** (min + lambda × mode + max) / (lambda + 2). */
  mean: number;
  /** 1 + lambda (mode - min) / (max - min). */
  alpha: number;
  /** 1 + lambda (max - mode) / (max - min). */
  beta: number;
  /** One draw: min + (max - min) × Beta(alpha, beta). */
  sample(rng: Rng): number;
  /** `count` independent draws, in one Float64Array. */
  sampleMany(rng: Rng, count: number): Float64Array;
}

/**
 * PERT distribution, in the Vose / TensorFlow Probability (`tfp.distributions.PERT`) form
 * (the "modified PERT" when lambda ≠ 4): a Beta(alpha, beta) scaled to [min, max] with
 * alpha = 1 + lambda (mode - min) / (max - min), beta = 1 + lambda (max - mode) / (max - min),
 * mean = (min + lambda × mode + max) / (lambda + 2). lambda = 4 is classic PERT.
 *
 * Sampling: Beta from two Gamma draws, X / (X + Y), each by Marsaglia & Tsang (2000).
 *
 * @throws RangeError unless min < max, min <= mode <= max, all finite and lambda > 0.
 */
export function pert(min: number, mode: number, max: number, lambda = 4): Pert {
  if (!Number.isFinite(min)) throw new RangeError(`min: must be finite, got ${min}`);
  if (!Number.isFinite(max) || max <= min) throw new RangeError(`max: must be finite and > min (${min}), got ${max}`);
  if (!Number.isFinite(mode) || mode < min || mode > max) {
    throw new RangeError(`mode: must lie in [min, max] = [${min}, ${max}], got ${mode}`);
  }
  if (!Number.isFinite(lambda) || lambda <= 0) throw new RangeError(`lambda: must be finite and > 0, got ${lambda}`);
  const range = max - min;
  const alpha = 1 + (lambda * (mode - min)) / range;
  const beta = 1 + (lambda * (max - mode)) / range;
  const mean = (min + lambda * mode + max) / (lambda + 2);
  const draw = (rng: Rng): number => {
    const x = min + range * sampleBeta(alpha, beta, rng);
    return x < min ? min : x > max ? max : x;
  };
  return {
    min,
    mode,
    max,
    lambda,
    mean,
    alpha,
    beta,
    sample(rng: Rng): number {
      return draw(rng);
    },
    sampleMany(rng: Rng, count: number): Float64Array {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`count: must be an integer >= 0, got ${count}`);
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = draw(rng);
      return out;
    },
  };
}
