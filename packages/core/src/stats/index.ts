export { erfc, normalCdf, normalQuantile } from './normal';
export { wilsonInterval, newcombeInterval, twoProportionZTest } from './proportions';
export { percentile } from './percentile';
export { spearman, studentTTwoSided, regularizedBeta } from './spearman';
export type { SpearmanResult } from './spearman';
