import { consumePulseInvitation, findOrganisation, findPulse, findPulseInvitationByTokenHash, insertPulseResponse, listPulseQuestions, queryRows, type PulseInvitationRow, type PulseRow } from '@tandem/db';
import { sql } from 'drizzle-orm';
import type { TRespondForm, TSubmitResponseRequest } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';
import { acceptsResponses, effectiveStatus } from './pulse.mapper';

/** A pulse token is 16 random bytes in base64url: exactly 22 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

const SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** Unknown and malformed links answer exactly the same, so a link's existence cannot be probed. */
const invalidLink = () => new AppError('not_found', 'This survey link is not valid');

/**
 * Resolves a link to its invitation and pulse, in the order the respondent needs to hear about it:
 * not a link (404), the pulse is over (410), already answered (409), not open yet (409).
 */
async function resolveLink(ctx: AppContext, token: string): Promise<{ inv: PulseInvitationRow; pulse: PulseRow }> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const inv = await findPulseInvitationByTokenHash(ctx.db, sha256(token));
  if (!inv) throw invalidLink();
  const pulse = await findPulse(ctx.db, inv.orgId, inv.pulseId);
  if (!pulse) throw invalidLink();
  if (effectiveStatus(pulse, ctx.now()) === 'closed') throw new AppError('gone', 'This pulse has closed; thank you all the same');
  if (inv.used) throw new AppError('conflict', 'This link has already been used to answer; each link works once');
  if (!acceptsResponses(pulse, ctx.now())) throw new AppError('conflict', 'This pulse is not open yet');
  return { inv, pulse };
}

export async function getResponseForm(ctx: AppContext, token: string): Promise<TRespondForm> {
  const { pulse } = await resolveLink(ctx, token);
  const org = await findOrganisation(ctx.db, pulse.orgId);
  const questions = await listPulseQuestions(ctx.db, pulse.orgId, [pulse.id]);
  return {
    organisation: org?.name ?? '',
    title: pulse.title,
    closesAt: pulse.closesAt?.toISOString() ?? null,
    minGroupSize: pulse.minGroupSize,
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    scale: SCALE,
  };
}

/**
 * Stores one anonymous response: the answers, the segment copied from the invitation, and the
 * day (UTC). Never the person, the token, the IP or the time of day. The link is consumed by a
 * conditional update in the same transaction, so concurrent submissions of one link store one
 * response and the others get 409. A share lock on the pulse makes a concurrent close wait, so
 * no response lands after the pulse closed.
 */
export async function submitResponse(ctx: AppContext, token: string, input: TSubmitResponseRequest): Promise<void> {
  const { inv, pulse } = await resolveLink(ctx, token);
  const questions = await listPulseQuestions(ctx.db, pulse.orgId, [pulse.id]);
  const ids = new Set(questions.map((q) => q.id));
  const details: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    if (!ids.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is not a question of this pulse' });
    else if (seen.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is answered twice' });
    seen.add(a.questionId);
  });
  const missing = questions.filter((q) => !seen.has(q.id));
  if (details.length === 0 && missing.length > 0) {
    details.push({ path: 'body.answers', message: `every question needs an answer; missing ${missing.map((q) => q.id).join(', ')}` });
  }
  if (details.length > 0) throw new AppError('validation', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);

  const day = ctx.now().toISOString().slice(0, 10);
  await ctx.db.transaction(async (tx) => {
    const [locked] = await queryRows<{ status: string; closes_at: string | null }>(
      tx,
      sql`select status, closes_at from pulses where org_id = ${pulse.orgId} and id = ${pulse.id} for share`,
    );
    if (!locked || locked.status !== 'open' || (locked.closes_at && new Date(locked.closes_at) <= ctx.now())) {
      throw new AppError('gone', 'This pulse has closed; thank you all the same');
    }
    if (!(await consumePulseInvitation(tx, inv.id))) {
      throw new AppError('conflict', 'This link has already been used to answer; each link works once');
    }
    await insertPulseResponse(
      tx,
      { orgId: pulse.orgId, pulseId: pulse.id, day, side: inv.side, level: inv.level, department: inv.department, location: inv.location },
      input.answers.map((a) => ({ questionId: a.questionId, value: a.value, comment: a.comment && a.comment.length > 0 ? a.comment : null })),
    );
  });
}
