import { ALIGNMENT_STATEMENT } from './scores';

/** A built-in pulse template: an ordered list of statements on the 5-point agreement scale. */
export interface PulseTemplate {
  id: string;
  title: string;
  statements: readonly string[];
}

/**
 * `tech-priorities-alignment`: the seed's survey statement first, then one statement per
 * "question to assess your strategic alignment" and per common issue in
 * seed/tech-leaders-lunch.txt (roadmap aggressiveness, IT included, specificity, technical goals,
 * time and scope, priorities, money maker, pace).
 */
export const PULSE_TEMPLATES: readonly PulseTemplate[] = [
  {
    id: 'tech-priorities-alignment',
    title: 'IT and Business alignment on tech priorities',
    statements: [
      ALIGNMENT_STATEMENT,
      'Our roadmap aggressively targets business goals',
      'Our roadmap includes IT from the start',
      'Our roadmap is specific: owners, dates, measures',
      'I know which technical goals deliver our business initiatives',
      'Business understands the time and scope of what it asks IT for',
      "IT understands the business's priorities",
      'IT is seen as a driver of revenue, not only a cost',
      'IT and Business move at a similar pace',
    ],
  },
];

export function findPulseTemplate(id: string): PulseTemplate | null {
  return PULSE_TEMPLATES.find((t) => t.id === id) ?? null;
}
