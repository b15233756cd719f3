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

/**
 * Stores one anonymous response: the answers, the segment copied from the invitation, and the
 * day (UTC). Never the person, the token, the IP or the time of day. Every question needs exactly
 * one answer (so every number of a segment rests on the same n). The link is consumed and the
 * response inserted in one atomic statement, so concurrent submissions of one link store one
 * response, and none lands after the pulse closed.
 */
export async function submitResponse(ctx: AppContext, token: string, input: TSubmitResponseRequest): Promise<void> {
  const link = await resolveLink(ctx, token);
  const position = new Map(link.questionIds.map((id, i) => [id, i]));
  const details: { path: string; message: string }[] = [];
  const answers = new Array<number>(link.questionIds.length).fill(0);
  const comments = new Array<string | null>(link.questionIds.length).fill(null);
  input.answers.forEach((a, i) => {
    const at = position.get(a.questionId);
    if (at === undefined) details.push({ path: `body.answers.${i}.questionId`, message: 'is not a question of this pulse' });
    else if (answers[at] !== 0) details.push({ path: `body.answers.${i}.questionId`, message: 'is answered twice' });
    else {
      answers[at] = a.value;
      comments[at] = a.comment && a.comment.length > 0 ? a.comment : null;
    }
  });
  const missing = link.questionIds.filter((_, i) => answers[i] === 0);
  if (details.length === 0 && missing.length > 0) {
    details.push({ path: 'body.answers', message: `every question needs an answer; missing ${missing.join(', ')}` });
  }
  if (details.length > 0) throw new AppError('validation', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);

  const now = ctx.now();
  const r = await submitPulseResponse(ctx.db, {
    orgId: link.orgId,
    pulseId: link.pulseId,
    invitationId: link.invitationId,
    day: now.toISOString().slice(0, 10),
    now,
    answers,
    comments,
  });
  if (!r.open) throw closed();
  if (!r.stored) throw used();
}
