/** Internal input checks shared by the finance functions (not exported from the barrel). */

/** Throws `RangeError('<name>: ...')` unless `x` is a finite number. */
export function assertFinite(x: number, name: string): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${name}: must be a finite number, got ${String(x)}`);
}

/** Throws unless `rate` is finite and greater than -1 (a discount factor 1 / (1 + rate) must exist). */
export function assertRate(rate: number, name: string): void {
  assertFinite(rate, name);
  if (rate <= -1) throw new RangeError(`${name}: must be greater than -1, got ${rate}`);
}

/** Throws unless `flows` is a non-empty array of finite numbers. */
export function assertFlows(flows: readonly number[], name: string): void {
  if (!Array.isArray(flows) || flows.length === 0) throw new RangeError(`${name}: must be a non-empty array`);
  for (let i = 0; i < flows.length; i++) {
    const v = flows[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${name}: element ${i} must be a finite number, got ${String(v)}`);
  }
}
