export { kendallTauB, spearmanRho, midRanks } from './kendall';
export { weightedTau } from './weightedTau';
export { krippendorffAlpha } from './krippendorff';
export type { AlphaLevel } from './krippendorff';
