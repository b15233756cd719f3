/**
 * A seedable pseudo-random generator. Every random draw in Tandem goes through one of these,
 * so the same seed always gives the same forecast, simulation or pairing.
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
}
