import type { TRequestFlow, TRequestType, TRequestUrgency, TStatusCategory } from '@tandem/contracts';

/** Colours follow the status category, so an organisation's own statuses read like the default ones. */
export const CATEGORY_COLOR: Record<TStatusCategory, string> = { new: 'blue', triaged: 'indigo', in_progress: 'violet', done: 'teal', rejected: 'dark', deferred: 'orange' };
export const CATEGORY_LABEL: Record<TStatusCategory, string> = { new: 'New', triaged: 'Triaged', in_progress: 'In progress', done: 'Done', rejected: 'Rejected', deferred: 'Deferred' };
export const CATEGORIES = Object.keys(CATEGORY_LABEL) as TStatusCategory[];
export const REQUEST_TYPE_LABEL: Record<TRequestType, string> = { feature: 'Feature', change: 'Change', fix: 'Fix', it_need: 'IT need' };
export const URGENCY_LABEL: Record<TRequestUrgency, string> = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' };
export const money = (n: number) => Math.round(n).toLocaleString('en-GB');

/** The label of a status key in the flow (a key no longer in the flow shows as itself). */
export function statusLabel(flow: TRequestFlow | undefined, key: string): string {
  return flow?.statuses.find((s) => s.key === key)?.label ?? key;
}
