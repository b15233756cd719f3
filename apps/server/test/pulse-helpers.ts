import type { FastifyInstance } from 'fastify';
import { createMailer } from '../src/lib/mailer';
import type { Engine } from '@tandem/db';
import { Client, createTestApp, csvOf } from './harness';
import { startSmtp } from './smtp';

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

/** The links mailed since `from`, read from the real SMTP server's raw messages: recipient, URL and token. */
export function mailedLinks(received: string[], from = 0) {
  return received.slice(from).flatMap((raw) => {
    const text = raw.replace(/=\r?\n/g, '');
    const to = /^To: (.+)$/im.exec(text)?.[1]?.trim().replace(/^.*<(.+)>$/, '$1').toLowerCase();
    const m = /(\S+\/respond\/([A-Za-z0-9_-]{22}))/.exec(text);
    return to && m ? [{ email: to, url: m[1]!, token: m[2]! }] : [];
  });
}

/**
 * Issues the pulse's person links on an app with mail, and reads each person's link from the mail
 * they got (the leader's answer holds counts only). Needs the app's SMTP server's `received`.
 */
export async function invite(client: Client, pulseId: string, mail: { received: string[] }) {
  const before = mail.received.length;
  const res = await client.post(`/api/v1/pulses/${pulseId}/invitations`);
  if (res.statusCode !== 201) throw new Error(`invite failed: ${res.statusCode} ${res.body}`);
  const answer = res.json() as { issued: number; mailed: number };
  const people = (await client.get('/api/v1/people?limit=500')).json().items as { id: string; email: string }[];
  const idOf = new Map(people.map((p) => [p.email.toLowerCase(), p.id]));
  const invitations = mailedLinks(mail.received, before).map((l) => ({ personId: idOf.get(l.email)!, ...l }));
  return { ...answer, invitations };
}

/** Unlinked links (the only links a leader may hold): `count` of them, with their tokens. */
export async function issueUnlinked(client: Client, pulseId: string, count: number) {
  const res = await client.post(`/api/v1/pulses/${pulseId}/invitations`, { unlinked: true, count });
  if (res.statusCode !== 201) throw new Error(`unlinked links failed: ${res.statusCode} ${res.body}`);
  const links = res.json().links as string[];
  return links.map((url) => ({ url, token: /\/respond\/([A-Za-z0-9_-]{22})$/.exec(url)![1]! }));
}

/** Answers every question with `value` (1-5), from a fresh anonymous client; `segment` for an unlinked link. */
export async function respond(
  app: FastifyInstance,
  token: string,
  questions: { id: string }[],
  value: number | ((i: number) => number),
  comment?: string,
  segment?: Partial<Attrs>,
) {
  const c = new Client(app);
  return c.post(`/api/v1/respond/${token}`, {
    answers: questions.map((q, i) => ({ questionId: q.id, value: typeof value === 'function' ? value(i) : value, ...(comment && i === 0 ? { comment } : {}) })),
    ...segment,
  });
}

/** An app with a real SMTP server behind its mailer; close both with `close()`. */
export async function createMailApp(engine: Engine, env: Record<string, string> = {}) {
  const smtp = await startSmtp();
  const mailer = createMailer(smtp.url, 'Tandem <tandem@acme.test>')!;
  const t = await createTestApp(engine, { mailer, env });
  return {
    ...t,
    smtp,
    close: async () => {
      mailer.close();
      await t.close();
      await smtp.close();
    },
  };
}
