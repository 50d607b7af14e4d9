package io.guardwall.cli;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts how often each key is seen and names the most frequent, in bounded memory. Counts are
 * exact while at most twice {@code capacity} distinct keys were seen; then the rarest are dropped
 * down to {@code capacity}, so that a key's count may afterwards miss up to {@link #maxDropped}
 * sightings (a busy key is never dropped: its count is over every one dropped). Not thread-safe.
 */
final class TopCounts {

  private final int capacity;
  private final Map<String, Long> counts = new HashMap<>();
  private long maxDropped;
  private boolean pruned;

  TopCounts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.capacity = capacity;
  }

  void add(String key) {
    counts.merge(key, 1L, Long::sum);
    if (counts.size() > 2 * capacity) {
      prune();
    }
  }

  /** The {@code n} most frequent keys, most frequent first, ties in key order. */
  List<Map.Entry<String, Long>> top(int n) {
    return counts.entrySet().stream().sorted(ORDER).limit(n).toList();
  }

  /** How many distinct keys were seen; a lower bound once {@link #exact} is false. */
  int distinct() {
    return counts.size();
  }

  /** Whether every count is exact (no key was ever dropped). */
  boolean exact() {
    return !pruned;
  }

  /** The highest count of a dropped key: how far below the truth a count may be. */
  long maxDropped() {
    return maxDropped;
  }

  private static final Comparator<Map.Entry<String, Long>> ORDER =
      Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
          .thenComparing(Map.Entry.comparingByKey());

  private void prune() {
    List<Map.Entry<String, Long>> dropped =
        counts.entrySet().stream().sorted(ORDER).skip(capacity).toList();
    for (Map.Entry<String, Long> e : dropped) {
      maxDropped = Math.max(maxDropped, e.getValue());
      counts.remove(e.getKey());
    }
    pruned = true;
  }
}
