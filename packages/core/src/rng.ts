/**
 * A seedable pseudo-random generator. Every random draw in Tandem goes through one of these,
 * so the same seed always gives the same forecast, simulation or pairing.
 */
export interface Rng {
  /** A uniform draw in [0, 1). */
  next(): number;
}

/** The generator returned by {@link createRng}: an {@link Rng} plus raw 32-bit output. */
export interface SeededRng extends Rng {
  /** A uniform draw in [0, 1) with 32 bits of resolution (multiples of 2^-32). */
  next(): number;
  /** The raw 32-bit output of the generator, an integer in [0, 2^32). */
  nextUint32(): number;
}

const TWO_POW_32 = 4294967296;
const INV_TWO_POW_32 = 1 / TWO_POW_32;

/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018, https://prng.di.unimi.it/xoshiro128starstar.c):
 * 128 bits of state, period 2^128 - 1, passes BigCrush, and runs on 32-bit integer
 * operations only, which JavaScript engines execute without allocation.
 */
class Xoshiro128StarStar implements SeededRng {
  // State in an Int32Array: stores stay untagged 32-bit integers, so no number is ever boxed
  // (plain fields or closure variables holding int32 values beyond the Smi range allocate).
  private readonly s: Int32Array;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s = new Int32Array([s0, s1, s2, s3]);
    // The all-zero state is the one fixed point of xoshiro; never start there.
    if ((s0 | s1 | s2 | s3) === 0) this.s[0] = 0x9e3779b9;
  }

  nextUint32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  }

  next(): number {
    return this.nextUint32() * INV_TWO_POW_32;
  }
}

/**
 * splitmix32: Weyl sequence step (golden-ratio increment 0x9e3779b9) followed by a 32-bit
 * avalanche finaliser (the constants from Wellons' hash-prospector "lowbias32" search).
 * Used only to expand a numeric seed into four well-mixed, non-zero state words.
 */
function splitmix32Words(seed: number): [number, number, number, number] {
  let state = seed | 0;
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z ^= z >>> 16;
    z = Math.imul(z, 0x21f0aaad);
    z ^= z >>> 15;
    z = Math.imul(z, 0x735a2d97);
    z ^= z >>> 15;
    out[i] = z;
  }
  return out;
}

/**
 * cyrb128 (bryc, public domain, https://github.com/bryc/code/blob/master/jshash/PRNGs.md):
 * a fast 128-bit non-cryptographic string hash, giving the four state words for a string seed.
 */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

/**
 * Creates a seeded generator: xoshiro128** (Blackman & Vigna 2018) with `next()` in [0, 1)
 * at 32-bit resolution (output / 2^32).
 *
 * Seeding:
 * - an integer seed (any safe integer, negative allowed) is folded to 32 bits
 *   (low word XOR a multiplicative hash of the high word) and expanded with splitmix32;
 * - a string seed is hashed with cyrb128 (bryc), giving 128 bits of state directly;
 * - a finite non-integer number is treated as the string of its shortest decimal form.
 *
 * The same seed always gives the same sequence, on every JavaScript engine.
 *
 * @throws RangeError when `seed` is NaN, infinite or an unsafe integer.
 */
export function createRng(seed: number | string): SeededRng {
  if (typeof seed === 'string') {
    const [a, b, c, d] = cyrb128(seed);
    return new Xoshiro128StarStar(a, b, c, d);
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string, got ${String(seed)}`);
  }
  if (!Number.isInteger(seed)) {
    const [a, b, c, d] = cyrb128(String(seed));
    return new Xoshiro128StarStar(a, b, c, d);
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer (|seed| <= 2^53 - 1), got ${seed}`);
  }
  const lo = seed % TWO_POW_32 | 0;
  const hi = Math.floor(seed / TWO_POW_32) | 0;
  const folded = lo ^ Math.imul(hi, 0x85ebca6b);
  const [a, b, c, d] = splitmix32Words(folded);
  return new Xoshiro128StarStar(a, b, c, d);
}

/**
 * A xoshiro128** generator started from an explicit 128-bit state (four 32-bit words, not
 * all zero), for reproducing the reference implementation's test vectors or saved states.
 *
 * @throws RangeError when a word is not an integer in [0, 2^32) or all words are zero.
 */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): SeededRng {
  if (state.length !== 4) throw new RangeError('state must have exactly four 32-bit words');
  for (const w of state) {
    if (!Number.isInteger(w) || w < 0 || w >= TWO_POW_32) {
      throw new RangeError(`state words must be integers in [0, 2^32), got ${w}`);
    }
  }
  if (state.every((w) => w === 0)) throw new RangeError('state must not be all zeros');
  return new Xoshiro128StarStar(state[0], state[1], state[2], state[3]);
}
