import pg from 'pg';

/**
 * A pg client that sends its promise queries one after another itself.
 *
 * Services may start several queries at once on one executor (`Promise.all` over reads), and
 * inside a transaction that executor is one connection. pg 8 still queues such calls
 * internally but has deprecated it ("Calling client.query() when the client is already
 * executing a query", removed in pg 9). Chaining them here keeps the same order and results
 * without relying on that queue. Callback and submittable calls (cursors, streams) pass
 * straight through; Tandem does not use them on a shared client.
 */
export class SerialClient extends pg.Client {
  #tail: Promise<unknown> = Promise.resolve();

  // pg's overloads are many; the promise form is the only one this wraps.
  override query(...args: unknown[]): never {
    const passThrough = typeof args[args.length - 1] === 'function' || (typeof args[0] === 'object' && args[0] !== null && typeof (args[0] as { submit?: unknown }).submit === 'function');
    const send = () => (super.query as (...a: unknown[]) => unknown)(...args);
    if (passThrough) return send() as never;
    const run = this.#tail.then(send);
    this.#tail = run.catch(() => undefined);
    return run as never;
  }
}
