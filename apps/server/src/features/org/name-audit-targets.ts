import { auditTargetNames, type AuditTargetKind, type Executor } from '@tandem/db';
import type { TAuditEntry } from '@tandem/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The kind of item an audit action is about, from its prefix; the web app links each kind to its page. */
const KIND_OF: Record<string, AuditTargetKind> = {
  goal: 'goal',
  initiative: 'initiative',
  enabler: 'enabler',
  person: 'person',
  pulse: 'pulse',
  case: 'case',
  request: 'request',
  priorities: 'priority_round',
};

/** Where each kind is seen in the web app. Deleted items keep their stored title but get no link. */
const LINK: Record<AuditTargetKind, (id: string) => string> = {
  goal: (id) => `/roadmap#goal-${id}`,
  initiative: (id) => `/roadmap#initiative-${id}`,
  enabler: (id) => `/roadmap#enabler-${id}`,
  person: () => '/people',
  pulse: (id) => `/pulses/${id}`,
  case: (id) => `/cases/${id}`,
  request: (id) => `/requests/${id}`,
  priority_round: (id) => `/priorities/${id}`,
};

type Entry = Omit<TAuditEntry, 'targetName' | 'targetLink'>;

/**
 * Adds the current name and the page of each audited item (issue #17: names, not ids). A target
 * that is not an id (an e-mail, an organisation name) is its own name; a deleted item shows the
 * title kept in its details when there is one, without a link.
 */
export async function nameAuditTargets(x: Executor, orgId: string, entries: Entry[]): Promise<TAuditEntry[]> {
  const ids: Partial<Record<AuditTargetKind, string[]>> = {};
  const kindOf = (e: Entry) => KIND_OF[e.action.slice(0, e.action.indexOf('.'))];
  for (const e of entries) {
    const kind = kindOf(e);
    if (kind && e.target && UUID.test(e.target)) (ids[kind] ??= []).push(e.target);
  }
  const names = await auditTargetNames(x, orgId, ids);
  return entries.map((e) => {
    const kind = kindOf(e);
    if (!e.target || !UUID.test(e.target) || !kind) return { ...e, targetName: e.target, targetLink: null };
    const name = names.get(`${kind}:${e.target}`);
    if (name !== undefined) return { ...e, targetName: name, targetLink: LINK[kind](e.target) };
    const kept = e.details && typeof e.details.title === 'string' ? e.details.title : null;
    return { ...e, targetName: kept ?? `a deleted ${kind.replace('_', ' ')}`, targetLink: null };
  });
}
