import type { TLevel, TSide } from '@tandem/contracts';

export const SIDE_LABEL: Record<TSide, string> = { it: 'IT', business: 'Business' };
export const LEVEL_LABEL: Record<TLevel, string> = { leader: 'Leader', employee: 'Employee' };
