/**
 * The configurable flow of requests: an organisation names its own statuses, gives each one of
 * six fixed categories, and lists the moves it allows. Everything that measures the flow (lead
 * time, cycle time, throughput, ageing, forecasts) reads the categories and the dates, never the
 * names, so a renamed or added status changes no figure. Pure: no I/O, no clock.
 */

/**
 * The six categories of issue #11's flow (new → triaged → in progress → done, plus rejected and
 * deferred). Entering `in_progress` stamps the start day, entering `done` the done day; leaving
 * `done` clears it; `rejected` work is no longer open.
 */
export const STATUS_CATEGORIES = ['new', 'triaged', 'in_progress', 'done', 'rejected', 'deferred'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export interface FlowStatus {
  /** Stable key stored on requests and transitions (lower case, digits, underscores). */
  key: string;
  label: string;
  category: StatusCategory;
}
export interface FlowTransition {
  from: string;
  to: string;
}
/** Statuses in display order (the first status of category `new` is where a new request starts) and the allowed moves. */
export interface FlowDefinition {
  statuses: readonly FlowStatus[];
  transitions: readonly FlowTransition[];
}

export const STATUS_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_FLOW_STATUSES = 30;

const DEFAULT_LABELS: Record<StatusCategory, string> = { new: 'New', triaged: 'Triaged', in_progress: 'In progress', done: 'Done', rejected: 'Rejected', deferred: 'Deferred' };

/**
 * The flow every organisation has until an admin edits it: one status per category, keyed by the
 * category's name, and every move between two different statuses allowed (reopening happens).
 * This is the behaviour before the flow became configurable (decision 050), so existing data
 * needs no migration: a stored status key of the default flow is its own category.
 */
export const DEFAULT_FLOW: FlowDefinition = {
  statuses: STATUS_CATEGORIES.map((c) => ({ key: c, label: DEFAULT_LABELS[c], category: c })),
  transitions: STATUS_CATEGORIES.flatMap((from) => STATUS_CATEGORIES.filter((to) => to !== from).map((to) => ({ from, to }))),
};

/** A problem with a flow definition: where (a JSON path under the definition) and why. */
export interface FlowProblem {
  path: string;
  message: string;
}

/**
 * Every reason a flow definition cannot be used, empty when it can: keys well formed and unique,
 * labels present and unique, at least one status of category `new` (where requests start) and one
 * of `done` (what the forecasts count), transitions between known, different statuses, no move
 * listed twice, and every status reachable from the first `new` status.
 */
export function flowProblems(flow: FlowDefinition): FlowProblem[] {
  const out: FlowProblem[] = [];
  const keys = new Set<string>();
  const labels = new Set<string>();
  if (flow.statuses.length === 0) out.push({ path: 'statuses', message: 'the flow needs at least one status' });
  if (flow.statuses.length > MAX_FLOW_STATUSES) out.push({ path: 'statuses', message: `at most ${MAX_FLOW_STATUSES} statuses` });
  flow.statuses.forEach((s, i) => {
    if (!STATUS_KEY_PATTERN.test(s.key)) out.push({ path: `statuses.${i}.key`, message: `"${s.key}" must start with a letter and hold only a–z, 0–9 and _ (at most 40)` });
    if (keys.has(s.key)) out.push({ path: `statuses.${i}.key`, message: `"${s.key}" appears twice` });
    keys.add(s.key);
    const label = s.label.trim().toLowerCase();
    if (!label) out.push({ path: `statuses.${i}.label`, message: 'a status needs a label' });
    else if (labels.has(label)) out.push({ path: `statuses.${i}.label`, message: `the label "${s.label}" appears twice` });
    labels.add(label);
    if (!(STATUS_CATEGORIES as readonly string[]).includes(s.category)) out.push({ path: `statuses.${i}.category`, message: `"${s.category}" is not a category (${STATUS_CATEGORIES.join(', ')})` });
  });
  if (flow.statuses.length && !flow.statuses.some((s) => s.category === 'new')) out.push({ path: 'statuses', message: 'the flow needs a status of category new: new requests start there' });
  if (flow.statuses.length && !flow.statuses.some((s) => s.category === 'done')) out.push({ path: 'statuses', message: 'the flow needs a status of category done: lead times and forecasts count it' });
  const moves = new Set<string>();
  flow.transitions.forEach((t, i) => {
    if (!keys.has(t.from)) out.push({ path: `transitions.${i}.from`, message: `"${t.from}" is not a status of this flow` });
    if (!keys.has(t.to)) out.push({ path: `transitions.${i}.to`, message: `"${t.to}" is not a status of this flow` });
    if (t.from === t.to) out.push({ path: `transitions.${i}`, message: `a move from "${t.from}" to itself is not a transition` });
    const m = `${t.from}\u0000${t.to}`;
    if (moves.has(m)) out.push({ path: `transitions.${i}`, message: `the move ${t.from} → ${t.to} is listed twice` });
    moves.add(m);
  });
  if (out.length === 0) {
    const start = initialStatus(flow);
    const seen = new Set([start.key]);
    const queue = [start.key];
    while (queue.length) {
      const k = queue.shift()!;
      for (const t of flow.transitions) {
        if (t.from === k && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    flow.statuses.forEach((s, i) => {
      if (!seen.has(s.key)) out.push({ path: `statuses.${i}`, message: `"${s.label}" cannot be reached from "${start.label}": add a move into it` });
    });
  }
  return out;
}

/** Where a new request starts: the first status of category `new` (a valid flow has one). */
export function initialStatus(flow: FlowDefinition): FlowStatus {
  const s = flow.statuses.find((x) => x.category === 'new');
  if (!s) throw new RangeError('the flow has no status of category new');
  return s;
}

/** The first status of a category in display order, or undefined when the flow has none. */
export function statusOfCategory(flow: FlowDefinition, category: StatusCategory): FlowStatus | undefined {
  return flow.statuses.find((s) => s.category === category);
}

export function findStatus(flow: FlowDefinition, key: string): FlowStatus | undefined {
  return flow.statuses.find((s) => s.key === key);
}

/** The statuses a request in `from` may move to, in display order. */
export function nextStatuses(flow: FlowDefinition, from: string): FlowStatus[] {
  const to = new Set(flow.transitions.filter((t) => t.from === from).map((t) => t.to));
  return flow.statuses.filter((s) => to.has(s.key));
}

export type TransitionCheck = { ok: true; to: FlowStatus } | { ok: false; reason: string };

/**
 * May a request move from `from` to `to`? Refused, with a reason a person can act on, when `to`
 * is not a status of the flow or the move is not listed. Staying put is not a transition (ok).
 */
export function checkTransition(flow: FlowDefinition, from: string, to: string): TransitionCheck {
  const target = findStatus(flow, to);
  if (!target) return { ok: false, reason: `"${to}" is not a status of this organisation's flow (${flow.statuses.map((s) => s.key).join(', ')})` };
  if (from === to) return { ok: true, to: target };
  if (flow.transitions.some((t) => t.from === from && t.to === to)) return { ok: true, to: target };
  const label = findStatus(flow, from)?.label ?? from;
  const next = nextStatuses(flow, from).map((s) => s.label);
  return { ok: false, reason: `the flow does not allow a move from "${label}" to "${target.label}"; from "${label}" a request may go to ${next.length ? next.map((n) => `"${n}"`).join(', ') : 'nowhere (it is final)'}` };
}

/**
 * The day stamps that follow a move between categories: entering `in_progress` sets the start day
 * when none is known, entering `done` the done day, leaving `done` clears it, and the first move
 * out of `new` records the day IT got involved when it was not known.
 */
export function stampsOnMove(
  from: StatusCategory,
  to: StatusCategory,
  today: string,
  r: { startedOn: string | null; doneOn: string | null; itInvolvedOn: string | null },
): { startedOn: string | null; doneOn: string | null; itInvolvedOn: string | null } {
  if (from === to) return { ...r };
  return {
    startedOn: to === 'in_progress' ? (r.startedOn ?? today) : r.startedOn,
    doneOn: to === 'done' ? (r.doneOn ?? today) : null,
    itInvolvedOn: to !== 'new' ? (r.itInvolvedOn ?? today) : r.itInvolvedOn,
  };
}
