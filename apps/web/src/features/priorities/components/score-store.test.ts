import { describe, expect, it } from 'vitest';
import { changedOnly, saveMethod, ScoreStore, type SaveMethod } from './score-store';

/**
 * The store against an in-memory copy of the scores endpoint's rules (PUT adds only and answers
 * 409 when a value exists, PATCH adds or changes, a value off the scale is a 400). The browser
 * journey (e2e/priorities.test.ts) runs the same store against the real server.
 */
class ScoresEndpoint {
  readonly stored = new Map<string, number>();
  readonly calls: Array<[SaveMethod, string, Record<string, number>]> = [];
  /** While set, requests wait until `release()`. */
  private gate: Promise<void> | null = null;
  private open: (() => void) | null = null;

  hold() {
    this.gate = new Promise((r) => (this.open = r));
  }
  release() {
    this.open?.();
    this.gate = null;
  }

  send = async (method: SaveMethod, itemId: string, scores: Record<string, number>) => {
    this.calls.push([method, itemId, { ...scores }]);
    if (this.gate) await this.gate;
    if (Object.values(scores).some((v) => v > 20)) throw Object.assign(new Error('Invalid body.scores: outside the scale'), { status: 400 });
    if (method === 'PUT' && Object.keys(scores).some((c) => this.stored.has(`${itemId}:${c}`))) throw Object.assign(new Error('already scored'), { status: 409 });
    for (const [c, v] of Object.entries(scores)) this.stored.set(`${itemId}:${c}`, v);
  };
}

const CRITERIA = ['businessValue', 'timeCriticality', 'riskReduction'];
const make = (server: ScoresEndpoint, initial: Record<string, Record<string, number>> = {}) =>
  new ScoreStore(CRITERIA, initial, server.send, (e) => (e as Error).message, 0);

