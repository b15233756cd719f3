/**
 * Plain-word validation messages (issue #17, decision 141): the field by its label, the bad value
 * quoted, what is wrong, and the path last so clients and tests can still find it:
 * `Target "two" is not a number (body.target)`.
 */

/** `endDate` → `End date`, `ownerId` → `Owner`, `goalIds` → `Goals`, `start_date` → `Start date`. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/Ids$/, 's')
    .replace(/Id$/, '')
    .replace(/_ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Value';
}

/** The value as the user typed it, shortened: strings in quotes, the rest as JSON. */
export function quoteValue(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? '' : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

const KIND: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

export interface IssueLike {
  keyword: string;
  message: string;
  params?: Record<string, unknown>;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/**
 * One issue of a zod validation error in plain words, without the path. `root` is what was
 * validated (the body, the query…), `path` the issue's path within it.
 */
export function plainIssue(issue: IssueLike, root: unknown, path: readonly string[]): string {
  const key = [...path].reverse().find((k) => !/^\d+$/.test(k));
  const label = key ? fieldLabel(key) : 'The request';
  const value = valueAt(root, path);
  const shown = value === undefined ? '' : ` ${quoteValue(value)}`;
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      if (value === undefined) return `${label} is required`;
      if (value === null) return `${label} cannot be empty`;
      return `${label}${shown} is not ${KIND[String(p.expected)] ?? String(p.expected)}`;
    case 'too_small':
      if (p.origin === 'string') return Number(p.minimum) <= 1 ? `${label} is required` : `${label}${shown} is shorter than ${String(p.minimum)} characters`;
      if (p.origin === 'array' || p.origin === 'set') return `${label} needs at least ${String(p.minimum)}`;
      return `${label}${shown} is below the minimum of ${String(p.minimum)}`;
    case 'too_big':
      if (p.origin === 'string') return `${label} is longer than ${String(p.maximum)} characters`;
      if (p.origin === 'array' || p.origin === 'set') return `${label} has more than ${String(p.maximum)}`;
      return `${label}${shown} is above the maximum of ${String(p.maximum)}`;
    case 'invalid_value':
      return Array.isArray(p.values) ? `${label}${shown} is not one of: ${p.values.map(String).join(', ')}` : `${label}${shown} is not allowed`;
    case 'invalid_format':
      return p.format === 'date' ? `${label}${shown} is not a date (YYYY-MM-DD)` : `${label}${shown} is not a valid ${String(p.format ?? 'value')}`;
    case 'unrecognized_keys':
      return `Unknown field${Array.isArray(p.keys) && p.keys.length === 1 ? '' : 's'}: ${Array.isArray(p.keys) ? p.keys.join(', ') : ''}`;
    case 'not_multiple_of':
      return `${label}${shown} is not ${p.divisor === 1 ? 'a whole number' : `a multiple of ${String(p.divisor)}`}`;
    default:
      // custom refinements already speak plainly; prefix the label when they do not name it
      return issue.message.toLowerCase().includes(label.toLowerCase()) || !key ? issue.message : `${label}${shown}: ${issue.message}`;
  }
}
