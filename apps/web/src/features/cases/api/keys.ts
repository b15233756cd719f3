/** Query keys of the cases feature; every write invalidates `all` (lists, register and versions move together). */
export const casesKeys = {
  all: ['cases'] as const,
  list: (kind: string) => ['cases', 'list', kind] as const,
  register: ['cases', 'register'] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  results: (id: string) => ['cases', 'results', id] as const,
  versions: (id: string) => ['cases', 'versions', id] as const,
};
