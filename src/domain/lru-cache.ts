/**
 * A small LRU cache whose entries expire: a Map keeps insertion order, so the first key is the least
 * recently used. `generation` lets a caller drop what a concurrent change may have made stale.
 */
export function createLruCache<K, V>(options: { max: number; ttlMs: number; now: () => number }) {
  const entries = new Map<K, { value: V; expiresAt: number }>();
  return {
    get(key: K): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= options.now()) return undefined;
      entries.set(key, entry);
      return entry.value;
    },
    set(key: K, value: V): void {
      entries.delete(key);
      entries.set(key, { value, expiresAt: options.now() + options.ttlMs });
      if (entries.size > options.max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    delete: (key: K) => void entries.delete(key),
    /** Drops every entry whose value matches. */
    deleteWhere(match: (value: V) => boolean): void {
      for (const [key, entry] of entries) if (match(entry.value)) entries.delete(key);
    },
    clear: () => entries.clear(),
  };
}
