export { wsjf, rice, cd3, totalDelayCost } from './scoring';
export type { WsjfInput, RiceInput, DelayItem } from './scoring';
export { kanoCategory, kanoCoefficients } from './kano';
export type { KanoAnswer, KanoCategory } from './kano';
