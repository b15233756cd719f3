import type { TRequestStatus, TRequestType, TRequestUrgency } from '@tandem/contracts';

export const REQUEST_STATUS_LABEL: Record<TRequestStatus, string> = { new: 'New', triaged: 'Triaged', in_progress: 'In progress', done: 'Done', rejected: 'Rejected', deferred: 'Deferred' };
export const REQUEST_STATUS_COLOR: Record<TRequestStatus, string> = { new: 'blue', triaged: 'indigo', in_progress: 'violet', done: 'teal', rejected: 'dark', deferred: 'orange' };
export const REQUEST_TYPE_LABEL: Record<TRequestType, string> = { feature: 'Feature', change: 'Change', fix: 'Fix', it_need: 'IT need' };
export const URGENCY_LABEL: Record<TRequestUrgency, string> = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' };
export const money = (n: number) => Math.round(n).toLocaleString('en-GB');
