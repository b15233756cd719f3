import { findOrganisation, findPulse, findPulseLink, listPulseQuestions, submitPulseResponse, type PulseLink } from '@tandem/db';
import type { TRespondForm, TSubmitResponseRequest } from '@tandem/contracts';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';

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
const closed = () => new AppError('gone', 'This pulse has closed; thank you all the same');
const used = () => new AppError('conflict', 'This link has already been used to answer; each link works once');

/**
 * Resolves a link (one query) in the order the respondent needs to hear about it: not a link
 * (404), the pulse is over (410), already answered (409), not open yet (409).
 */
async function resolveLink(ctx: AppContext, token: string): Promise<PulseLink> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const link = await findPulseLink(ctx.db, sha256(token));
  if (!link) throw invalidLink();
  const now = ctx.now();
  if (link.status === 'closed' || (link.closesAt && link.closesAt <= now)) throw closed();
  if (link.used) throw used();
  if (link.status !== 'open' || (link.opensAt && link.opensAt > now)) throw new AppError('conflict', 'This pulse is not open yet');
  return link;
}

export async function getResponseForm(ctx: AppContext, token: string): Promise<TRespondForm> {
  const link = await resolveLink(ctx, token);
  const pulse = (await findPulse(ctx.db, link.orgId, link.pulseId))!;
  const org = await findOrganisation(ctx.db, link.orgId);
  const questions = await listPulseQuestions(ctx.db, link.orgId, [link.pulseId]);
  return {
    organisation: org?.name ?? '',
    title: pulse.title,
    closesAt: pulse.closesAt?.toISOString() ?? null,
    minGroupSize: pulse.minGroupSize,
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    scale: SCALE,
  };
}

/** The 400 a respondent gets when the answers do not cover the pulse's questions exactly once. */
function answerErrors(questionIds: string[], input: TSubmitResponseRequest): AppError {
  const known = new Set(questionIds);
  const seen = new Set<string>();
  const details: { path: string; message: string }[] = [];
  input.answers.forEach((a, i) => {
    if (!known.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is not a question of this pulse' });
    else if (seen.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is answered twice' });
    seen.add(a.questionId);
  });
  const missing = questionIds.filter((id) => !seen.has(id));
  if (details.length === 0) details.push({ path: 'body.answers', message: `every question needs an answer; missing ${missing.join(', ')}` });
  return new AppError('validation', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);
}

/**
 * Stores one anonymous response: the answers, the segment copied from the invitation, and the
 * day (UTC). Never the person, the token, the IP or the time of day. Every question needs exactly
 * one answer (so every number of a segment rests on the same n). Lookup, checks, consuming the
 * link and the insert are one atomic statement: concurrent submissions of one link store one
 * response, and none lands after the pulse closed. The answer order is then the same as
 * {@link resolveLink}'s: 404, 410, 409, 400.
 */
export async function submitResponse(ctx: AppContext, token: string, input: TSubmitResponseRequest): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const now = ctx.now();
  const out = await submitPulseResponse(ctx.db, {
    tokenHash: sha256(token),
    day: now.toISOString().slice(0, 10),
    now,
    answers: input.answers.map((a) => ({ questionId: a.questionId, value: a.value, comment: a.comment ?? null })),
  });
  if (!out) throw invalidLink();
  if (out.stored) return;
  const link = out.link;
  if (link.status === 'closed' || (link.closesAt && link.closesAt <= now)) throw closed();
  if (link.used) throw used();
  if (link.status !== 'open' || (link.opensAt && link.opensAt > now)) throw new AppError('conflict', 'This pulse is not open yet');
  if (!out.complete) throw answerErrors(link.questionIds, input);
  // Open, unused and complete, yet not stored: a concurrent submission of the same link won.
  throw used();
}
