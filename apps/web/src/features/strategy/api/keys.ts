/**
 * Query keys of the strategy feature. Goals, initiatives, enablers and the health check depend on
 * each other (progress rolls up, findings change), so every write invalidates `all`.
 */
export const strategyKeys = {
  all: ['strategy'] as const,
  roadmap: ['strategy', 'roadmap'] as const,
  health: ['strategy', 'health'] as const,
  healthHistory: ['strategy', 'health', 'history'] as const,
  swot: ['strategy', 'swot'] as const,
  people: ['strategy', 'people'] as const,
  history: (type: string, id: string) => ['strategy', 'history', type, id] as const,
};
