package io.guardwall.sqlite;

import io.guardwall.core.model.BlocklistEntry;
import io.guardwall.core.model.Cidr;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The blocklist entries this connection last read or committed, at most {@code capacity}, least
 * recently used dropped first; valid only while no other connection wrote the file, which the
 * caller checks with {@link #validFor}. It saves reading and parsing a busy address's row in every
 * batch. Not thread-safe: used under the database's lock.
 */
final class EntryCache {

  private final Map<Cidr, BlocklistEntry> entries;
  private long version = Long.MIN_VALUE;

  EntryCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Cidr, BlocklistEntry> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Forgets everything unless {@code dataVersion} is the one the cache was filled at. */
  void validFor(long dataVersion) {
    if (dataVersion != version) {
      entries.clear();
      version = dataVersion;
    }
  }

  @Nullable BlocklistEntry get(Cidr cidr) {
    return entries.get(cidr);
  }

  /** Remembers entries that were committed. */
  void putAll(Collection<BlocklistEntry> committed) {
    committed.forEach(e -> entries.put(e.cidr(), e));
  }

  /** Forgets an entry about to be deleted or replaced outside {@link #putAll}. */
  void remove(Cidr cidr) {
    entries.remove(cidr);
  }
}
