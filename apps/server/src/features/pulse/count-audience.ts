import { countAudience, listSegmentValues } from '@tandem/db';
import type { TAudienceMatch, TAudienceQuery } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';

/**
 * How many active people an audience rule matches, with the organisation's departments and
 * locations to choose from (decision 132). It counts people in the directory, never respondents,
 * so it tells nothing about who answered.
 */
export async function matchAudience(ctx: AppContext, auth: OrgAuth, q: TAudienceQuery): Promise<TAudienceMatch> {
  const [matches, values] = await Promise.all([countAudience(ctx.db, auth.orgId, q), listSegmentValues(ctx.db, auth.orgId)]);
  return { matches, departments: values.department, locations: values.location };
}
