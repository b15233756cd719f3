export { erfc, normalCdf, normalQuantile } from './normal';
export { wilsonInterval, newcombeInterval, twoProportionZTest } from './proportions';
export { percentile } from './percentile';
