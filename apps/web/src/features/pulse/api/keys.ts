/** Query keys of the pulse feature; all of them belong to the current organisation. */
export const pulseKeys = {
  all: ['pulse'] as const,
  list: ['pulse', 'list'] as const,
  one: (id: string) => ['pulse', 'one', id] as const,
  results: (id: string, by: string) => ['pulse', 'results', id, by] as const,
  trend: ['pulse', 'trend'] as const,
  respond: (token: string) => ['respond', token] as const,
  issued: (id: string) => ['pulse', 'issued', id] as const,
  actions: (filter: object) => ['pulse', 'actions', filter] as const,
  mine: ['pulse', 'mine'] as const,
  audience: (a: object) => ['pulse', 'audience', a] as const,
  mineOne: (id: string) => ['pulse', 'mine', id] as const,
};
