import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../client';
import { cases } from '../schema/cases';
import { people } from '../schema/org';
import { priorityRounds } from '../schema/priorities';
import { pulses } from '../schema/pulse';
import { requests } from '../schema/requests';
import { enablers, goals, initiatives } from '../schema/strategy';

/** Kinds of audited items whose name the audit log shows instead of their id. */
export type AuditTargetKind = 'goal' | 'initiative' | 'enabler' | 'person' | 'pulse' | 'case' | 'request' | 'priority_round';

/**
 * Current names of audited items, by kind and id, within one organisation (issue #17: the audit
 * log shows names, not ids). One query per kind asked for; a deleted item is simply absent.
 */
export async function auditTargetNames(x: Executor, orgId: string, ids: Partial<Record<AuditTargetKind, string[]>>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const q = async (kind: AuditTargetKind, run: (list: string[]) => Promise<{ id: string; name: string }[]>) => {
    const list = [...new Set(ids[kind] ?? [])];
    if (list.length === 0) return;
    for (const r of await run(list)) out.set(`${kind}:${r.id}`, r.name);
  };
  await Promise.all([
    q('goal', (l) => x.select({ id: goals.id, name: goals.title }).from(goals).where(and(eq(goals.orgId, orgId), inArray(goals.id, l)))),
    q('initiative', (l) => x.select({ id: initiatives.id, name: initiatives.title }).from(initiatives).where(and(eq(initiatives.orgId, orgId), inArray(initiatives.id, l)))),
    q('enabler', (l) => x.select({ id: enablers.id, name: enablers.title }).from(enablers).where(and(eq(enablers.orgId, orgId), inArray(enablers.id, l)))),
    q('person', (l) => x.select({ id: people.id, name: people.name }).from(people).where(and(eq(people.orgId, orgId), inArray(people.id, l)))),
    q('pulse', (l) => x.select({ id: pulses.id, name: pulses.title }).from(pulses).where(and(eq(pulses.orgId, orgId), inArray(pulses.id, l)))),
    q('case', (l) => x.select({ id: cases.id, name: cases.title }).from(cases).where(and(eq(cases.orgId, orgId), inArray(cases.id, l)))),
    q('request', (l) => x.select({ id: requests.id, name: requests.title }).from(requests).where(and(eq(requests.orgId, orgId), inArray(requests.id, l)))),
    q('priority_round', (l) => x.select({ id: priorityRounds.id, name: priorityRounds.name }).from(priorityRounds).where(and(eq(priorityRounds.orgId, orgId), inArray(priorityRounds.id, l)))),
  ]);
  return out;
}
