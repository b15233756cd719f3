import { LRUCache } from 'lru-cache';

/**
 * Rendered answers of versioned reads (decision 166), by tag, bounded in bytes. Each answer belongs
 * to a group (an organisation and a scope) and a version of it. An answer of an older version can
 * never be asked for again, so the answers of a group leave as soon as a newer version of it is
 * seen: the cache holds current answers rather than filling up with the churn of writes.
 */
export class VersionedAnswers {
  private readonly live = new Map<string, { version: number; tags: Set<string> }>();
  private readonly lru: LRUCache<string, { body: Buffer; group: string }>;

  constructor(maxBytes: number) {
    this.lru = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (v) => Math.max(1, v.body.length),
      dispose: (v, tag) => this.live.get(v.group)?.tags.delete(tag),
    });
  }

  /** Marks `version` as the group's newest seen, dropping the answers of the versions before it. */
  see(group: string, version: number): void {
    const cur = this.live.get(group);
    if (cur && cur.version >= version) return;
    this.live.set(group, { version, tags: new Set() });
    if (cur) for (const t of cur.tags) this.lru.delete(t);
  }

  get(tag: string): Buffer | undefined {
    return this.lru.get(tag)?.body;
  }

  /** Keeps an answer, unless a newer version of its group was seen while it was being rendered. */
  set(tag: string, group: string, version: number, body: Buffer): boolean {
    const cur = this.live.get(group);
    if (cur?.version !== version) return false;
    this.lru.set(tag, { body, group });
    cur.tags.add(tag);
    return true;
  }

  /** Answers kept, and their bytes. */
  get size(): { answers: number; bytes: number } {
    return { answers: this.lru.size, bytes: this.lru.calculatedSize };
  }
}
