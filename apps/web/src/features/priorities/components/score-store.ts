/**
 * The scores one person enters on the scoring page, outside React (decision 036). Each row
 * subscribes to its own item only, so a change re-renders one row, never the 500 others; the page
 * subscribes to the summary (how many items are fully saved, whether anything is on its way).
 *
 * Saving keeps the API's semantics and is race safe:
 * - changes to one item within `batchMs` go out as one request (arrow keys on a select fire a
 *   change per press; three criteria picked in a row are one write, not three);
 * - at most one request per item is in flight; changes made meanwhile wait and go out after it,
 *   so the server sees them in the order the person made them and the last choice wins;
 * - PUT when none of the batch's criteria has a stored value, PATCH otherwise (PATCH also adds);
 *   a PUT answered 409 (stored meanwhile, e.g. from another tab) is sent again as PATCH;
 * - a failed write puts the cell back to its stored value and keeps the reason for the page.
 */

export type Values = Readonly<Record<string, number>>;
export type SaveMethod = 'PUT' | 'PATCH';
/** Sends one item's scores; rejects with an error whose `status` is the HTTP status, if any. */
export type SendScores = (method: SaveMethod, itemId: string, scores: Record<string, number>) => Promise<unknown>;

export interface ItemView {
  /** What the person chose: stored values, overlaid by those waiting or on their way. */
  values: Values;
  saving: boolean;
}

export interface Summary {
  /** Items whose every criterion has a stored value. */
  complete: number;
  /** Items with changes waiting or on their way. */
  saving: number;
  error: string | null;
}

/** PUT for first scores only, PATCH as soon as one of them already has a stored value. */
export function saveMethod(stored: Values | undefined, batch: Values): SaveMethod {
  return Object.keys(batch).some((c) => stored?.[c] !== undefined) ? 'PATCH' : 'PUT';
}

/** The changes worth sending: those that differ from the stored value. */
export function changedOnly(stored: Values | undefined, batch: Values): Record<string, number> {
  return Object.fromEntries(Object.entries(batch).filter(([c, v]) => stored?.[c] !== v));
}

const statusOf = (e: unknown) => (typeof e === 'object' && e !== null && 'status' in e ? (e as { status: unknown }).status : undefined);

export class ScoreStore {
  private readonly stored = new Map<string, Values>();
  private readonly queued = new Map<string, Record<string, number>>();
  private readonly inFlight = new Map<string, Values>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly views = new Map<string, ItemView>();
  private readonly itemListeners = new Map<string, Set<() => void>>();
  private readonly listeners = new Set<() => void>();
  private summary: Summary;

  constructor(
    private readonly criteria: readonly string[],
    initial: Readonly<Record<string, Values>>,
    private readonly send: SendScores,
    private readonly describe: (e: unknown) => string,
    private readonly batchMs = 300,
  ) {
    for (const [itemId, v] of Object.entries(initial)) this.stored.set(itemId, { ...v });
    this.summary = { complete: this.countComplete(), saving: 0, error: null };
  }

  /* ---------- reading (useSyncExternalStore) ---------- */

  subscribeItem = (itemId: string, cb: () => void) => {
    let set = this.itemListeners.get(itemId);
    if (!set) this.itemListeners.set(itemId, (set = new Set()));
    set.add(cb);
    return () => void set.delete(cb);
  };

  /** The same object until the item changes, as useSyncExternalStore requires. */
  item(itemId: string): ItemView {
    let v = this.views.get(itemId);
    if (!v) {
      v = { values: { ...this.stored.get(itemId), ...this.inFlight.get(itemId), ...this.queued.get(itemId) }, saving: this.queued.has(itemId) || this.inFlight.has(itemId) };
      this.views.set(itemId, v);
    }
    return v;
  }

  subscribe = (cb: () => void) => {
    this.listeners.add(cb);
    return () => void this.listeners.delete(cb);
  };

  getSummary = () => this.summary;

  /** Whether every criterion of the item has a stored value. */
  isComplete(itemId: string): boolean {
    const s = this.stored.get(itemId);
    return this.criteria.every((c) => s?.[c] !== undefined);
  }

  /* ---------- writing ---------- */

  /** The person chose `value` for one criterion of one item: shown at once, saved shortly. */
  set(itemId: string, criterion: string, value: number): void {
    this.queued.set(itemId, { ...this.queued.get(itemId), [criterion]: value });
    this.changed(itemId, { error: null });
    const t = this.timers.get(itemId);
    if (t !== undefined) clearTimeout(t);
    this.timers.set(itemId, setTimeout(() => this.flush(itemId), this.batchMs));
  }

  /** Sends everything waiting now (leaving the page, switching layout). */
  flushAll(): void {
    for (const itemId of [...this.queued.keys()]) this.flush(itemId);
  }

  /** Resolves once nothing is waiting or on its way (tests, and callers that must see it stored). */
  async settled(): Promise<void> {
    while (this.queued.size > 0 || this.inFlight.size > 0) {
      this.flushAll();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private flush(itemId: string): void {
    const t = this.timers.get(itemId);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(itemId);
    if (this.inFlight.has(itemId)) return; // sent after the one on its way
    const batch = this.queued.get(itemId);
    if (!batch) return;
    this.queued.delete(itemId);
    const scores = changedOnly(this.stored.get(itemId), batch);
    if (Object.keys(scores).length === 0) return this.changed(itemId, {});
    this.inFlight.set(itemId, scores);
    this.changed(itemId, {});
    const method = saveMethod(this.stored.get(itemId), scores);
    this.send(method, itemId, scores)
      .catch((e: unknown) => (method === 'PUT' && statusOf(e) === 409 ? this.send('PATCH', itemId, scores) : Promise.reject(e)))
      .then(
        () => {
          this.stored.set(itemId, { ...this.stored.get(itemId), ...scores });
          this.inFlight.delete(itemId);
          this.changed(itemId, {});
        },
        (e: unknown) => {
          this.inFlight.delete(itemId);
          this.changed(itemId, { error: this.describe(e) });
        },
      )
      .finally(() => {
        if (this.queued.has(itemId) && !this.timers.has(itemId)) this.flush(itemId);
      });
  }

  private countComplete(): number {
    let n = 0;
    for (const itemId of this.stored.keys()) if (this.isComplete(itemId)) n++;
    return n;
  }

  private changed(itemId: string, patch: { error?: string | null }): void {
    this.views.delete(itemId);
    const saving = new Set([...this.queued.keys(), ...this.inFlight.keys()]).size;
    this.summary = { complete: this.countComplete(), saving, error: patch.error === undefined ? this.summary.error : patch.error };
    for (const cb of this.itemListeners.get(itemId) ?? []) cb();
    for (const cb of this.listeners) cb();
  }
}
