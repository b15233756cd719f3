/**
 * When a closed pulse's results may mislead (decision 133): too few of the invited answered, or a
 * published group is barely above the minimum group, so one person moves its score a lot.
 */

/** Below this share of the invited answering, the results carry a caution. */
export const LOW_PARTICIPATION = 0.3;
/** A visible group smaller than this multiple of the minimum group is "barely above" it. */
export const THIN_GROUP_FACTOR = 1.5;

export type ParticipationCaution =
  | { kind: 'low-participation'; rate: number }
  | { kind: 'total-hidden' }
  | { kind: 'thin-group'; smallest: number; onePersonMoves: number };

export interface CautionInput {
  /** Everyone who answered, or null when the audit hides it. */
  respondents: number | null;
  invited: number;
  minGroupSize: number;
  /** n of every published (visible) group of the results. */
  visibleGroupSizes: number[];
}

export function participationCautions(i: CautionInput): ParticipationCaution[] {
  const out: ParticipationCaution[] = [];
  if (i.respondents === null) out.push({ kind: 'total-hidden' });
  else if (i.invited > 0 && i.respondents / i.invited < LOW_PARTICIPATION) out.push({ kind: 'low-participation', rate: i.respondents / i.invited });
  const thin = i.visibleGroupSizes.filter((n) => n > 0 && n < THIN_GROUP_FACTOR * i.minGroupSize);
  if (thin.length > 0) {
    const smallest = Math.min(...thin);
    // One person changing their answer moves a favourable share by 1/n.
    out.push({ kind: 'thin-group', smallest, onePersonMoves: 1 / smallest });
  }
  return out;
}
