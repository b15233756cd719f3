import type { FormEvent } from 'react';

/** The string values of a submitted form, by input name; forms stay uncontrolled and small. */
export function formValues(e: FormEvent<HTMLFormElement>): Record<string, string> {
  e.preventDefault();
  const out: Record<string, string> = {};
  new FormData(e.currentTarget).forEach((v, k) => {
    if (typeof v === 'string') out[k] = v;
  });
  return out;
}

/** A same-site path to return to after signing in; anything else falls back to the default. */
export function safeRedirect(target: unknown, fallback: string): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') ? target : fallback;
}