describe('saveMethod and changedOnly', () => {
  it.each([
    ['nothing stored', undefined, { a: 1 }, 'PUT'],
    ['other criteria stored', { b: 2 }, { a: 1 }, 'PUT'],
    ['the criterion stored', { a: 2 }, { a: 1 }, 'PATCH'],
    ['one of two stored', { a: 2 }, { a: 1, b: 3 }, 'PATCH'],
  ] as const)('%s → %s', (_name, stored, batch, method) => {
    expect(saveMethod(stored, batch)).toBe(method);
  });

  it('drops values equal to the stored ones', () => {
    expect(changedOnly({ a: 1, b: 2 }, { a: 1, b: 3, c: 5 })).toEqual({ b: 3, c: 5 });
    expect(changedOnly(undefined, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('ScoreStore', () => {
  it('shows a choice at once and sends three criteria picked in a row as one PUT', async () => {
    const server = new ScoresEndpoint();
    const store = make(server);
    const before = store.item('A');
    store.set('A', 'businessValue', 8);
    store.set('A', 'timeCriticality', 5);
    store.set('A', 'riskReduction', 3);
    expect(store.item('A')).not.toBe(before);
    expect(store.item('A')).toEqual({ values: { businessValue: 8, timeCriticality: 5, riskReduction: 3 }, saving: true });
    expect(store.getSummary()).toMatchObject({ complete: 0, saving: 1 });
    await store.settled();
    expect(server.calls).toEqual([['PUT', 'A', { businessValue: 8, timeCriticality: 5, riskReduction: 3 }]]);
    expect(store.item('A')).toEqual({ values: { businessValue: 8, timeCriticality: 5, riskReduction: 3 }, saving: false });
    expect(store.getSummary()).toEqual({ complete: 1, saving: 0, error: null });
  });

  it('keeps the same view object while nothing changes, and tells only the changed item\'s listeners', async () => {
    const server = new ScoresEndpoint();
    const store = make(server, { A: { businessValue: 1 } });
    const heard: string[] = [];
    store.subscribeItem('A', () => heard.push('A'));
    const stopB = store.subscribeItem('B', () => heard.push('B'));
    expect(store.item('B')).toBe(store.item('B'));
    store.set('A', 'businessValue', 2);
    await store.settled();
    expect(heard.every((h) => h === 'A')).toBe(true);
    expect(heard.length).toBeGreaterThan(0);
    stopB();
  });

  it('changes a stored value with PATCH, sending only what changed, and sends nothing for a value set back', async () => {
    const server = new ScoresEndpoint();
    const store = make(server, { A: { businessValue: 8, timeCriticality: 5 } });
    store.set('A', 'businessValue', 13);
    store.set('A', 'timeCriticality', 5);
    await store.settled();
    store.set('A', 'riskReduction', 2);
    store.set('A', 'riskReduction', 3);
    await store.settled();
    expect(server.calls).toEqual([
      ['PATCH', 'A', { businessValue: 13 }],
      ['PUT', 'A', { riskReduction: 3 }],
    ]);
    // A store that starts from the stored value and is set to it again sends nothing.
    const quiet = make(new ScoresEndpoint(), { A: { businessValue: 8 } });
    quiet.set('A', 'businessValue', 8);
    await quiet.settled();
    expect(quiet.item('A')).toEqual({ values: { businessValue: 8 }, saving: false });
  });

  it('holds changes made while a write is on its way and sends them after it, so the last choice wins', async () => {
    const server = new ScoresEndpoint();
    const store = make(server);
    server.hold();
    store.set('A', 'businessValue', 5);
    await new Promise((r) => setTimeout(r, 10));
    expect(server.calls).toHaveLength(1);
    store.set('A', 'businessValue', 8);
    store.set('A', 'businessValue', 13);
    await new Promise((r) => setTimeout(r, 10));
    // Still one call: the second waits for the first.
    expect(server.calls).toHaveLength(1);
    expect(store.item('A').values.businessValue).toBe(13);
    server.release();
    await store.settled();
    expect(server.calls).toEqual([
      ['PUT', 'A', { businessValue: 5 }],
      ['PATCH', 'A', { businessValue: 13 }],
    ]);
    expect(server.stored.get('A:businessValue')).toBe(13);
  });

  it('sends a PUT answered 409 again as PATCH (stored meanwhile from another tab)', async () => {
    const server = new ScoresEndpoint();
    server.stored.set('A:businessValue', 3);
    const store = make(server);
    store.set('A', 'businessValue', 20);
    await store.settled();
    expect(server.calls.map((c) => c[0])).toEqual(['PUT', 'PATCH']);
    expect(server.stored.get('A:businessValue')).toBe(20);
    expect(store.getSummary().error).toBeNull();
  });

  it('puts a cell back to its stored value when the write fails and keeps the reason', async () => {
    const server = new ScoresEndpoint();
    const store = make(server, { A: { businessValue: 8 } });
    store.set('A', 'businessValue', 21);
    expect(store.item('A').values.businessValue).toBe(21);
    await store.settled();
    expect(store.item('A')).toEqual({ values: { businessValue: 8 }, saving: false });
    expect(store.getSummary().error).toMatch(/outside the scale/);
    // The next change clears the reason.
    store.set('A', 'businessValue', 13);
    expect(store.getSummary().error).toBeNull();
    await store.settled();
    expect(server.stored.get('A:businessValue')).toBe(13);
  });

  it('counts an item complete only when every criterion is stored', async () => {
    const server = new ScoresEndpoint();
    const store = make(server, { A: { businessValue: 1, timeCriticality: 1, riskReduction: 1 }, B: { businessValue: 1 } });
    expect(store.getSummary().complete).toBe(1);
    expect(store.isComplete('B')).toBe(false);
    store.set('B', 'timeCriticality', 2);
    store.set('B', 'riskReduction', 3);
    expect(store.getSummary().complete).toBe(1);
    await store.settled();
    expect(store.getSummary().complete).toBe(2);
  });
});
