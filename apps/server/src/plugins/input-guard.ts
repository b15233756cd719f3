import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../lib/errors';

const NUL = '\u0000';

/**
 * The path of the first string (or object key) holding U+0000, or null. Iterative, so that a
 * deeply nested body cannot overflow the stack.
 */
export function findNul(root: unknown, base: string): string | null {
  const stack: [unknown, string][] = [[root, base]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i]!;
        if (k.includes(NUL)) return path;
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return null;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * One guard for every route: PostgreSQL cannot store U+0000 in text, so a NUL anywhere in the
 * params, the query or the body (JSON or CSV) is a 400 naming the field before any service
 * runs, instead of a database error and a 500 (decision 009).
 */
export const inputGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    if (typeof req.body === 'string') {
      const at = req.body.indexOf(NUL);
      if (at >= 0) {
        const line = lineOf(req.body, at);
        throw new AppError('validation', `Invalid body: line ${line} contains a NUL character (U+0000)`, [
          { path: 'body', line, message: 'text must not contain a NUL character (U+0000)' },
        ]);
      }
    }
    for (const [part, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', typeof req.body === 'string' ? null : req.body],
    ] as const) {
      const path = findNul(value, part);
      if (path !== null) {
        throw new AppError('validation', `Invalid ${path}: text must not contain a NUL character (U+0000)`, [
          { path, message: 'text must not contain a NUL character (U+0000)' },
        ]);
      }
    }
  });
});
