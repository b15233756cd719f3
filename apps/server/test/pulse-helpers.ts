import type { FastifyInstance } from 'fastify';
import { Client, csvOf } from './harness';

export type Attrs = { side: 'it' | 'business'; level: 'leader' | 'employee'; department: string; location: string };

/** Imports people with the given attributes (names and emails are generated). */
export async function importPeople(client: Client, people: Attrs[], prefix = 'p') {
  const rows = [['name', 'email', 'department', 'side', 'level', 'location']];
  people.forEach((p, i) => rows.push([`${prefix} Person ${i}`, `${prefix}${i}@acme.test`, p.department, p.side, p.level, p.location]));
  const res = await client.request({ method: 'POST', url: '/api/v1/people/import', payload: csvOf(rows), headers: { 'content-type': 'text/csv' } });
  if (res.statusCode !== 200 || res.json().errors.length) throw new Error(`import failed: ${res.body}`);
}

export function group(n: number, a: Attrs): Attrs[] {
  return Array.from({ length: n }, () => ({ ...a }));
}

export async function createPulse(client: Client, body: Record<string, unknown> = { title: 'Q4 pulse', template: 'tech-priorities-alignment' }) {
  const res = await client.post('/api/v1/pulses', body);
  if (res.statusCode !== 201) throw new Error(`create pulse failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; questions: { id: string; text: string }[]; status: string };
}

export async function invite(client: Client, pulseId: string) {
  const res = await client.post(`/api/v1/pulses/${pulseId}/invitations`);
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  return res.json() as { invitations: { personId: string; name: string; email: string; url?: string; token?: string }[]; created: number; emailed: number };
}

/** Answers every question with `value` (1-5), from a fresh anonymous client. */
export async function respond(app: FastifyInstance, token: string, questions: { id: string }[], value: number | ((i: number) => number), comment?: string) {
  const c = new Client(app);
  return c.post(`/api/v1/respond/${token}`, {
    answers: questions.map((q, i) => ({ questionId: q.id, value: typeof value === 'function' ? value(i) : value, ...(comment && i === 0 ? { comment } : {}) })),
  });
}
