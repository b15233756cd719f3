/** Internal checks shared by the rank-agreement functions (not exported from the barrel). */

/** Throws unless x and y are arrays of finite numbers of equal length ≥ 2. */
export function assertPairedSample(x: readonly number[], y: readonly number[]): void {
  for (const [arr, name] of [
    [x, 'x'],
    [y, 'y'],
  ] as const) {
    if (!Array.isArray(arr)) throw new RangeError(`${name}: must be an array`);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${name}: element ${i} must be a finite number, got ${String(v)}`);
    }
  }
  if (x.length !== y.length) throw new RangeError(`y: length ${y.length} differs from x's length ${x.length}`);
  if (x.length < 2) throw new RangeError(`x: needs at least 2 paired observations, got ${x.length}`);
}

/** Throws `RangeError('<name>: all values are tied ...')` when every value of `v` is equal. */
export function assertNotConstant(v: readonly number[], name: string): void {
  if (v.every((value) => value === v[0])) throw new RangeError(`${name}: all values are tied, so the coefficient is undefined`);
}
