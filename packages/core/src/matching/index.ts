/** Matching: maximum-weight matching on general graphs and the coffee pairing built on it. */
export { maxWeightMatching, solveMatching, greedyMatching, matchingWeight } from './blossom';
export type { WeightedEdge, MatchingCertificate } from './blossom';
export { pairPeople, pairingWeight, repeatPenaltyFor, PAIRING_DEFAULTS } from './pairing';
export type {
  PairingSide,
  PairingPerson,
  PairingRound,
  PairingHistory,
  PairingOptions,
  PairingResult,
} from './pairing';
export { groupPeople, groupReasons, strictPairingOptions, lastMetIndex, pairKey, findRepeatFreeGrouping, removeAvoidableRepeats } from './groups';
export type { GroupingRules, GroupingResult, RepeatFreeSearch } from './groups';
