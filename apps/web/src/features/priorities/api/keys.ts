/** Query keys of the priorities feature; all belong to the current organisation. */
export const prioritiesKeys = {
  all: ['priorities'] as const,
  rounds: ['priorities', 'rounds'] as const,
  round: (id: string) => ['priorities', 'round', id] as const,
  sheet: (id: string, personId: string) => ['priorities', 'sheet', id, personId] as const,
  results: (id: string) => ['priorities', 'results', id] as const,
  disagreement: (id: string, itemId: string) => ['priorities', 'disagreement', id, itemId] as const,
  settings: ['priorities', 'settings'] as const,
  portfolio: (id: string, drop: string | null) => ['priorities', 'portfolio', id, drop] as const,
  scenarios: (id: string) => ['priorities', 'scenarios', id] as const,
  compare: (a: string, b: string | null) => ['priorities', 'compare', a, b] as const,
};
