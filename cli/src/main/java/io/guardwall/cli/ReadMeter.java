package io.guardwall.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the stored bytes a run has read of its sources against their total size (compressed bytes
 * for gzipped ones), for an ETA; the total is unknown when any source's size is. Thread-safe.
 */
final class ReadMeter {

  private static final long UNKNOWN = -1;

  private final long total;
  private final AtomicLong read = new AtomicLong();

  private ReadMeter(long total) {
    this.total = total;
  }

  /** A meter of no known total: it never gives an ETA. */
  static ReadMeter unknown() {
    return new ReadMeter(UNKNOWN);
  }

  /** A meter of the sum of {@code sources}' sizes, unknown when one of them is. */
  static ReadMeter of(List<EventSource> sources) {
    long sum = 0;
    for (EventSource s : sources) {
      OptionalLong size = s.storedSize();
      if (size.isEmpty()) {
        return unknown();
      }
      sum += size.getAsLong();
    }
    return new ReadMeter(sum);
  }

  /** {@code sources}, each counting into this meter as it is read. */
  List<EventSource> meter(List<EventSource> sources) {
    return sources.stream().<EventSource>map(s -> new MeteredSource(s, this)).toList();
  }

  void add(long bytes) {
    read.addAndGet(bytes);
  }

  /**
   * The time left if the rest is read at the pace of the first {@code elapsed}; empty while the
   * total is unknown or nothing was read yet.
   */
  Optional<Duration> eta(Duration elapsed) {
    long done = read.get();
    if (total == UNKNOWN || done <= 0) {
      return Optional.empty();
    }
    double left = Math.max(0, total - done);
    return Optional.of(Duration.ofNanos(Math.round(elapsed.toNanos() * (left / done))));
  }
}
