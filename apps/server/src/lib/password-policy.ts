import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './errors';

/** Minimum length in characters (NIST SP 800-63B asks at least 8; we ask 10). */
export const MIN_PASSWORD_LENGTH = 10;
/** zxcvbn score 0–4; 3 means about 10^8 guesses or more ("safely unguessable" for online attacks with a slow hash). */
export const MIN_PASSWORD_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;
function estimator() {
  // Built on first use: the common-passwords and diceware dictionaries take a moment to load.
  zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return zxcvbn;
}

/** Why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string, name?: string | null): string | null {
  const pw = password.normalize('NFC');
  if ([...pw].length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = pw.toLowerCase();
  const mail = email.trim().toLowerCase();
  const local = mail.split('@')[0] ?? '';
  if (lower === mail || lower.includes(mail) || (local.length >= 3 && lower.includes(local))) {
    return 'password must not contain your e-mail address or its part before the @';
  }
  const inputs = [mail, local, ...(name ? name.toLowerCase().split(/\s+/).filter((w) => w.length >= 3) : [])];
  const result = estimator().check(pw.slice(0, 256), inputs);
  if (result.score < MIN_PASSWORD_SCORE) {
    return 'password is too easy to guess (a common password, a repeated or keyboard pattern, or your name); use a longer phrase of unrelated words';
  }
  return null;
}

/** Throws a 400 naming the field when the password does not meet the policy (decision 008). */
export function assertPasswordPolicy(field: string, password: string, email: string, name?: string | null) {
  const problem = passwordProblem(password, email, name);
  if (problem) throw new AppError('validation', `Invalid ${field}: ${problem}`, [{ path: field, message: problem }]);
}
