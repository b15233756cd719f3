/**
 * Finds the dependency cycle that giving `id` the dependencies `dependsOn` would close, in a
 * graph where `edges` maps each item to the items it depends on (the current edges of `id` are
 * ignored: they are being replaced). Returns the cycle as a path starting and ending at `id`
 * (e.g. [a, b, c, a]), or null when the graph stays acyclic.
 *
 * Depth-first search from each new dependency, visiting each node once: O(V + E). An enabler
 * that depends on itself, directly or through others, could never start, so callers refuse it.
 * @example findDependencyCycle(new Map([['b', ['a']]]), 'a', ['b']) → ['a', 'b', 'a']
 */
export function findDependencyCycle(edges: ReadonlyMap<string, readonly string[]>, id: string, dependsOn: readonly string[]): string[] | null {
  const visited = new Set<string>();
  const parent = new Map<string, string>();
  for (const start of dependsOn) {
    if (start === id) return [id, id];
    if (visited.has(start)) continue;
    parent.set(start, id);
    visited.add(start);
    const stack = [start];
    while (stack.length) {
      const node = stack.pop()!;
      for (const next of edges.get(node) ?? []) {
        if (next === id) {
          const chain: string[] = [];
          for (let n: string | undefined = node; n !== undefined && n !== id; n = parent.get(n)) chain.push(n);
          return [id, ...chain.reverse(), id];
        }
        if (!visited.has(next)) {
          visited.add(next);
          parent.set(next, node);
          stack.push(next);
        }
      }
    }
  }
  return null;
}
