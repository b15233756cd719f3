import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { LRUCache } from 'lru-cache';
import { notify } from '@tandem/db';
import type { AppContext, Role } from '../context';

/**
 * The resolved sessions of the last few seconds, in process memory (decision 156): a signed-in
 * request then costs no session query. Keyed by the cookie's hash (the sessions table's id).
 *
 * Correctness across instances: whatever ends a session or changes what it resolves to (sign-out,
 * password change or reset, member removal, role change, switching organisation) calls
 * `endCachedSessions` after its transaction committed. That evicts here at once and sends a
 * NOTIFY on SESSION_CHANNEL; every instance's listener (this one's too) evicts and answers on
 * ACK_CHANNEL. The caller counts the listeners first and waits (bounded by ACK_WAIT_MS) until each
 * has answered, so the HTTP answer leaves only after every instance has dropped the entry: the next
 * request, wherever it lands, reads the database.
 * While the listener is down (database restart) nothing is served from or stored in the cache.
 */
export const SESSION_CHANNEL = 'tandem_sessions';
export const ACK_CHANNEL = 'tandem_sessions_ack';
/** How long the caller of endCachedSessions waits for the acknowledgements at most (an instance that died never answers). */
const ACK_WAIT_MS = 1_000;

export interface CachedSession {
  sessionId: string;
  userId: string;
  /** Null when the session acts in no organisation (such entries are never stored). */
  orgId: string | null;
  role: Role | null;
  csrfToken: string;
  expiresAt: Date;
  absoluteExpiresAt: Date;
}

interface Message {
  /** Nonce of the sender, to tell its own echo. */
  n: string;
  /** The session (token hash) whose entry goes. */
  s?: string;
  /** Every entry of this user goes. */
  u?: string;
  /** Every entry goes (sessions deleted in bulk, e.g. by the daily housekeeping). */
  a?: true;
}

export class SessionCache {
  private readonly lru: LRUCache<string, CachedSession>;
  /** Raised by every eviction: a lookup that started before it must not store what it read. */
  private epoch = 0;
  private up = false;
  /** Nonce of a message this instance sent → called with each acknowledgement. */
  private readonly waiting = new Map<string, () => void>();
  private stops: Array<() => Promise<void>> = [];
  private ctx: AppContext | null = null;

  constructor(
    readonly ttlMs: number,
    max: number,
  ) {
    this.lru = new LRUCache({ max, ttl: Math.max(ttlMs, 1), ttlAutopurge: false, perf: performance });
  }

  get enabled() {
    return this.ttlMs > 0 && this.up;
  }

  async start(ctx: AppContext) {
    if (this.ttlMs <= 0) return;
    this.ctx = ctx;
    this.stops.push(await ctx.database.listen(ACK_CHANNEL, (nonce) => this.waiting.get(nonce)?.()));
    this.stops.push(
      await ctx.database.listen(
        SESSION_CHANNEL,
        (payload) => this.receive(payload),
        (up) => {
          // Messages may have been missed while down: forget everything, serve nothing until back.
          this.lru.clear();
          this.epoch++;
          this.up = up;
        },
      ),
    );
  }

  async close() {
    this.up = false;
    this.ctx = null;
    for (const done of [...this.waiting.values()]) done();
    for (const stop of this.stops) await stop();
  }

  /** The epoch to hand back to `set`: a lookup stores only if nothing was evicted meanwhile. */
  begin(): number {
    return this.epoch;
  }

  get(tokenHash: string): CachedSession | undefined {
    return this.enabled ? this.lru.get(tokenHash) : undefined;
  }

  set(tokenHash: string, entry: CachedSession, epoch: number) {
    if (this.enabled && epoch === this.epoch) this.lru.set(tokenHash, entry);
  }

  delete(tokenHash: string) {
    this.lru.delete(tokenHash);
  }

  get size() {
    return this.lru.size;
  }

  evict(m: Omit<Message, 'n'>) {
    this.epoch++;
    if (m.a) this.lru.clear();
    if (m.s) this.lru.delete(m.s);
    if (m.u) for (const [k, v] of this.lru.entries()) if (v.userId === m.u) this.lru.delete(k);
  }

  private receive(payload: string) {
    let m: Message;
    try {
      m = JSON.parse(payload) as Message;
    } catch {
      return;
    }
    this.evict(m);
    if (this.ctx && typeof m.n === 'string') notify(this.ctx.db, ACK_CHANNEL, m.n).catch(() => undefined);
  }

  /** Evicts here, tells every instance, and resolves once every listening instance has acknowledged (or after ACK_WAIT_MS). */
  async publish(ctx: AppContext, target: { sessionId?: string; userId?: string; all?: true }) {
    const m: Message = { n: randomUUID(), ...(target.sessionId ? { s: target.sessionId } : {}), ...(target.userId ? { u: target.userId } : {}), ...(target.all ? { a: true as const } : {}) };
    this.evict(m);
    if (this.ttlMs <= 0 || !this.up) return;
    const instances = await ctx.database.countListeners(SESSION_CHANNEL);
    let acked = 0;
    let done = () => undefined as void;
    const all = new Promise<void>((resolve) => {
      const timer = setTimeout(() => finish(), ACK_WAIT_MS);
      const finish = () => {
        clearTimeout(timer);
        this.waiting.delete(m.n);
        resolve();
      };
      done = finish;
      this.waiting.set(m.n, () => {
        if (++acked >= instances) finish();
      });
    });
    try {
      await notify(ctx.db, SESSION_CHANNEL, JSON.stringify(m));
    } catch (e) {
      done();
      throw e;
    }
    await all;
  }
}

/** One cache per app (tests run several apps in one process). */
const caches = new WeakMap<AppContext, SessionCache>();

export function sessionCacheOf(ctx: AppContext): SessionCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new SessionCache(ctx.config.sessionCacheSeconds * 1000, ctx.config.sessionCacheMax)));
  return c;
}

/**
 * Call after the transaction that ended sessions or changed a membership has committed: a session
 * (sign-out, switched organisation), every session of a user (password, role, removal), or every
 * entry (sessions deleted in bulk by the housekeeping, whose clock is the job's slot).
 */
export function endCachedSessions(ctx: AppContext, target: { sessionId: string } | { userId: string } | { all: true }): Promise<void> {
  return sessionCacheOf(ctx).publish(ctx, target);
}
