/**
 * An in-memory key-value cache bounded in bytes, least recently used out first, with per-entry time to live: the
 * store of the response cache (the shape of Apollo's KeyValueCache). Kept here rather than imported from Apollo's
 * transitive dependencies, which the project does not declare.
 */
export type ByteBoundedCache = {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Bytes held now (keys and values, as UTF-16 code units times two). */
  readonly bytes: number;
};

export function boundedCache(maxBytes: number, now: () => number = Date.now): ByteBoundedCache {
  const entries = new Map<string, { value: string; expiresAt: number; bytes: number }>();
  let bytes = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    bytes -= entry.bytes;
    return true;
  };
  return {
    async get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        remove(key);
        return undefined;
      }
      // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    async set(key, value, options) {
      remove(key);
      const size = (key.length + value.length) * 2;
      if (size > maxBytes) return;
      const ttlSeconds = options?.ttl ?? 0;
      entries.set(key, { value, bytes: size, expiresAt: ttlSeconds > 0 ? now() + ttlSeconds * 1000 : Number.POSITIVE_INFINITY });
      bytes += size;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key) {
      return remove(key);
    },
    get bytes() {
      return bytes;
    },
  };
}
