import { demoParticipation, hackweekParticipation, roundtableParticipation, type Executor, type ParticipationRow } from '@tandem/db';

/** One kind of cross-over activity: who took part, when, in [from, to). */
export interface ParticipationSource {
  kind: string;
  rows(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]>;
}

/**
 * Every activity that counts as taking part (decision 083). A new programme adds one line here
 * (the cross-over feature's coffee pairs, open hours, open mic and sit-ins, once merged).
 */
export const PARTICIPATION_SOURCES: readonly ParticipationSource[] = [
  { kind: 'hackweek', rows: hackweekParticipation },
  { kind: 'demo', rows: demoParticipation },
  { kind: 'roundtable', rows: roundtableParticipation },
];
