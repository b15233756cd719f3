import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ZAudienceMatch, type TAudienceQuery } from '@tandem/contracts';
import { api } from '../../../lib/api';
import { pulseKeys } from './keys';

/** How many active people an audience rule matches (people, not respondents), with the values to choose from. */
export const getAudienceMatch = (a: TAudienceQuery, signal?: AbortSignal) => {
  const q = new URLSearchParams(Object.entries(a).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return api(`/pulses/audience${q.size ? `?${q}` : ''}`, { schema: ZAudienceMatch, signal });
};

export const useAudienceMatch = (a: TAudienceQuery) =>
  useQuery({ queryKey: pulseKeys.audience(a), queryFn: ({ signal }) => getAudienceMatch(a, signal), placeholderData: keepPreviousData });
