package io.guardwall.aws;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value loaded on first use and reloaded once it is older than a time to live; a failed load is
 * thrown to the caller and retried on the next call. Thread-safe.
 *
 * <p>Not Powertools Parameters: its cache holds the raw text (so the URL or configuration would be
 * validated on every call), reads the system clock (so expiry cannot be tested with a fake one) and
 * would bring a Lambda library into the CLI.
 */
final class Cached<T> {
  private final Supplier<T> loader;
  private final Duration ttl;
  private final InstantSource clock;
  private @Nullable T value;
  private Instant loadedAt = Instant.MIN;

  Cached(Supplier<T> loader, Duration ttl, InstantSource clock) {
    this.loader = Objects.requireNonNull(loader, "loader");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("negative cache time to live: " + ttl);
    }
  }

  synchronized T get() {
    Instant now = clock.instant();
    T current = value;
    if (current == null || !now.isBefore(loadedAt.plus(ttl))) {
      current = Objects.requireNonNull(loader.get(), "loaded value");
      value = current;
      loadedAt = now;
    }
    return current;
  }
}
